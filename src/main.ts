import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { loadConfig } from './config/app-config';
import { ConfigError } from './config/environment';
import { createApiApp } from './core/http';
import { startupBanner } from './core/startup-banner';

/** The api process: REST under /api/v1, the public pages, health; jobs too in embedded mode. */
export async function startApi(env: Record<string, string | undefined>) {
  const config = loadConfig(env);
  const app = await createApiApp(config);
  await app.listen({ port: config.port, host: config.host });
  const logger = new Logger('Tanxin');
  for (const line of startupBanner(config)) logger.log(line);
  return app;
}

if (require.main === module) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  startApi(process.env).catch((error: unknown) => {
    // Before the logger exists, stderr is the only way to say why we cannot start.
    process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
