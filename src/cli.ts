import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { readOpinionLines } from './clustering/opinion-lines';
import { AppError } from './common/app-error';
import { AppConfig, loadConfig, loadEmbeddingsSettings } from './config/app-config';
import { ConfigError } from './config/environment';
import { CoreModule } from './core/core.module';
import { buildDataSourceOptions } from './database/data-source-options';
import { DemoModule } from './demo/demo.module';
import { clusterWithModel } from './embeddings/cluster-with-model';
import { DEMO_ORGANIZATION, DEMO_PASSWORD, DemoService } from './demo/demo.service';
import { FEATURE_MODULES } from './features';
import { OrganizationsService } from './organizations/organizations.service';
import { QueueModule } from './queue/queue.module';

const USAGE = `Tanxin command line

  npm run cli -- migrate                          run pending migrations
  npm run cli -- bootstrap --org <name> --admin <username> --password <pw> [--parent <org name>]
                                                  create an organisation and its first account;
                                                  --parent makes it (or an existing one) a unit of
                                                  that body, whose 督导组 may then supervise it
                                                  create an organisation and its first account
  npm run cli -- demo                             create the demo organisation (${DEMO_ORGANIZATION})
  npm run cli -- migration:generate <Name>        write a migration for the configured database
                                                  from the difference between entities and schema
  npm run cli -- cluster <file.jsonl>             group opinions ({"id","text","aspect"?,"target"?} per
                                                  line) into items; prints {"id","item"} per line;
                                                  with EMBEDDINGS_URL and EMBEDDINGS_MODEL set, the
                                                  model's vectors join the words (each distinct text
                                                  sent once; lexical alone if the model fails)
`;

class UsageError extends Error {}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** The CLI's own context: core, the queue (dispatch only) and the feature services. */
function cliModule(config: AppConfig) {
  @Module({ imports: [CoreModule.forRoot(config), QueueModule.forRoot({ runProcessors: false }), ...FEATURE_MODULES, DemoModule] })
  class CliModule {}
  return CliModule;
}

async function withApp<T>(config: AppConfig, work: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(cliModule(config), { logger: ['error', 'warn'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

async function withDataSource<T>(config: AppConfig, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource({ ...buildDataSourceOptions(config), migrationsRun: false });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function migrate(config: AppConfig): Promise<void> {
  const applied = await withDataSource(config, (dataSource) => dataSource.runMigrations({ transaction: 'each' }));
  out(applied.length ? `applied ${applied.length} migration(s): ${applied.map((migration) => migration.name).join(', ')}` : 'the schema is up to date');
}

async function bootstrap(config: AppConfig, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { org: { type: 'string' }, admin: { type: 'string' }, password: { type: 'string' }, parent: { type: 'string' } } });
  const problems = [];
  if (!values.org?.trim()) problems.push('--org <name> is required');
  if (!values.admin || !/^[A-Za-z0-9_.-]{3,64}$/.test(values.admin)) problems.push('--admin <username> is required: 3–64 letters, digits, dot, dash or underscore');
  if (!values.password || values.password.length < 8) problems.push('--password is required, at least 8 characters');
  if (values.parent !== undefined && !values.parent.trim()) problems.push('--parent <org name> needs the parent organisation\'s name');
  if (problems.length) throw new UsageError(problems.join('\n'));
  const parentName = values.parent?.trim();
  const result = await withApp(config, async (app) => {
    const organizations = app.get(OrganizationsService);
    const parent = parentName ? await organizations.findByName(parentName) : null;
    if (parentName && !parent) throw new UsageError(`no organisation named "${parentName}": bootstrap the parent body first`);
    return organizations.bootstrapOrganization(values.org!.trim(), values.admin!, values.password!, undefined, parent?.id ?? null);
  });
  const under = parentName ? `, a unit of "${parentName}"` : '';
  out(result.created
    ? `created organisation "${result.organization.name}"${under} with admin ${result.admin.username} (roles admin, organiser)`
    : `organisation "${result.organization.name}"${under} with admin ${result.admin.username} already exists; nothing else changed`);
}

async function demo(config: AppConfig): Promise<void> {
  const created = await withApp(config, (app) => app.get(DemoService).seedDemo());
  out(created ? `created ${DEMO_ORGANIZATION}: log in as organiser / ${DEMO_PASSWORD}` : `${DEMO_ORGANIZATION} already exists; nothing changed`);
}

/** Writes the migration that brings the configured database's schema to the entities. */
async function generateMigration(config: AppConfig, name: string | undefined): Promise<void> {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new UsageError('migration:generate needs a name in PascalCase, e.g. AddBoxes');
  const sqlQueries = await withDataSource(config, (dataSource) => dataSource.driver.createSchemaBuilder().log());
  if (sqlQueries.upQueries.length === 0) {
    out('entities and schema agree; no migration needed');
    return;
  }
  const timestamp = Date.now();
  const flavour = config.database.kind === 'sqlite' ? 'sqlite' : 'mysql';
  const className = `${name}${timestamp}`;
  const quote = (query: string) => '`' + query.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  // Tables in utf8mb4 whatever the server's default: a latin1 table rejects Chinese text.
  const withCharset = (query: string) =>
    flavour === 'mysql' ? query.replace(/\) ENGINE=InnoDB$/, ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci') : query;
  const up = sqlQueries.upQueries.map((query) => `    await queryRunner.query(${quote(withCharset(query.query))});`).join('\n');
  const down = [...sqlQueries.downQueries].reverse().map((query) => `    await queryRunner.query(${quote(query.query)});`).join('\n');
  const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`;
  const dir = join(process.cwd(), 'src', 'database', 'migrations', flavour);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${timestamp}-${name}.ts`);
  writeFileSync(file, source);
  out(`wrote ${file}; review it and add ${className} to src/database/migrations/index.ts`);
}

/**
 * Clusters the opinions of a JSON-lines file; needs no database and no configuration but the
 * EMBEDDINGS_* settings, when an embedding model is to be asked (vectors kept in memory for the run).
 */
async function cluster(file: string | undefined): Promise<void> {
  if (!file) throw new UsageError('cluster needs a file: npm run cli -- cluster <file.jsonl>');
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = readOpinionLines(content);
  if ('problem' in parsed) throw new UsageError(`${file}: ${parsed.problem}`);
  const rows = await clusterWithModel(parsed.opinions, loadEmbeddingsSettings(process.env), (message) => process.stderr.write(`${message}\n`));
  const lines = rows.map((row) => JSON.stringify(row));
  // One write (a single string of up to some MB): per-line writes cost more than the clustering.
  if (lines.length) await new Promise<void>((resolve, reject) => process.stdout.write(`${lines.join('\n')}\n`, (error) => (error ? reject(error) : resolve())));
}

async function run(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help') {
    out(USAGE);
    return;
  }
  if (existsSync('.env')) process.loadEnvFile('.env');
  // Before the rest of the configuration is read: clustering a file touches no database.
  if (command === 'cluster') return cluster(args[0]);
  const config = loadConfig({ ...process.env, DEMO_DATA: 'false' });
  switch (command) {
    case 'migrate':
      return migrate(config);
    case 'bootstrap':
      await migrateIfAllowed(config);
      return bootstrap(config, args);
    case 'demo':
      await migrateIfAllowed(config);
      return demo(config);
    case 'migration:generate':
      return generateMigration(config, args[0]);
    default:
      throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

async function migrateIfAllowed(config: AppConfig): Promise<void> {
  if (config.database.migrateOnStart) await withDataSource(config, (dataSource) => dataSource.runMigrations({ transaction: 'each' }));
}

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    const message =
      error instanceof UsageError || error instanceof ConfigError ? error.message
      : error instanceof AppError ? `${error.code}: ${error.message}`
      : (error as Error).stack ?? String(error);
    process.stderr.write(`${message}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
