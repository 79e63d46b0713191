import { INestApplicationContext } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/app-config';
import { FEATURE_ROUTES } from '../../src/features';
import { WorkerModule } from '../../src/worker.module';
import { baseTestEnv, driverName } from '../setup/test-env';

/** The worker runs jobs and schedules: it builds no controller, and no HTTP guard either. */
describe(`the worker's modules (${driverName})`, () => {
  let worker: INestApplicationContext;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tanxin-worker-'));
    const config = loadConfig({ ...baseTestEnv(), DATA_DIR: dataDir });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { logStream: { write: () => undefined } }), { logger: false, abortOnError: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('instantiates no controller', () => {
    const modules = [...worker.get(ModulesContainer).values()];
    const controllers = modules.flatMap((module) => [...module.controllers.keys()].map((token) => `${module.name}: ${String((token as { name?: string }).name ?? token)}`));
    expect({ modules: modules.length > 10, controllers }).toEqual({ modules: true, controllers: [] });
  });

  it('instantiates no guard (nothing that could answer an HTTP request)', () => {
    const guards = [...worker.get(ModulesContainer).values()].flatMap((module) =>
      [...module.providers.values(), ...module.injectables.values()]
        .filter((wrapper) => typeof (wrapper.instance as { canActivate?: unknown } | null)?.canActivate === 'function')
        .map((wrapper) => `${module.name}: ${wrapper.name}`),
    );
    expect(guards).toEqual([]);
  });

  it('leaves the controllers to the routes modules the api imports (so the check above has something to miss)', () => {
    const declared = FEATURE_ROUTES.flatMap((routes) => (Reflect.getMetadata('controllers', routes) as unknown[] | undefined) ?? []);
    expect(declared.length).toBeGreaterThan(10);
  });
});
