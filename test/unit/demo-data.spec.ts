import { Logger } from '@nestjs/common';
import { loadConfig } from '../../src/config/app-config';
import { DemoOnFirstStart } from '../../src/demo/demo-on-first-start';
import { DemoService } from '../../src/demo/demo.service';
import { OrganizationsService } from '../../src/organizations/organizations.service';

const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40), ANONYMITY_SECRET: 'a'.repeat(40) };

/** The first start of an empty embedded database, with the seeding itself stubbed. */
async function firstStart(env: Record<string, string>): Promise<{ seeded: boolean; warnings: string[] }> {
  const seedDemo = jest.fn(async () => true);
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  try {
    const organizations = { countOrganizations: async () => 0 } as unknown as OrganizationsService;
    await new DemoOnFirstStart(loadConfig(env), organizations, { seedDemo } as unknown as DemoService).onApplicationBootstrap();
    return { seeded: seedDemo.mock.calls.length > 0, warnings: warn.mock.calls.map(([message]) => String(message)) };
  } finally {
    warn.mockRestore();
  }
}

describe('demo data', () => {
  it('is on by default outside production (the embedded first start), off by default in production', () => {
    expect(loadConfig({}).demoData).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).demoData).toBe(true);
    expect(loadConfig(PRODUCTION).demoData).toBe(false);
    expect(loadConfig({ ...PRODUCTION, DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(loadConfig({ DEMO_DATA: 'false' }).demoData).toBe(false);
  });

  it('needs DEMO_DATA=true in production, and never applies to MySQL', () => {
    expect(loadConfig({ ...PRODUCTION, DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(loadConfig({ ...PRODUCTION, DEMO_DATA: 'true', DB_TYPE: 'mysql' }).demoData).toBe(false);
  });

  it('creates no demo organisation on a production first start without DEMO_DATA', async () => {
    expect(await firstStart(PRODUCTION)).toEqual({ seeded: false, warnings: [] });
  });

  it('creates it in production when DEMO_DATA=true says so, warning loudly', async () => {
    const { seeded, warnings } = await firstStart({ ...PRODUCTION, DEMO_DATA: 'true' });
    expect(seeded).toBe(true);
    expect(warnings).toEqual([expect.stringContaining('DEMO_DATA=true in production')]);
  });

  it('creates it on a development first start', async () => {
    expect((await firstStart({})).seeded).toBe(true);
  });
});
