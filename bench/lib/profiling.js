'use strict';

/**
 * CPU profiles of a scenario's servers, on request (BENCH_<SCENARIO>_PROFILE=1): the server is
 * started with cpu-profile-preload.js, which profiles between two SIGWINCH, over the measured
 * run only; the profile goes to bench/results/profiles/, its summary into the output.
 */

const fs = require('node:fs');
const path = require('node:path');
const { summarise } = require('./cpuprofile-summary');
const { waitForFile } = require('./stack');

const PRELOAD = path.join(__dirname, 'cpu-profile-preload.js');
const PROFILE_DIR = path.join(__dirname, '..', 'results', 'profiles');
/** How long a stopped profiler may take to write its file. */
const WRITE_TIMEOUT_MS = 15_000;
/** Functions listed in a summary. */
const TOP_FUNCTIONS = 30;

/** Whether the environment variable `name` says yes (1, true or yes). */
function envFlag(name) {
  return ['1', 'true', 'yes'].includes(String(process.env[name] || '').toLowerCase());
}

/**
 * A profiler for one server, doing nothing unless `enabled`: give `nodeArgs` and `env` to
 * startServer, call start(server) and stop(server) around the measured run, then summary() for
 * what it found (null when off, or when the profile was not written in time). `name` names the
 * file (`<name>.cpuprofile`).
 */
function cpuProfiler(name, enabled) {
  if (!enabled) return { file: undefined, nodeArgs: [], env: {}, start() {}, stop() {}, summary: async () => null };
  fs.mkdirSync(PROFILE_DIR, { recursive: true });
  const file = path.join(PROFILE_DIR, `${name}.cpuprofile`);
  const toggle = (server) => process.kill(server.pid, 'SIGWINCH');
  return {
    file,
    nodeArgs: ['--require', PRELOAD],
    env: { BENCH_CPU_PROFILE: file },
    start: toggle,
    stop: toggle,
    async summary() {
      return (await waitForFile(file, WRITE_TIMEOUT_MS)) ? summarise(JSON.parse(fs.readFileSync(file, 'utf8')), TOP_FUNCTIONS) : null;
    },
  };
}

module.exports = { cpuProfiler, envFlag };
