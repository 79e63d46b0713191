'use strict';

/**
 * Figures, the summary table and bench/results/latest.json.
 *
 * A scenario returns { figures: Figure[], details?: object, failed?: 'why' } (or { skipped: 'why' }), where a Figure is
 *   { name, value, unit, goal?: { text, met }, note? }
 * (`value` a number, or null when it could not be measured).
 */

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const RESULTS_DIR = path.resolve(__dirname, '..', 'results');

/** A figure; `goal` is { below }, { above } or { atLeast } and is judged here. */
function figure(name, value, unit, { below, above, atLeast, note } = {}) {
  const result = { name, value: value === undefined ? null : value, unit };
  if (below !== undefined) result.goal = { text: `< ${below} ${unit}`, met: typeof value === 'number' && value < below };
  if (above !== undefined) result.goal = { text: `> ${above} ${unit}`, met: typeof value === 'number' && value > above };
  if (atLeast !== undefined) result.goal = { text: `≥ ${atLeast} ${unit}`, met: typeof value === 'number' && value >= atLeast };
  if (note) result.note = note;
  return result;
}

function median(values) {
  const sorted = values.filter((value) => typeof value === 'number').sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function formatValue(value, unit) {
  if (value === null || value === undefined) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })} ${unit}`;
}

function goalText(fig) {
  if (!fig.goal) return '';
  return `${fig.goal.text}  ${fig.goal.met ? 'ok' : 'MISSED'}`;
}

/** One line per figure, as the scenario goes. */
function printFigure(fig, out = process.stdout) {
  const goal = fig.goal ? `   goal ${goalText(fig)}` : '';
  const note = fig.note ? `   (${fig.note})` : '';
  out.write(`  ${fig.name.padEnd(44)} ${formatValue(fig.value, fig.unit).padStart(14)}${goal}${note}\n`);
}

/** The compact table at the end. */
function printSummary(results, out = process.stdout) {
  const rows = [['scenario', 'figure', 'value', 'goal']];
  for (const scenario of results) {
    if (scenario.error) {
      rows.push([scenario.name, 'FAILED', '', firstLine(scenario.error)]);
      for (const fig of scenario.figures) rows.push([scenario.name, fig.name, formatValue(fig.value, fig.unit), goalText(fig)]);
      continue;
    }
    if (scenario.skipped) {
      rows.push([scenario.name, 'skipped', '', firstLine(scenario.skipped)]);
      continue;
    }
    for (const fig of scenario.figures) rows.push([scenario.name, fig.name, formatValue(fig.value, fig.unit), goalText(fig)]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => [...row[column]].length)));
  const line = (row) => row.map((cell, column) => (column === 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  out.write(`\n${line(rows[0])}\n${widths.map((width) => '-'.repeat(width)).join('  ')}\n`);
  for (const row of rows.slice(1)) out.write(`${line(row)}\n`);
}

function firstLine(text) {
  return String(text).split('\n')[0].slice(0, 120);
}

function git(args) {
  try {
    return execFileSync('git', args, { cwd: path.resolve(__dirname, '..', '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  } catch {
    return null;
  }
}

function environment() {
  const cpus = os.cpus();
  const status = git(['status', '--porcelain']);
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0] ? cpus[0].model : null,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    gitCommit: git(['rev-parse', '--short', 'HEAD']),
    gitDirty: status === null ? null : status.length > 0,
  };
}

/** Writes bench/results/latest.json; returns its path. */
function writeResults({ startedAt, finishedAt, selected, results }) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, 'latest.json');
  const document = {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt - startedAt,
    environment: environment(),
    selected,
    scenarios: Object.fromEntries(results.map(({ name, ...rest }) => [name, rest])),
  };
  fs.writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}

module.exports = { figure, median, formatValue, printFigure, printSummary, writeResults };
