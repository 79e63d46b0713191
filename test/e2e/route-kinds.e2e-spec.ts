import { routesOf } from '../../src/core/http';
import { addressKind } from '../../src/core/public-routes';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

/**
 * A route's kind (HTML page, anonymous) comes from its decorators; a URL no route serves falls
 * back on its address (core/public-routes). The two must tell the same story, or a 404 next to a
 * page would be answered, counted or logged unlike the page.
 */
describe(`route kinds (${driverName})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('gives every route the kind its address has', () => {
    const routes = routesOf(t.app);
    const disagreeing = routes
      .map((route) => ({ route: `${route.method} ${route.url}`, decorators: { html: route.kind.html === true, anonymous: route.kind.anonymous === true }, address: addressKind(route.url) }))
      .filter(({ decorators, address }) => decorators.html !== address.html || decorators.anonymous !== address.anonymous);
    expect(disagreeing).toEqual([]);
  });

  it('knows the pages and the anonymous routes by their decorators', () => {
    const kindOf = (method: string, url: string) => routesOf(t.app).find((route) => route.method === method && route.url === url)?.kind;
    expect({
      boxPage: kindOf('POST', '/b/:slug/opinions'),
      receiptApi: kindOf('GET', '/api/v1/public/receipts/:receipt'),
      login: kindOf('POST', '/login'),
      myItems: kindOf('GET', '/me/items'),
      board: kindOf('GET', '/meetings/:id/board'),
      meetings: kindOf('GET', '/api/v1/meetings'),
    }).toEqual({
      boxPage: { html: true, anonymous: true },
      receiptApi: { anonymous: true },
      login: { html: true },
      myItems: { html: true },
      board: { html: true },
      meetings: {},
    });
  });
});
