import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth/auth.guard';
import { AppConfig } from './config/app-config';
import { CoreModule, CoreOptions } from './core/core.module';
import { DemoOnFirstStart } from './demo/demo-on-first-start';
import { DemoModule } from './demo/demo.module';
import { FEATURE_MODULES, FEATURE_ROUTES } from './features';
import { HealthModule } from './health/health.module';
import { QueueAdminController } from './queue/queue-admin.controller';
import { QueueModule } from './queue/queue.module';

/** The api process: HTTP routes and pages; runs the processors only when jobs are in-process. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, options: CoreOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config, options),
        QueueModule.forRoot({ runProcessors: config.queue.driver === 'inline' }),
        ...FEATURE_MODULES,
        ...FEATURE_ROUTES,
        HealthModule,
        DemoModule,
      ],
      controllers: [QueueAdminController],
      // Every route needs a bearer token unless marked @Public() or SignedInPage() (the session
      // cookie, checked by PageSessionGuard); only the HTTP process has the guards.
      providers: [DemoOnFirstStart, { provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
