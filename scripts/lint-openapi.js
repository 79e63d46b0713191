// Lints the OpenAPI document with Redocly's recommended rules (a judge nobody here wrote): builds
// the api as main.ts does (embedded, in a temporary directory, no demo), writes /api/docs-json to
// a temporary file and runs `redocly lint` on it. Exits non-zero on any error; warnings are shown.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tanxin-openapi-'));
  try {
    const { loadConfig } = require('../dist/config/app-config');
    const { buildOpenApiDocument, createApiApp } = require('../dist/core/http');
    // Not the environment's settings: the document is the same on every driver.
    const config = loadConfig({ DATA_DIR: dir, DEMO_DATA: 'false', LOG_LEVEL: 'error' });
    const app = await createApiApp(config);
    await app.init();
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(await buildOpenApiDocument(app), null, 2));
    await app.close();
    const redocly = join(__dirname, '..', 'node_modules', '.bin', 'redocly');
    const result = spawnSync(redocly, ['lint', file, '--format=summary'], { stdio: 'inherit' });
    process.exitCode = result.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
