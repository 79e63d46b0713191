import { Logger, Provider } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/** The longest a command of the shared client may go unanswered (it is a cache and counter store: answers take a millisecond). */
export const REDIS_COMMAND_TIMEOUT_MS = 2000;
/** The longest a connection attempt may take before ioredis tries again. */
export const REDIS_CONNECT_TIMEOUT_MS = 3000;

/** The shared Redis client for rate limits, caches and health; null in embedded mode. */
export const redisClientProvider: Provider = {
  provide: REDIS_CLIENT,
  inject: [AppConfig],
  useFactory: (config: AppConfig): Redis | null => {
    if (!config.redis.url) return null;
    // Auto-pipelining: the rate-limit commands of concurrent requests share one socket write.
    // Bounded in time: a Redis that is frozen (or half-open) fails a command after
    // REDIS_COMMAND_TIMEOUT_MS instead of holding it, and a connection attempt after
    // REDIS_CONNECT_TIMEOUT_MS; callers that must not fail fall back sooner still (RedisOrFallback).
    const client = new Redis(config.redis.url, {
      maxRetriesPerRequest: 1,
      keyPrefix: `${config.redis.prefix}:`,
      enableAutoPipelining: true,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
    });
    const logger = new Logger('Redis');
    client.on('error', (error) => logger.warn(error.message));
    return client;
  },
};
