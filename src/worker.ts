import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig, loadConfig } from './config/app-config';
import { ConfigError } from './config/environment';
import { QuietStartLogger } from './core/startup-log';
import { WorkerModule } from './worker.module';

/** The worker process: BullMQ processors, the outbox sweepers and the scheduled tasks, no HTTP. */
export async function createWorker(config: AppConfig, options: Parameters<typeof WorkerModule.forRoot>[1] = {}) {
  if (config.queue.driver !== 'bullmq') {
    throw new ConfigError(['the worker needs REDIS_URL (BullMQ); in embedded mode the api runs the jobs itself']);
  }
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), { bufferLogs: true, abortOnError: false });
  worker.useLogger(new QuietStartLogger(worker.get(Logger)));
  worker.enableShutdownHooks();
  await worker.init();
  return worker;
}

/** Reads the settings and starts: a bad setting is refused with the same list the api prints. */
export async function startWorker(env: Record<string, string | undefined>) {
  return createWorker(loadConfig(env));
}

if (require.main === module) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  startWorker(process.env).catch((error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
