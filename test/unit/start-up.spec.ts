import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/app-config';
import { ConfigError } from '../../src/config/environment';
import { DEMO_ADDRESSES_FILE, startupBanner } from '../../src/core/startup-banner';
import { QuietStartLogger } from '../../src/core/startup-log';
import { startWorker } from '../../src/worker';

describe('what a start prints', () => {
  it('says where to open, sign in and read the API, and on the embedded demo who to sign in as and where to write', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tanxin-banner-'));
    writeFileSync(join(dataDir, DEMO_ADDRESSES_FILE), JSON.stringify({ accounts: 'organiser / demo12345', box: 'http://localhost:3000/b/x', survey: 'http://localhost:3000/s/y' }));
    const lines = startupBanner(loadConfig({ DATA_DIR: dataDir, PORT: '3000', PUBLIC_BASE_URL: 'http://localhost:3000' }));
    expect(lines.join('\n')).toEqual(expect.stringContaining('http://localhost:3000/login'));
    expect(lines.join('\n')).toEqual(expect.stringContaining('http://localhost:3000/api/docs'));
    expect(lines.slice(1)).toEqual(['demo accounts: organiser / demo12345', 'demo box (意见箱): http://localhost:3000/b/x', 'demo survey (征求意见表, one unanswered token): http://localhost:3000/s/y']);
  });

  it('names no demo account where there is no demo', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tanxin-banner-'));
    writeFileSync(join(dataDir, DEMO_ADDRESSES_FILE), JSON.stringify({ accounts: 'organiser / demo12345', box: 'b', survey: 's' }));
    expect(startupBanner(loadConfig({ DATA_DIR: dataDir, DEMO_DATA: 'false', PUBLIC_BASE_URL: 'https://tanxin.example.org' }))).toHaveLength(1);
  });

  it('warns when posters and survey cards would point to localhost', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tanxin-banner-'));
    const lines = startupBanner(loadConfig({ DATA_DIR: dataDir, DEMO_DATA: 'false', PORT: '3000' }));
    expect(lines[1]).toMatch(/^PUBLIC_BASE_URL is not set: .* will point to http:\/\/localhost:3000/);
  });

  it("turns Nest's module and route lines down to debug, and passes every other line on", () => {
    const seen: string[] = [];
    const inner = { log: (message: string) => seen.push(`log ${message}`), debug: (message: string) => seen.push(`debug ${message}`), error: () => undefined, warn: () => undefined };
    const logger = new QuietStartLogger(inner);
    logger.log('Mapped {/login, GET} route', 'RouterExplorer');
    logger.log('AuthModule dependencies initialized', 'InstanceLoader');
    logger.log('released 3 held opinion(s)', 'ReleaseService');
    expect(seen).toEqual(['debug Mapped {/login, GET} route', 'debug AuthModule dependencies initialized', 'log released 3 held opinion(s)']);
  });

  it('refuses a bad setting in the worker with the same list as the api, not a stack trace', async () => {
    await expect(startWorker({ PORT: 'not-a-port', REDIS_URL: 'redis://127.0.0.1:6379' })).rejects.toBeInstanceOf(ConfigError);
    await expect(startWorker({})).rejects.toThrow(/the worker needs REDIS_URL/);
  });
});
