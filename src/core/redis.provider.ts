import { Logger, Provider } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/** The shared Redis client for rate limits, caches and health; null in embedded mode. */
export const redisClientProvider: Provider = {
  provide: REDIS_CLIENT,
  inject: [AppConfig],
  useFactory: (config: AppConfig): Redis | null => {
    if (!config.redis.url) return null;
    // Auto-pipelining: the rate-limit commands of concurrent requests share one socket write.
    const client = new Redis(config.redis.url, { maxRetriesPerRequest: 1, keyPrefix: `${config.redis.prefix}:`, enableAutoPipelining: true });
    const logger = new Logger('Redis');
    client.on('error', (error) => logger.warn(error.message));
    return client;
  },
};
