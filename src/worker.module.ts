import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { CoreModule, CoreOptions } from './core/core.module';
import { FEATURE_MODULES } from './features';
import { QueueModule } from './queue/queue.module';

/**
 * The worker process: no HTTP, the queue processors, the outbox sweepers and the scheduled tasks.
 * The feature modules only: their routes (FEATURE_ROUTES), controllers and guards, are the api's.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: CoreOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot(config, options), QueueModule.forRoot({ runProcessors: true }), ...FEATURE_MODULES],
    };
  }
}
