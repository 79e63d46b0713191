#!/usr/bin/env node
'use strict';

/**
 * Where a .cpuprofile's time went: self time by function and by module (npm package, dist/
 * file, node internals), plus the share spent idle, in GC and in native code.
 *
 *   node bench/lib/cpuprofile-summary.js <file.cpuprofile> [--top 25]
 *
 * Also `summarise(profile, top)` for the bench.
 */

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** 'fastify', '@nestjs/core', 'dist/boxes/…', 'node:internal/…', '(garbage collector)' … */
function moduleOf(url, functionName) {
  if (!url) {
    if (functionName.startsWith('(')) return functionName; // (idle), (program), (garbage collector), (root)
    return '(native)';
  }
  let file = url.replace(/^file:\/\//, '');
  if (file.startsWith('node:')) return file.replace(/^node:internal\/(deps\/)?/, 'node:').split('/').slice(0, 2).join('/');
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = file.slice(nm + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (file.startsWith(ROOT)) file = path.relative(ROOT, file);
  return file;
}

function summarise(profile, top = 25) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfSamples = new Map();
  for (const id of profile.samples) selfSamples.set(id, (selfSamples.get(id) || 0) + 1);
  const total = profile.samples.length || 1;
  const byFunction = new Map();
  const byModule = new Map();
  for (const [id, count] of selfSamples) {
    const { callFrame } = nodes.get(id);
    const name = callFrame.functionName || '(anonymous)';
    const module = moduleOf(callFrame.url, name);
    const where = callFrame.url ? `${module}${callFrame.url.includes('/node_modules/') || callFrame.url.startsWith('node:') ? `/${path.basename(callFrame.url)}` : ''}:${callFrame.lineNumber + 1}` : module;
    const key = `${name}  ${where}`;
    byFunction.set(key, (byFunction.get(key) || 0) + count);
    byModule.set(module, (byModule.get(module) || 0) + count);
  }
  const rank = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, count]) => ({ name, percent: Math.round((count / total) * 1000) / 10 }));
  const idle = (byModule.get('(idle)') || 0) / total;
  return {
    samples: total,
    durationS: Math.round((profile.endTime - profile.startTime) / 1e4) / 100,
    busyPercent: Math.round((1 - idle) * 1000) / 10,
    functions: rank(byFunction),
    modules: rank(byModule),
  };
}

function format(summary) {
  const lines = [`${summary.samples} samples over ${summary.durationS} s, main thread busy ${summary.busyPercent} %`, '', 'self time by module:'];
  for (const entry of summary.modules) lines.push(`  ${String(entry.percent).padStart(5)} %  ${entry.name}`);
  lines.push('', 'self time by function:');
  for (const entry of summary.functions) lines.push(`  ${String(entry.percent).padStart(5)} %  ${entry.name}`);
  return lines.join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith('--'));
  const topIndex = args.indexOf('--top');
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
  if (!file) {
    process.stderr.write('usage: node bench/lib/cpuprofile-summary.js <file.cpuprofile> [--top N]\n');
    process.exit(2);
  }
  process.stdout.write(`${format(summarise(JSON.parse(fs.readFileSync(file, 'utf8')), top))}\n`);
}

module.exports = { summarise, format };
