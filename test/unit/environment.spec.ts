import { loadConfig } from '../../src/config/app-config';
import { ConfigError, DEFAULT_ANONYMITY_SECRET, DEFAULT_JWT_SECRET } from '../../src/config/environment';

describe('configuration', () => {
  it('runs the embedded default with no environment at all: SQLite under ./data and the in-process queue', () => {
    const config = loadConfig({});
    expect(config.database.kind).toBe('sqlite');
    expect(config.database.sqlitePath).toMatch(/data[\\/]tanxin\.sqlite$/);
    expect(config.queue.driver).toBe('inline');
    expect(config.port).toBe(3000);
    expect(config.demoData).toBe(true);
  });

  it('selects MySQL from DATABASE_URL and BullMQ from REDIS_URL, and never seeds demo data on MySQL', () => {
    const config = loadConfig({ DB_TYPE: 'mysql', DATABASE_URL: 'mysql://app:s%40cret@db.local:3307/tanxin_prod', REDIS_URL: 'redis://cache:6379' });
    expect(config.database.mysql).toEqual({ host: 'db.local', port: 3307, user: 'app', password: 's@cret', database: 'tanxin_prod' });
    expect(config.queue.driver).toBe('bullmq');
    expect(config.demoData).toBe(false);
  });

  it('refuses production with a missing, default or short JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: DEFAULT_JWT_SECRET })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(20) })).toThrow(/at least 32/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), ANONYMITY_SECRET: 'y'.repeat(40) }).isProduction).toBe(true);
  });

  it('refuses production with a missing, default, short or reused anonymity key', () => {
    const jwt = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig(jwt)).toThrow(/ANONYMITY_SECRET must be set in production/);
    expect(() => loadConfig({ ...jwt, ANONYMITY_SECRET: DEFAULT_ANONYMITY_SECRET })).toThrow(/ANONYMITY_SECRET must be set/);
    expect(() => loadConfig({ ...jwt, ANONYMITY_SECRET: 'y'.repeat(20) })).toThrow(/ANONYMITY_SECRET must be at least 32/);
    expect(() => loadConfig({ ...jwt, ANONYMITY_SECRET: 'x'.repeat(40) })).toThrow(/must differ from JWT_SECRET/);
  });

  it('lists every bad value at once', () => {
    try {
      loadConfig({ PORT: '-1', DB_TYPE: 'postgres', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join('\n')).toMatch(/PORT[\s\S]*DB_TYPE[\s\S]*LOG_LEVEL/);
    }
  });
});
