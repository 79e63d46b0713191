import { existsSync } from 'node:fs';
import migrateOnMysql from '../setup/global-setup';
import { CHROMIUM_PATH, INSTALL_HINT } from './harness';

/**
 * The browser suite fails, never skips, without a browser: a green run must mean the pages were
 * really opened. Then the same database preparation as the e2e suite.
 */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM_PATH}, and it is not there. ${INSTALL_HINT}`);
  }
  await migrateOnMysql();
}
