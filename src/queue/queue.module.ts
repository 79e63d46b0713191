import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Injectable, Logger, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { BullmqQueueDriver } from './bullmq-queue.driver';
import { InlineQueueDriver } from './inline-queue.driver';
import { JobDispatcher } from './job-dispatcher';
import { JobRunner } from './job-runner';
import { QueueDriver } from './queue-driver';

/**
 * The queue stops (its running jobs finished, within limits) before the shutdown hooks close the
 * database and Redis: a job of the in-process queue cut off by a closed database only logged an
 * error and waited for the next start's sweep.
 */
@Injectable()
class QueueShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger('QueueShutdown');

  constructor(@Inject(QueueDriver) private readonly driver: InlineQueueDriver | BullmqQueueDriver) {}

  /** Bounded: with Redis gone, BullMQ's workers can wait on it for as long as it is gone. */
  async beforeApplicationShutdown(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), CLOSE_WAIT_MS).unref()));
    const closed = await Promise.race([this.driver.close().then(() => 'closed' as const), late]).catch((error: Error) => {
      this.logger.warn(`the queue did not close cleanly: ${error.message}`);
      return 'closed' as const;
    });
    clearTimeout(timer);
    if (closed === 'late') this.logger.warn(`the queue was still closing after ${CLOSE_WAIT_MS / 1000} s; shutting down without it (unfinished jobs run again: they are idempotent)`);
  }
}

const CLOSE_WAIT_MS = 10_000;

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
