import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/app-config';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { baseTestEnv, onMysql } from './test-env';

/** On MySQL, migrate once before the parallel test files start. SQLite apps migrate their own file. */
export default async function globalSetup(): Promise<void> {
  if (!onMysql) return;
  const dataSource = new DataSource(buildDataSourceOptions(loadConfig({ ...baseTestEnv(), DB_MIGRATE_ON_START: 'true' })));
  await dataSource.initialize();
  await dataSource.destroy();
}
