#!/usr/bin/env node
'use strict';

/**
 * Tanxin benchmarks. `npm run bench` builds dist/ if needed, then runs every scenario;
 * `npm run bench -- start http` runs the named ones only; `npm run bench -- --list` lists them.
 *
 * Each scenario starts the servers it measures (on 127.0.0.1, with a temporary DATA_DIR) and
 * stops them. At the end: a summary table, and bench/results/latest.json (git-ignored).
 * Set BENCH_KEEP_DATA=1 to keep the temporary data directories.
 *
 * Adding a scenario: a module in bench/scenarios/ exporting { name, title, run() }, where run()
 * resolves { figures, details? } (see lib/report.js), or { skipped: 'why' } when something it
 * needs (a database server, say) is not there, listed in SCENARIOS below. A scenario that
 * measured but found the server wrong (a correctness check, not a missed goal) resolves
 * { figures, details?, failed: 'why' }: its figures are kept, and the bench exits 1.
 */

const path = require('node:path');
const { printSummary, writeResults } = require('./lib/report');
const { installExitHandlers, stopAll } = require('./lib/server');

const SCENARIOS = [require('./scenarios/start'), require('./scenarios/http'), require('./scenarios/box-submit'), require('./scenarios/survey-submit'), require('./scenarios/talk-matrix'), require('./scenarios/progress'), require('./scenarios/aggregation'), require('./scenarios/clustering'), require('./scenarios/repeats'), require('./scenarios/review'), require('./scenarios/supervision')];

/** Hard limit for the whole run: whatever hangs, the bench ends and its servers die. */
const TOTAL_TIMEOUT_MS = 15 * 60 * 1000;

function usage() {
  return [
    'usage: npm run bench [-- <scenario>...]',
    '',
    'scenarios:',
    ...SCENARIOS.map((scenario) => `  ${scenario.name.padEnd(Math.max(...SCENARIOS.map((each) => each.name.length)))} ${scenario.title}`),
  ].join('\n');
}

function select(argv) {
  if (argv.includes('--help') || argv.includes('-h')) return { exit: 0, message: usage() };
  if (argv.includes('--list')) return { exit: 0, message: SCENARIOS.map((scenario) => scenario.name).join('\n') };
  const options = argv.filter((arg) => arg.startsWith('-'));
  if (options.length) return { exit: 2, message: `unknown option ${options[0]}\n\n${usage()}` };
  if (argv.length === 0) return { scenarios: SCENARIOS };
  const unknown = argv.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length) return { exit: 2, message: `unknown scenario ${unknown.join(', ')}\n\n${usage()}` };
  return { scenarios: SCENARIOS.filter((scenario) => argv.includes(scenario.name)) };
}

async function main() {
  const choice = select(process.argv.slice(2));
  if (!choice.scenarios) {
    (choice.exit ? process.stderr : process.stdout).write(`${choice.message}\n`);
    return choice.exit;
  }
  installExitHandlers();
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench: still running after ${TOTAL_TIMEOUT_MS / 60000} min; giving up\n`);
    process.exit(1); // the exit handler kills the servers
  }, TOTAL_TIMEOUT_MS);
  watchdog.unref();

  const startedAt = new Date();
  const results = [];
  for (const scenario of choice.scenarios) {
    process.stdout.write(`\n== ${scenario.name}: ${scenario.title}\n`);
    const began = Date.now();
    try {
      const { figures = [], details, skipped, failed } = await scenario.run();
      if (failed) process.stderr.write(`  FAILED: ${failed}\n`);
      results.push({ name: scenario.name, title: scenario.title, ok: !failed, durationMs: Date.now() - began, ...(skipped ? { skipped } : {}), ...(failed ? { error: failed } : {}), figures, details });
    } catch (error) {
      process.stderr.write(`  FAILED: ${error && error.stack ? error.stack : error}\n`);
      results.push({ name: scenario.name, title: scenario.title, ok: false, durationMs: Date.now() - began, figures: [], error: String(error && error.message ? error.message : error) });
    } finally {
      await stopAll(); // a scenario that forgot one, or failed half-way
    }
  }
  const finishedAt = new Date();

  printSummary(results);
  const file = writeResults({ startedAt, finishedAt, selected: choice.scenarios.map((scenario) => scenario.name), results });
  process.stdout.write(`\nresults: ${path.relative(process.cwd(), file)}\n`);
  return results.every((result) => result.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`bench: ${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  },
);
