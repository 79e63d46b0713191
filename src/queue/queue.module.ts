import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { BullmqQueueDriver } from './bullmq-queue.driver';
import { InlineQueueDriver } from './inline-queue.driver';
import { JobDispatcher } from './job-dispatcher';
import { JobRunner } from './job-runner';
import { QueueDriver } from './queue-driver';

@Injectable()
class QueueShutdown implements OnApplicationShutdown {
  constructor(@Inject(QueueDriver) private readonly driver: InlineQueueDriver | BullmqQueueDriver) {}

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }
}

function createDriver(config: AppConfig): QueueDriver {
  const { queue, redis } = config;
  if (queue.driver === 'bullmq' && redis.url) {
    return new BullmqQueueDriver({ url: redis.url, prefix: redis.prefix, ...queue });
  }
  return new InlineQueueDriver(queue);
}

/**
 * The queue layer. `runProcessors` is true in the worker, and in the api only when jobs run
 * in-process (embedded mode); elsewhere the api only dispatches.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(options: { runProcessors: boolean }): DynamicModule {
    return {
      module: QueueModule,
      imports: options.runProcessors ? [DiscoveryModule] : [],
      providers: [
        { provide: QueueDriver, useFactory: createDriver, inject: [AppConfig] },
        JobDispatcher,
        QueueShutdown,
        ...(options.runProcessors ? [JobRunner] : []),
      ],
      exports: [QueueDriver, JobDispatcher, ...(options.runProcessors ? [JobRunner] : [])],
    };
  }
}
