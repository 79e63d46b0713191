import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateBy,
  validateSync,
} from 'class-validator';
import { isIP } from 'node:net';
import { parseTrustProxy, TRUST_PROXY_HELP } from './trust-proxy';

/** The development secret: good enough on a laptop, refused in production. */
export const DEFAULT_JWT_SECRET = 'tanxin-dev-secret-change-me';
/** The development key for receipts and rate-limit hashes: refused in production too. */
export const DEFAULT_ANONYMITY_SECRET = 'tanxin-dev-anonymity-secret-change-me';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toDecimal = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;

/**
 * Every environment variable Tanxin reads, with its default. Defaults give the embedded mode
 * (SQLite + in-process queue); MySQL and Redis settings matter only when chosen.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /**
   * The proxies in front of the api (see trust-proxy.ts): false, a number of hops (`true` is one),
   * or their addresses/CIDRs. The client address, the rate limits' key, is the right-most
   * X-Forwarded-For address none of them added.
   */
  @ValidateBy({ name: 'isTrustProxy', validator: { validate: (value) => typeof value === 'string' && parseTrustProxy(value) !== null, defaultMessage: () => TRUST_PROXY_HELP } })
  TRUST_PROXY = 'false';

  /** Holds the SQLite file, exports and uploads. */
  @IsString()
  DATA_DIR = './data';

  @IsIn(['sqlite', 'mysql', 'mariadb'])
  DB_TYPE: 'sqlite' | 'mysql' | 'mariadb' = 'sqlite';

  @IsOptional() @Matches(/^(mysql|mariadb):\/\//, { message: 'DATABASE_URL must look like mysql://user:password@host:3306/name' })
  DATABASE_URL?: string = undefined;

  @IsString() DB_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) DB_PORT = 3306;
  @IsString() DB_USER = 'root';
  @IsString() DB_PASSWORD = '';
  @IsString() DB_NAME = 'tanxin';
  @Transform(toInt) @IsInt() @Min(1) @Max(500) DB_POOL_SIZE = 20;

  /**
   * MySQL/MariaDB: how long a statement, or the wait for a pooled connection, may take before the
   * request answers 503 (a frozen or unreachable database). Schema changes (migrations) are not timed.
   */
  @Transform(toInt) @IsInt() @Min(100) @Max(600_000)
  DB_QUERY_TIMEOUT_MS = 5000;

  /** MySQL/MariaDB: how long opening a connection (TCP and handshake) may take. */
  @Transform(toInt) @IsInt() @Min(100) @Max(600_000)
  DB_CONNECT_TIMEOUT_MS = 3000;

  /** Run pending migrations when the process starts (api and worker). */
  @Transform(toBool) @IsBoolean()
  DB_MIGRATE_ON_START = true;

  /** Selects BullMQ. Without it jobs run in-process. */
  @IsOptional() @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must look like redis://host:6379' })
  REDIS_URL?: string = undefined;

  /** Prefix of every Redis key Tanxin writes (queues, rate limits, caches). */
  @IsString() @Matches(/^[A-Za-z0-9_-]+$/)
  REDIS_PREFIX = 'tanxin';

  @IsString()
  JWT_SECRET = DEFAULT_JWT_SECRET;

  /**
   * Key of the keyed hashes that stand in for people who must stay anonymous: receipt codes and
   * the daily-rotating rate-limit keys. Separate from JWT_SECRET, so rotating the login secret
   * does not invalidate every receipt handed out.
   */
  @IsString()
  ANONYMITY_SECRET = DEFAULT_ANONYMITY_SECRET;

  @IsString() @Matches(/^\d+[smhd]$/, { message: 'JWT_EXPIRES_IN must look like 12h, 30m or 7d' })
  JWT_EXPIRES_IN = '12h';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Largest accepted request body, in bytes (413 beyond it). */
  @Transform(toInt) @IsInt() @Min(1024) @Max(50 * 1024 * 1024)
  BODY_LIMIT = 256 * 1024;

  /** Where uploaded check materials (对照检查材料) are kept; default `<DATA_DIR>/uploads`. */
  @IsOptional() @IsString()
  UPLOAD_DIR?: string;

  /** Whether the daily reminders go out at all (the test suite turns them off and runs them by hand). */
  @Transform(toBool) @IsBoolean() REMINDERS_ENABLED = true;

  /** The hour of the day (in TIME_ZONE) the daily reminders go out. */
  @Transform(toInt) @IsInt() @Min(0) @Max(23) REMINDER_HOUR = 9;

  /**
   * The hours of the day (in TIME_ZONE, comma-separated) at which held anonymous opinions are
   * released in batches (统一整理). Once a day by default, before the office opens.
   */
  @Matches(/^\s*([01]?\d|2[0-3])\s*(,\s*([01]?\d|2[0-3])\s*)*$/, { message: 'RELEASE_HOURS must be hours 0-23 separated by commas, e.g. "7" or "7,13"' })
  RELEASE_HOURS = '7';

  /** How many days before a deadline reminders start. */
  @Transform(toInt) @IsInt() @Min(0) @Max(60) REMINDER_LEAD_DAYS = 3;

  /** Where export files are written; default `<DATA_DIR>/exports`. */
  @IsOptional() @IsString()
  EXPORT_DIR?: string;

  /** Days an export file is kept before it is removed. */
  @Transform(toInt) @IsInt() @Min(1) @Max(365) EXPORT_RETENTION_DAYS = 7;

  /** Largest check-material file accepted, in bytes (413 beyond). */
  @Transform(toInt) @IsInt() @Min(1024) @Max(200 * 1024 * 1024) UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

  /**
   * Create the demo organisation on the first start (embedded mode only). Its accounts' password
   * is published, so the default is on only outside production: production gets the demo only
   * when this is set to true, and then says so loudly in the log.
   */
  @IsOptional() @Transform(toBool) @IsBoolean()
  DEMO_DATA?: boolean = undefined;

  /** Base URL printed on posters and QR codes; defaults to http://localhost:PORT. */
  @IsOptional() @Matches(/^https?:\/\/[^\s]+$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL?: string = undefined;

  /** Time zone of deadlines, day-only dates and reminder hours. */
  @IsString()
  TIME_ZONE = 'Asia/Shanghai';

  @Transform(toInt) @IsInt() @Min(1) @Max(20) QUEUE_ATTEMPTS = 3;
  /** First retry delay; each later one doubles. */
  @Transform(toInt) @IsInt() @Min(1) @Max(600_000) QUEUE_BACKOFF_MS = 2000;
  @Transform(toInt) @IsInt() @Min(1) @Max(200) QUEUE_CONCURRENCY = 10;
  /** How often the outbox sweeper re-enqueues work still pending in the database. */
  @Transform(toInt) @IsInt() @Min(100) @Max(3_600_000) SWEEP_INTERVAL_MS = 60_000;
  /**
   * How often the scheduled tasks (the release times, the daily reminders, expired exports) check
   * whether they are due: once per tick across all workers. Defaults to SWEEP_INTERVAL_MS.
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(3_600_000) SCHEDULE_INTERVAL_MS?: number = undefined;

  /**
   * Failed sign-ins one client address may make per window: generous, because a whole office
   * signs in from one address and one person's forgotten password must not lock out the rest.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000) LOGIN_RATE_LIMIT = 100;
  /** Failed sign-ins per account per window, from any address: what stops guessing a password. */
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000) LOGIN_ACCOUNT_RATE_LIMIT = 10;
  @Transform(toInt) @IsInt() @Min(1) @Max(86_400) LOGIN_RATE_WINDOW_SECONDS = 900;

  /**
   * Opinions one client may have accepted by the boxes per window (page and API together). Only
   * accepted ones count: a refused attempt (too short, wrong code) costs nothing. Sized for an
   * office behind one address (a 单位's NAT): 300 colleagues writing within the hour all get in.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) BOX_SUBMIT_RATE_LIMIT = 600;
  /** Opinions one box accepts per window from all clients together: caps a flood from many addresses. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) BOX_SUBMIT_CEILING = 2000;
  /** Wrong access codes one client may send to one box per window: what stops guessing the code. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) ACCESS_CODE_FAILURE_LIMIT = 30;
  /**
   * Survey answers one client may have accepted per window. A department often fills its forms
   * in one room behind one address, and each token answers once anyway.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) SURVEY_SUBMIT_RATE_LIMIT = 600;
  /** Receipt look-ups one client may make per window (receipts have 80 random bits: this is about load, not guessing). */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) RECEIPT_LOOKUP_RATE_LIMIT = 600;
  /** Public page and box-description reads one client may make per window: several for every colleague of an office. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) PUBLIC_READ_RATE_LIMIT = 3000;
  /** The public limits' window, in seconds; windows follow the clock (an hour's window ends on the hour). */
  @Transform(toInt) @IsInt() @Min(1) @Max(86_400) PUBLIC_RATE_WINDOW_SECONDS = 3600;

  @Transform(toInt) @IsInt() @Min(1) @Max(60_000) WEBHOOK_TIMEOUT_MS = 5000;

  /**
   * Webhooks may not post to loopback, link-local, private (10/8, 172.16/12, 192.168/16, fc00::/7),
   * unspecified, multicast or other reserved addresses, checked at creation and at each delivery.
   * Host names, addresses or CIDRs listed here (comma-separated) are allowed all the same: an
   * intranet robot, e.g. `robot.intranet.example,10.8.0.0/16`. Empty: none.
   */
  @ValidateBy({ name: 'isHostList', validator: { validate: (value) => typeof value === 'string' && value.split(',').every((entry) => isHostOrCidr(entry.trim())), defaultMessage: () => 'WEBHOOK_ALLOWED_HOSTS must be host names, IP addresses or CIDRs separated by commas, e.g. "robot.intranet.example,10.8.0.0/16"' } })
  WEBHOOK_ALLOWED_HOSTS = '';

  /**
   * Seconds a meeting's progress (GET …/progress) is kept in Redis and served to every reader:
   * its numbers may lag by this much. 0 computes every read; embedded mode (no Redis) always does.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(3600) PROGRESS_CACHE_SECONDS = 10;

  /**
   * An embedding model on the organisation's own servers, behind an OpenAI-compatible API (Ollama,
   * Xinference, Text Embeddings Inference, vLLM): its base URL, e.g. http://models.example.internal:9997/v1.
   * Unset: clustering is lexical only. Only opinion texts are sent to it, nothing else.
   */
  @IsOptional() @Matches(/^https?:\/\/[^\s]+$/, { message: 'EMBEDDINGS_URL must be an http(s) base URL, e.g. http://models.example.internal:9997/v1' })
  EMBEDDINGS_URL?: string = undefined;
  /** The embedding model the endpoint serves (e.g. bge-m3); required with EMBEDDINGS_URL. */
  @IsOptional() @IsString() @Matches(/^\S{1,200}$/, { message: 'EMBEDDINGS_MODEL must be a model name without spaces, at most 200 characters, e.g. bge-m3' })
  EMBEDDINGS_MODEL?: string = undefined;
  /** Sent as `Authorization: Bearer …` when the endpoint wants one; never logged. */
  @IsOptional() @IsString()
  EMBEDDINGS_API_KEY?: string = undefined;
  /** How long one request to the embeddings endpoint may take before clustering goes on lexically. */
  @Transform(toInt) @IsInt() @Min(100) @Max(600_000) EMBEDDINGS_TIMEOUT_MS = 10_000;
  /** Texts per request to the embeddings endpoint. */
  @Transform(toInt) @IsInt() @Min(1) @Max(2048) EMBEDDINGS_BATCH = 64;
  /**
   * Least similarity, with the model's vectors, for an opinion to join an item (0…1; see
   * DEFAULT_MODEL_THRESHOLD in src/clustering/dense.ts). Models differ in how close unrelated texts
   * come: calibrate it with `npm run bench -- clustering` pointed at the model.
   */
  @Transform(toDecimal) @IsNumber({}, { message: 'EMBEDDINGS_THRESHOLD must be a number between 0.3 and 1, e.g. 0.65' }) @Min(0.3) @Max(1)
  EMBEDDINGS_THRESHOLD = 0.65;
}

/** A host name, an IP address or a CIDR (WEBHOOK_ALLOWED_HOSTS); empty entries are skipped. */
function isHostOrCidr(entry: string): boolean {
  if (entry === '') return true;
  const [address, prefix, ...rest] = entry.replace(/^\[(.*)\]/, '$1').split('/');
  const family = isIP(address);
  if (rest.length > 0) return false;
  if (prefix !== undefined) return family !== 0 && /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
  return family !== 0 || /^(?=.{1,253}\.?$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/.test(address);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Tanxin cannot start, the configuration is wrong:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws a ConfigError listing every problem at once. */
export function validateEnvironment(env: Record<string, string | undefined>): EnvironmentVariables {
  // Every field has an initializer (optional ones `= undefined`), so the instance lists them all.
  const known = Object.keys(new EnvironmentVariables());
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => known.includes(key) && value !== undefined && value !== ''),
  );
  const parsed = plainToInstance(EnvironmentVariables, present);
  const problems = validateSync(parsed, { skipMissingProperties: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? `${message} (got "${String(error.value)}")` : `${error.property}: ${message}`,
    ),
  );

  if (parsed.NODE_ENV === 'production') {
    problems.push(...productionSecretProblems('JWT_SECRET', present.JWT_SECRET, DEFAULT_JWT_SECRET));
    const anonymityProblems = productionSecretProblems('ANONYMITY_SECRET', present.ANONYMITY_SECRET, DEFAULT_ANONYMITY_SECRET);
    if (anonymityProblems.length === 0 && parsed.ANONYMITY_SECRET === parsed.JWT_SECRET) anonymityProblems.push('ANONYMITY_SECRET must differ from JWT_SECRET');
    problems.push(...anonymityProblems);
  }
  if (parsed.EMBEDDINGS_URL && !parsed.EMBEDDINGS_MODEL) {
    problems.push('EMBEDDINGS_MODEL must be set with EMBEDDINGS_URL: the name of the embedding model the endpoint serves, e.g. bge-m3');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return parsed;
}

/** A secret production must be given: set, not the development default, at least 32 characters. */
function productionSecretProblems(name: string, given: string | undefined, developmentDefault: string): string[] {
  if (!given || given === developmentDefault) {
    return [`${name} must be set in production: the default development secret is refused (use e.g. \`openssl rand -hex 32\`)`];
  }
  return given.length < 32 ? [`${name} must be at least 32 characters long in production`] : [];
}
