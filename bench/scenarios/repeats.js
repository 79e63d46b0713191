'use strict';

/**
 * 屡提屡犯 (issue 17): what marking repeats costs aggregation. Goal: comparing every item a run
 * makes with a previous list of 2,000 published items adds < 10 % to aggregating 10,000 opinions.
 *
 * 1. End to end, from dist/ on SQLite (lib/repeats-run.js, in a process of its own):
 *    AggregationService.aggregateMeeting on 10,000 pending opinions in a meeting whose
 *    organisation has no earlier meeting, and in one whose previous year's meeting has 2,000
 *    published items (5 sources each); the median of 5 rounds each, the order alternating.
 * 2. In memory, the clustering alone: placeOpinions on the same 10,000 opinions, and the same
 *    followed by preparing the 2,000 earlier items (EarlierItems) and deciding the marks
 *    (repeatMarks), as a run does; the median of 5 each.
 *
 * The texts are synthetic (lib/synthetic-opinions.js): this year's opinions and last year's items
 * are made from the same complaint kinds, so most new items do repeat an earlier one, the costly
 * case (every comparison finds candidates to score).
 */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { figure, printFigure } = require('../lib/report');
const { makeTempDir, ROOT, tanxinEnvironment } = require('../lib/server');
const { syntheticItems, syntheticOpinions } = require('../lib/synthetic-opinions');

const DIST = path.join(ROOT, 'dist');
const OPINIONS = Number(process.env.BENCH_REPEATS_OPINIONS || 10_000);
const EARLIER = Number(process.env.BENCH_REPEATS_EARLIER || 2_000);
const GOAL_PERCENT = 10;
const IN_MEMORY_ROUNDS = 5;
const RUN_TIMEOUT_MS = 10 * 60 * 1000;

module.exports = {
  name: 'repeats',
  title: `marking repeats (屡提屡犯): ${OPINIONS.toLocaleString('en')} opinions aggregated with and without a previous list of ${EARLIER.toLocaleString('en')} items (goal < ${GOAL_PERCENT} % more)`,

  async run() {
    for (const file of ['aggregation/repeat-marks.js', 'clustering/repeats.js', 'cli.js']) {
      if (!fs.existsSync(path.join(DIST, file))) throw new Error(`dist/${file} is missing: build first (npm run build)`);
    }
    const figures = [];
    const add = (fig) => {
      figures.push(fig);
      printFigure(fig);
    };

    process.stdout.write(`  aggregating ${OPINIONS} opinions in the app (SQLite), with and without ${EARLIER} earlier items …\n`);
    const measured = await runChild();
    const without = median(measured.without.map((each) => each.ms)) / 1000;
    const withRepeats = median(measured.with.map((each) => each.ms)) / 1000;
    const added = ((withRepeats - without) / without) * 100;
    const last = measured.with[measured.with.length - 1];
    add(figure('aggregate, no earlier meeting', round(without, 2), 's', { note: `median of ${measured.without.length}: ${measured.without.map((each) => round(each.ms / 1000, 2)).join(', ')} s; ${measured.without[0].items} items` }));
    add(figure(`aggregate, previous list of ${EARLIER} items`, round(withRepeats, 2), 's', { note: `median of ${measured.with.length}: ${measured.with.map((each) => round(each.ms / 1000, 2)).join(', ')} s; ${last.repeats} of ${last.items} items marked repeatOf` }));
    add(figure('added by marking repeats (end to end)', round(added, 1), '%', { below: GOAL_PERCENT, note: 'every run once the earlier list is prepared: it is kept by its content' }));
    const cold = measured.cold.ms / 1000;
    add(figure('added on the first run after the earlier list changes', round(((cold - without) / without) * 100, 1), '%', { note: `${round(cold, 2)} s: the earlier list segmented and weighed in this run (informational)` }));

    const inMemory = timeInMemory();
    add(figure('clustering alone: placing, and placing + marking', round(inMemory.placing, 2), 's', { note: `with marking ${round(inMemory.marking, 2)} s (median of ${IN_MEMORY_ROUNDS}); earlier list prepared in ${round(inMemory.preparing, 2)} s` }));
    add(figure('added by marking repeats (clustering alone)', round(((inMemory.marking - inMemory.placing) / inMemory.placing) * 100, 1), '%', { note: 'informational: the end-to-end figure is the goal' }));

    const problems = [];
    if (last.repeats === 0) problems.push('no item was marked repeatOf: the comparison did not run');
    if (measured.without.some((each) => each.repeats !== 0)) problems.push('an item was marked repeatOf in an organisation with no earlier meeting');
    const details = { measured, inMemory };
    return problems.length ? { figures, details, failed: problems.join('; ') } : { figures, details };
  },
};

/** lib/repeats-run.js with the embedded defaults in a temporary DATA_DIR; resolves its JSON line. */
function runChild() {
  const dataDir = makeTempDir('tanxin-bench-repeats-');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, '..', 'lib', 'repeats-run.js')], {
      cwd: dataDir,
      env: tanxinEnvironment(dataDir, { BENCH_REPEATS_OPINIONS: OPINIONS, BENCH_REPEATS_EARLIER: EARLIER }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`repeats-run exited ${signal ?? code}: ${stderr.slice(-1500)}`));
      const line = stdout.trim().split('\n').pop();
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`repeats-run printed no result: ${stdout.slice(-500)} ${stderr.slice(-500)}`));
      }
    });
  });
}

/** placeOpinions alone, and followed by what a run adds for repeats; medians in seconds. */
function timeInMemory() {
  const { placeOpinions } = require(path.join(DIST, 'clustering', 'cluster.js'));
  const { EarlierItems } = require(path.join(DIST, 'clustering', 'repeats.js'));
  const { repeatMarks } = require(path.join(DIST, 'aggregation', 'repeat-marks.js'));
  const { TEXTS_PER_ITEM } = require(path.join(DIST, 'items', 'item-repeats.js'));
  const incoming = syntheticOpinions(OPINIONS, 20261207).map((opinion) => ({ id: opinion.id, text: opinion.text, aspect: null, target: opinion.target ?? null }));
  // As the app reads them: each earlier item by its summary (its first text).
  const earlier = syntheticItems(EARLIER, 1);
  const placing = [];
  const marking = [];
  const preparing = [];
  for (let round = 0; round < IN_MEMORY_ROUNDS + 1; round += 1) {
    let began = performance.now();
    placeOpinions([], incoming, { aspects: [] });
    const plain = performance.now() - began;
    began = performance.now();
    const placements = placeOpinions([], incoming, { aspects: [] });
    const prepared = performance.now();
    const index = new EarlierItems(earlier);
    preparing.push((performance.now() - prepared) / 1000);
    repeatMarks(index, [], incoming, placements, TEXTS_PER_ITEM);
    const withMarks = performance.now() - began;
    if (round === 0) continue; // the warm-up: the segmenter's dictionary, the JIT
    placing.push(plain / 1000);
    marking.push(withMarks / 1000);
  }
  return { placing: median(placing), marking: median(marking), preparing: median(preparing.slice(1)) };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round(value, digits) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
