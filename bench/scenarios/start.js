'use strict';

/**
 * Embedded start: `node dist/main.js` with SQLite and the in-process queue, from spawn until
 * GET /health/ready answers 200. The first start is on an empty DATA_DIR (migrations and demo
 * data included); then two restarts on the same directory (warm).
 */

const { figure, median, printFigure } = require('../lib/report');
const { makeTempDir, startServer } = require('../lib/server');

const GOAL_MS = 3000;
const RUNS = [
  { name: 'first start (fresh dir: migrations + demo)' },
  { name: 'restart 1 (warm)' },
  { name: 'restart 2 (warm)' },
];

module.exports = {
  name: 'start',
  title: 'embedded start (SQLite + in-process queue), spawn → /health/ready 200',

  async run() {
    const dataDir = makeTempDir();
    const figures = [];
    const timings = [];
    for (const [index, run] of RUNS.entries()) {
      const server = await startServer({ dataDir, label: `start #${index + 1}` });
      try {
        timings.push(server.readyMs);
        const fig = figure(run.name, round(server.readyMs), 'ms');
        figures.push(fig);
        printFigure(fig);
      } finally {
        await server.stop();
      }
    }
    const middle = figure('median of 3', round(median(timings)), 'ms', { below: GOAL_MS });
    figures.push(middle);
    printFigure(middle);
    return { figures, details: { runs: timings.map(round), pollIntervalMs: 20 } };
  },
};

function round(value) {
  return value === null ? null : Math.round(value);
}
