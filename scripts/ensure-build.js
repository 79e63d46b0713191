#!/usr/bin/env node
'use strict';

/**
 * Builds dist/ when it is missing or older than the sources; otherwise returns at once.
 *
 * Runs before `npm start`, `npm run migrate`, `npm run cli` and `npm run bench`. "Older" means:
 * some file or directory under src/ (a directory's mtime changes when a file in it is added,
 * removed or renamed), or tsconfig.json / nest-cli.json, is newer than dist/main.js.
 * CommonJS, no dependencies: it must work before anything is compiled.
 */

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const srcDir = path.join(root, 'src');
const target = path.join(root, 'dist', 'main.js');
const buildConfigFiles = ['tsconfig.json', 'nest-cli.json'].map((name) => path.join(root, name));

function mtimeOf(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The first path under `dir` (the directory itself included) modified after `since`, if any. */
function firstNewerThan(dir, since) {
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop();
    let stat;
    try {
      stat = fs.statSync(current);
    } catch {
      continue; // removed while we walk
    }
    if (stat.mtimeMs > since) return current;
    if (!stat.isDirectory()) continue;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (entry.isDirectory() || entry.isFile() || entry.isSymbolicLink()) pending.push(path.join(current, entry.name));
    }
  }
  return undefined;
}

function staleReason() {
  const built = mtimeOf(target);
  if (built === undefined) return 'dist/main.js is missing';
  const newerConfig = buildConfigFiles.find((file) => (mtimeOf(file) ?? 0) > built);
  if (newerConfig) return `${path.relative(root, newerConfig)} is newer than dist/main.js`;
  const newerSource = fs.existsSync(srcDir) ? firstNewerThan(srcDir, built) : undefined;
  if (newerSource) return `${path.relative(root, newerSource) || 'src'} is newer than dist/main.js`;
  return undefined;
}

function main() {
  const reason = staleReason();
  if (!reason) return 0;
  process.stderr.write(`ensure-build: ${reason}; running \`nest build\`\n`);
  const result = spawnSync('npx', ['--no-install', 'nest', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.error) {
    process.stderr.write(`ensure-build: could not run \`npx nest build\`: ${result.error.message}\n`);
    return 1;
  }
  if (result.status !== 0) {
    // tsc may have emitted dist/main.js despite type errors: remove it so the next run builds
    // again instead of starting a half-compiled tree.
    fs.rmSync(target, { force: true });
    process.stderr.write(`ensure-build: \`nest build\` failed (${result.signal ?? `exit code ${result.status}`})\n`);
    return result.status || 1;
  }
  return 0;
}

process.exitCode = main();
