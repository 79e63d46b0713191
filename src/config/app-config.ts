import { resolve } from 'node:path';
import { EnvironmentVariables, validateEnvironment } from './environment';
import { parseTrustProxy, TrustProxy } from './trust-proxy';

export type DatabaseKind = 'sqlite' | 'mysql' | 'mariadb';
export type QueueDriverKind = 'inline' | 'bullmq';

/** An on-premises embedding model (EMBEDDINGS_*): present only when EMBEDDINGS_URL is set. */
export interface EmbeddingsSettings {
  /** Base URL without a trailing slash; requests go to `{url}/embeddings`. */
  url: string;
  model: string;
  /** Sent as a Bearer token; never logged. */
  apiKey?: string;
  timeoutMs: number;
  batchSize: number;
  /** Least blended similarity for joining an item when vectors are there (EMBEDDINGS_THRESHOLD). */
  threshold: number;
}

export interface MysqlConnection {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

/**
 * The typed configuration every module reads. Built once from the environment by
 * `loadConfig`; nothing else in the code base reads process.env.
 */
export class AppConfig {
  readonly env: EnvironmentVariables['NODE_ENV'];
  readonly port: number;
  readonly host: string;
  readonly trustProxy: TrustProxy;
  readonly dataDir: string;
  readonly publicBaseUrl: string;
  /** Whether PUBLIC_BASE_URL was given: without it posters and survey cards point to localhost. */
  readonly publicBaseUrlGiven: boolean;
  readonly timeZone: string;
  readonly logLevel: string;
  readonly bodyLimit: number;
  readonly uploads: { dir: string; maxBytes: number };
  readonly exports: { dir: string; retentionDays: number };
  readonly reminders: { enabled: boolean; hour: number; leadDays: number };
  /** When held anonymous opinions are released: hours of the day in TIME_ZONE, ascending. */
  readonly release: { hours: number[] };
  readonly database: {
    kind: DatabaseKind;
    sqlitePath: string;
    mysql: MysqlConnection;
    poolSize: number;
    /** MySQL/MariaDB: per statement and per wait for a pooled connection. */
    queryTimeoutMs: number;
    connectTimeoutMs: number;
    migrateOnStart: boolean;
  };
  readonly demoData: boolean;
  readonly redis: { url?: string; prefix: string };
  readonly queue: {
    driver: QueueDriverKind;
    attempts: number;
    backoffMs: number;
    concurrency: number;
    sweepIntervalMs: number;
    scheduleIntervalMs: number;
  };
  readonly auth: { jwtSecret: string; jwtExpiresIn: string; loginRateLimit: number; loginAccountRateLimit: number; loginRateWindowSeconds: number };
  readonly anonymity: {
    secret: string;
    boxSubmitLimit: number;
    boxSubmitCeiling: number;
    accessCodeFailureLimit: number;
    surveySubmitLimit: number;
    receiptLookupLimit: number;
    publicReadLimit: number;
    publicRateWindowSeconds: number;
  };
  readonly webhookTimeoutMs: number;
  /** Hosts, addresses and CIDRs webhooks may reach although private or local (WEBHOOK_ALLOWED_HOSTS). */
  readonly webhookAllowedHosts: string[];
  readonly progress: { cacheSeconds: number };
  /** The embedding model clustering may ask; null when EMBEDDINGS_URL is not set (lexical only). */
  readonly embeddings: EmbeddingsSettings | null;

  constructor(vars: EnvironmentVariables) {
    this.env = vars.NODE_ENV;
    this.port = vars.PORT;
    this.host = vars.HOST;
    // Validated by the environment schema, so never null here.
    this.trustProxy = parseTrustProxy(vars.TRUST_PROXY) ?? false;
    this.dataDir = resolve(vars.DATA_DIR);
    this.publicBaseUrl = (vars.PUBLIC_BASE_URL ?? `http://localhost:${vars.PORT}`).replace(/\/+$/, '');
    this.publicBaseUrlGiven = vars.PUBLIC_BASE_URL !== undefined;
    this.timeZone = vars.TIME_ZONE;
    this.logLevel = vars.LOG_LEVEL;
    this.bodyLimit = vars.BODY_LIMIT;
    this.reminders = { enabled: vars.REMINDERS_ENABLED, hour: vars.REMINDER_HOUR, leadDays: vars.REMINDER_LEAD_DAYS };
    this.release = { hours: [...new Set(vars.RELEASE_HOURS.split(',').map((hour) => Number(hour.trim())))].sort((a, b) => a - b) };
    this.exports = { dir: resolve(vars.EXPORT_DIR ?? resolve(vars.DATA_DIR, 'exports')), retentionDays: vars.EXPORT_RETENTION_DAYS };
    this.uploads = { dir: resolve(vars.UPLOAD_DIR ?? resolve(vars.DATA_DIR, 'uploads')), maxBytes: vars.UPLOAD_MAX_BYTES };
    this.database = {
      kind: vars.DB_TYPE,
      sqlitePath: resolve(vars.DATA_DIR, 'tanxin.sqlite'),
      mysql: vars.DATABASE_URL ? parseMysqlUrl(vars.DATABASE_URL) : {
        host: vars.DB_HOST,
        port: vars.DB_PORT,
        user: vars.DB_USER,
        password: vars.DB_PASSWORD,
        database: vars.DB_NAME,
      },
      poolSize: vars.DB_POOL_SIZE,
      queryTimeoutMs: vars.DB_QUERY_TIMEOUT_MS,
      connectTimeoutMs: vars.DB_CONNECT_TIMEOUT_MS,
      migrateOnStart: vars.DB_MIGRATE_ON_START,
    };
    // Demo data is for the embedded first start only; MySQL gets it only from `cli demo`. Its
    // password is published: production gets it only when DEMO_DATA=true says so.
    this.demoData = (vars.DEMO_DATA ?? vars.NODE_ENV !== 'production') && vars.DB_TYPE === 'sqlite';
    this.redis = { url: vars.REDIS_URL, prefix: vars.REDIS_PREFIX };
    this.queue = {
      driver: vars.REDIS_URL ? 'bullmq' : 'inline',
      attempts: vars.QUEUE_ATTEMPTS,
      backoffMs: vars.QUEUE_BACKOFF_MS,
      concurrency: vars.QUEUE_CONCURRENCY,
      sweepIntervalMs: vars.SWEEP_INTERVAL_MS,
      scheduleIntervalMs: vars.SCHEDULE_INTERVAL_MS ?? vars.SWEEP_INTERVAL_MS,
    };
    this.auth = {
      jwtSecret: vars.JWT_SECRET,
      jwtExpiresIn: vars.JWT_EXPIRES_IN,
      loginRateLimit: vars.LOGIN_RATE_LIMIT,
      loginAccountRateLimit: vars.LOGIN_ACCOUNT_RATE_LIMIT,
      loginRateWindowSeconds: vars.LOGIN_RATE_WINDOW_SECONDS,
    };
    this.anonymity = {
      secret: vars.ANONYMITY_SECRET,
      boxSubmitLimit: vars.BOX_SUBMIT_RATE_LIMIT,
      boxSubmitCeiling: vars.BOX_SUBMIT_CEILING,
      accessCodeFailureLimit: vars.ACCESS_CODE_FAILURE_LIMIT,
      surveySubmitLimit: vars.SURVEY_SUBMIT_RATE_LIMIT,
      receiptLookupLimit: vars.RECEIPT_LOOKUP_RATE_LIMIT,
      publicReadLimit: vars.PUBLIC_READ_RATE_LIMIT,
      publicRateWindowSeconds: vars.PUBLIC_RATE_WINDOW_SECONDS,
    };
    this.webhookTimeoutMs = vars.WEBHOOK_TIMEOUT_MS;
    this.webhookAllowedHosts = vars.WEBHOOK_ALLOWED_HOSTS.split(',').map((entry) => entry.trim()).filter(Boolean);
    this.progress = { cacheSeconds: vars.PROGRESS_CACHE_SECONDS };
    this.embeddings = embeddingsSettings(vars);
  }

  get isProduction(): boolean {
    return this.env === 'production';
  }
}

function parseMysqlUrl(url: string): MysqlConnection {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username || 'root'),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'tanxin',
  };
}

function embeddingsSettings(vars: EnvironmentVariables): EmbeddingsSettings | null {
  // The schema refuses a URL without a model, so EMBEDDINGS_MODEL is set whenever the URL is.
  if (!vars.EMBEDDINGS_URL || !vars.EMBEDDINGS_MODEL) return null;
  return {
    url: vars.EMBEDDINGS_URL.replace(/\/+$/, ''),
    model: vars.EMBEDDINGS_MODEL,
    apiKey: vars.EMBEDDINGS_API_KEY,
    timeoutMs: vars.EMBEDDINGS_TIMEOUT_MS,
    batchSize: vars.EMBEDDINGS_BATCH,
    threshold: vars.EMBEDDINGS_THRESHOLD,
  };
}

/**
 * The EMBEDDINGS_* settings alone, checked as at start: for `cli cluster`, which needs neither a
 * database nor the rest of the configuration.
 */
export function loadEmbeddingsSettings(env: Record<string, string | undefined>): EmbeddingsSettings | null {
  return embeddingsSettings(validateEnvironment(Object.fromEntries(Object.entries(env).filter(([key]) => key.startsWith('EMBEDDINGS_')))));
}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  return new AppConfig(validateEnvironment(env));
}
