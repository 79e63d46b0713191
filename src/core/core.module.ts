import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import { DestinationStream } from 'pino';
import { AnonymityKeys } from '../common/anonymity-keys';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from '../database/data-source-options';
import { ChangeBus } from './change-bus';
import { buildLoggerParams } from './logging';
import { REDIS_CLIENT, redisClientProvider } from './redis.provider';

export interface CoreOptions {
  /** Where logs go (tests capture them); stdout by default. */
  logStream?: DestinationStream;
  /** Replaces the system clock (tests). */
  clock?: Clock;
}

class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis?.disconnect();
  }
}

/** What both processes stand on: config, logging, the database, Redis, the change bus and the clock. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, options: CoreOptions = {}): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        // @nestjs/config holds the validated configuration; AppConfig is its typed face.
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, ignoreEnvVars: true, load: [() => ({ app: config })] }),
        LoggerModule.forRoot(buildLoggerParams(config, options.logStream)),
        TypeOrmModule.forRoot(buildDataSourceOptions(config)),
      ],
      providers: [
        { provide: AppConfig, inject: [ConfigService], useFactory: (service: ConfigService) => service.getOrThrow<AppConfig>('app') },
        { provide: Clock, useValue: options.clock ?? new Clock(config.timeZone) },
        redisClientProvider,
        RedisShutdown,
        ChangeBus,
        AnonymityKeys,
      ],
      exports: [AppConfig, Clock, REDIS_CLIENT, ChangeBus, AnonymityKeys],
    };
  }
}
