import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

describe(`the home page (${driverName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('leads a browser opening the bare address to writing, the receipt look-up, sign-in and the API, not to a JSON 404', async () => {
    const home = await t.http.get('/');
    expect({ status: home.status, type: home.headers['content-type'] }).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
    for (const link of ['href="/r"', 'href="/login"', 'href="/api/docs"']) expect(home.text).toContain(link);
    expect(home.text).toContain('不需要登录');
  });
});
