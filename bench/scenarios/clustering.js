'use strict';

/**
 * Opinion clustering (src/clustering), from dist/:
 *
 * 1. Quality on bench/data/labelled-opinions.jsonl (opinions with the cluster a person put them
 *    in): clusterAll over the whole file, then pairwise precision, recall and F1 — over all pairs
 *    of opinions, "same item" against "same cluster". Also at a few other thresholds, in the
 *    details, to show how sharp the choice of the default is. The same, without goals, on
 *    bench/data/labelled-opinions-holdout.jsonl: a second set written apart from the method
 *    (other topics and wordings) and never used to tune it, to show how far it generalises, and on
 *    bench/data/labelled-opinions-formal.jsonl: formal problem statements as party documents word
 *    them (理论学习的系统性不够…), with near neighbours written to be told apart, also apart.
 * 2. Review: the 可能重复 pairs an organiser is shown (GET …/items/similar) on each set, how many
 *    are true duplicates, and the recall once those are merged. And the organiser's work left to
 *    reach the labelled grouping, as a share of the opinions (bench/lib/organiser-effort.js):
 *    opinions to move out of a wrong item plus merges still needed, with the right pairs among
 *    those shown accepted (and, in the note, without them). Sorting by hand is 100 %.
 * 3. Scale: `node dist/cli.js cluster <file>` end to end (start, read, cluster, print) on
 *    10,000, 50,000 and 100,000 synthetic opinions, to show that time grows linearly; the CLI's
 *    start-up (measured on one opinion) is subtracted for the per-10k rates. These runs are
 *    lexical: EMBEDDINGS_* are taken out of the CLI's environment.
 * 4. With an embedding model (EMBEDDINGS_URL/EMBEDDINGS_MODEL): the CLI against
 *    bench/lib/embeddings-server.js, an OpenAI-compatible endpoint with deterministic vectors
 *    (one near-orthogonal vector per group, plus a little per-text noise). Quality on both
 *    labelled sets, the group being the labelled cluster: pairwise precision and recall, the
 *    organiser's work left, and that each distinct text was sent once. Scale: the 100k file with
 *    the group being the synthetic opinion's complaint kind, the CLI's wall time less the
 *    server's own busy time (what a real model's server would spend anyway). When the bench's
 *    environment has EMBEDDINGS_URL set (the organisation's model), the quality runs use that
 *    model instead, and a sweep of EMBEDDINGS_THRESHOLD on the labelled sets helps calibrate it.
 *
 * The synthetic opinions are made deterministically (seeded) from complaint kinds, each with
 * several wordings, wrapped in the phrases real opinions come in (建议/希望/个别…, a subject, a
 * consequence), with a member as target for about a third: many near-duplicates, many exact
 * duplicates, a few thousand distinct texts per 10,000. Temporary files are removed.
 */

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const embeddingsServer = require('../lib/embeddings-server');
const { mainOf, organiserEffort } = require('../lib/organiser-effort');
const { figure, printFigure } = require('../lib/report');
const { COMPLAINTS, writeSynthetic } = require('../lib/synthetic-opinions');

const ROOT = path.resolve(__dirname, '..', '..');
const CLI_JS = path.join(ROOT, 'dist', 'cli.js');
const CLUSTER_JS = path.join(ROOT, 'dist', 'clustering', 'cluster.js');
const SIMILAR_JS = path.join(ROOT, 'dist', 'clustering', 'similar-items.js');
const DENSE_JS = path.join(ROOT, 'dist', 'clustering', 'dense.js');
const EMBEDDING_TEXT_JS = path.join(ROOT, 'dist', 'embeddings', 'embedding-text.js');
const TEXT_VECTORS_JS = path.join(ROOT, 'dist', 'embeddings', 'text-vectors.js');
const VECTOR_CACHE_JS = path.join(ROOT, 'dist', 'embeddings', 'vector-cache.js');
const APP_CONFIG_JS = path.join(ROOT, 'dist', 'config', 'app-config.js');
/** How many 可能重复 pairs the organiser is shown by default (GET …/items/similar). */
const SUGGESTIONS_SHOWN = 30;
const LABELLED = path.join(ROOT, 'bench', 'data', 'labelled-opinions.jsonl');
/** Written apart from the method and never used to choose anything in it: an informational figure. */
const HOLDOUT = path.join(ROOT, 'bench', 'data', 'labelled-opinions-holdout.jsonl');
/** Formal problem statements as party documents word them, written apart from the method (December 2026): informational too. */
const FORMAL = path.join(ROOT, 'bench', 'data', 'labelled-opinions-formal.jsonl');
const SIZES = [10_000, 50_000, 100_000];
const GOALS = { precision: 0.9, recall: 0.8, seconds100k: 10 };
const OTHER_THRESHOLDS = [0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25];
const CLI_TIMEOUT_MS = 5 * 60 * 1000;
/** With the model: the goals, the bench server's model name, and the 100k run's settings. */
const MODEL_GOALS = { precision: 0.95, recall: 0.95, seconds100k: 60 };
const BENCH_MODEL = 'bench-model';
/** Bigger batches than the default 64: fewer round trips for 60k distinct texts, as an organisation would set for a bulk run. */
const SCALE_BATCH = 256;
/** Generous: the scale run measures the CLI, not the endpoint's patience. */
const SCALE_TIMEOUT_MS = 60_000;
/** EMBEDDINGS_THRESHOLD values swept with the organisation's model (0.6 … 0.9). */
const MODEL_THRESHOLDS = [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
/** What the CLI prints on stderr when it gives the model up and clusters lexically (dist/embeddings/text-vectors.js). */
const FALLBACK_WARNING = 'embeddings unavailable';

module.exports = {
  name: 'clustering',
  title: 'opinion clustering: quality on the labelled set, CLI time for 10k/50k/100k opinions, also with an embedding model',

  async run() {
    for (const file of [CLI_JS, CLUSTER_JS, SIMILAR_JS, DENSE_JS, EMBEDDING_TEXT_JS, TEXT_VECTORS_JS, VECTOR_CACHE_JS, APP_CONFIG_JS]) if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: build first (npm run build)`);
    const figures = [];
    const add = (fig) => {
      figures.push(fig);
      printFigure(fig);
    };

    const { clusterAll, placeOpinions, DEFAULT_THRESHOLD } = require(CLUSTER_JS);
    const labelled = readLabelled(LABELLED);
    const quality = pairwise(labelled, clusterAll(labelled).map((row) => row.item));
    add(figure(`labelled set: pairwise precision (t=${DEFAULT_THRESHOLD})`, round(quality.precision, 3), '', { atLeast: GOALS.precision, note: `${quality.truePairs}/${quality.predictedPairs} pairs` }));
    add(figure('labelled set: pairwise recall', round(quality.recall, 3), '', { atLeast: GOALS.recall, note: `${quality.truePairs}/${quality.goldPairs} pairs` }));
    add(figure('labelled set: pairwise F1', round(quality.f1, 3), ''));
    add(figure('labelled set: pairwise F0.5 (how the default is chosen)', round(fHalf(quality), 3), ''));
    const sweep = thresholdSweep(placeOpinions, labelled);
    process.stdout.write(`  (other thresholds: ${sweep.map((s) => `t=${s.threshold} P ${s.precision} R ${s.recall}`).join('; ')})\n`);

    // The hold-out sets: the same figures without goals, to show how far the method generalises
    // to opinions written by other hands: other topics (hold-out), and formal problem statements
    // in the words of party documents, with near neighbours written to be told apart (formal).
    const holdout = readLabelled(HOLDOUT);
    const formal = readLabelled(FORMAL);
    const informational = {};
    for (const [name, rows] of [['hold-out set', holdout], ['formal set', formal]]) {
      const result = pairwise(rows, clusterAll(rows).map((row) => row.item));
      const note = `${rows.length} opinions, ${new Set(rows.map((row) => row.cluster)).size} clusters; informational, no goal`;
      add(figure(`${name}: pairwise precision (t=${DEFAULT_THRESHOLD})`, round(result.precision, 3), '', { note: `${result.truePairs}/${result.predictedPairs} pairs; ${note}` }));
      add(figure(`${name}: pairwise recall`, round(result.recall, 3), '', { note: `${result.truePairs}/${result.goldPairs} pairs` }));
      add(figure(`${name}: pairwise F1`, round(result.f1, 3), ''));
      add(figure(`${name}: pairwise F0.5`, round(fHalf(result), 3), ''));
      const setSweep = thresholdSweep(placeOpinions, rows);
      process.stdout.write(`  (${name}, other thresholds: ${setSweep.map((s) => `t=${s.threshold} P ${s.precision} R ${s.recall}`).join('; ')})\n`);
      informational[name] = { opinions: rows.length, clusters: new Set(rows.map((row) => row.cluster)).size, threshold: DEFAULT_THRESHOLD, ...result, sweep: setSweep };
    }

    // 可能重复: what the organiser is shown after the clustering, and what accepting it gives.
    const { similarItemPairs } = require(SIMILAR_JS);
    const suggestions = {};
    for (const [name, rows] of [['labelled set', labelled], ['hold-out set', holdout], ['formal set', formal]]) {
      const result = reviewSuggestions(placeOpinions, similarItemPairs, rows);
      suggestions[name] = result;
      add(figure(`${name}: true duplicates among the top ${SUGGESTIONS_SHOWN} 可能重复 pairs`, result.truePairs, `of ${result.shown}`, { note: `${result.items} items for ${rows.length} opinions; ${result.found} pairs over the line in all` }));
      add(figure(`${name}: pairwise recall once the organiser merges them`, round(result.after.recall, 3), '', { note: `from ${round(result.before.recall, 3)}; precision ${round(result.before.precision, 3)} → ${round(result.after.precision, 3)}` }));
      const { effortBefore: before, effortAfter: after } = result;
      add(figure(`${name}: organiser's work left, share of opinions`, round(after.share * 100, 1), '%', { note: `${after.moves} moves + ${after.merges} merges once the ${result.truePairs} right 可能重复 pairs are accepted; ${round(before.share * 100, 1)} % (${before.moves} + ${before.merges}) without them; sorting by hand = 100 %` }));
    }

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tanxin-bench-clustering-'));
    const timings = [];
    let startSeconds;
    let model;
    try {
      // The CLI's fixed cost (Node, the Nest and TypeORM imports of dist/cli.js, the segmenter's
      // dictionary), so that the per-10k rates below show the clustering's own growth.
      const one = path.join(dir, 'one.jsonl');
      fs.writeFileSync(one, '{"id":"1","text":"会议太多"}\n');
      startSeconds = (await timeCli(one)).seconds;
      add(figure('CLI cluster 1 opinion (start-up)', round(startSeconds, 2), 's'));
      for (const size of SIZES) {
        const file = path.join(dir, `opinions-${size}.jsonl`);
        const distinct = writeSynthetic(file, size);
        const { seconds, items, lines } = await timeCli(file);
        if (lines !== size) throw new Error(`cluster printed ${lines} lines for ${size} opinions`);
        const per10k = ((seconds - startSeconds) / size) * 10_000;
        timings.push({ size, seconds: round(seconds, 2), per10kAfterStart: round(per10k, 2), items, distinctTexts: distinct });
        const goal = size === 100_000 ? { below: GOALS.seconds100k } : {};
        add(figure(`CLI cluster ${size.toLocaleString('en-US')} opinions`, round(seconds, 2), 's', { ...goal, note: `${round(per10k, 2)} s per 10k after start-up; ${distinct} distinct texts, ${items} items` }));
      }
      const growth = timings[timings.length - 1].per10kAfterStart / timings[0].per10kAfterStart;
      add(figure('time per opinion after start-up, 100k vs 10k', round(growth, 2), '×', { below: 1.5, note: '1 = linear; below 1 as more texts repeat' }));

      process.stdout.write('  with an embedding model:\n');
      model = await modelSection(add, [['labelled set', LABELLED, labelled], ['hold-out set', HOLDOUT, holdout], ['formal set', FORMAL, formal]], path.join(dir, `opinions-${SIZES[SIZES.length - 1]}.jsonl`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    return {
      figures,
      details: {
        labelled: { opinions: labelled.length, clusters: new Set(labelled.map((row) => row.cluster)).size, threshold: DEFAULT_THRESHOLD, ...quality, sweep },
        suggestions,
        holdout: informational['hold-out set'],
        formal: informational['formal set'],
        startSeconds: round(startSeconds, 2),
        timings,
        model: model.details,
      },
      ...(model.problems.length ? { failed: model.problems.join('; ') } : {}),
    };
  },
};

// ---------------------------------------------------------------------------------------------
// With an embedding model

/**
 * Section 4: quality on the labelled sets with the model (the bench server's, or the
 * organisation's when EMBEDDINGS_URL is set here), the threshold sweep with the organisation's,
 * and the 100k run (`file100k`, written by section 3) against the bench server. Resolves
 * { details, problems }: problems are wrong behaviours (a fallback to lexical, a text sent twice),
 * which fail the scenario; missed goals do not.
 */
async function modelSection(add, sets, file100k) {
  const { normaliseForEmbedding } = require(EMBEDDING_TEXT_JS);
  const { DEFAULT_MODEL_THRESHOLD } = require(DENSE_JS);
  const problems = [];
  const details = { quality: {} };
  const organisation = organisationModel();
  if (organisation.problem) problems.push(organisation.problem);

  for (const [name, file, rows] of sets) {
    const result = organisation.env ? await cliQuality(rows, file, organisation.env) : await benchServerQuality(rows, file, normaliseForEmbedding);
    details.quality[name] = result;
    if (result.fallback) problems.push(`${name}: the CLI clustered lexically (${result.fallback})`);
    const by = organisation.env ? `${organisation.env.EMBEDDINGS_MODEL} at ${organisation.env.EMBEDDINGS_URL}` : `the bench server, groups = labelled clusters`;
    const threshold = organisation.env?.EMBEDDINGS_THRESHOLD ?? DEFAULT_MODEL_THRESHOLD;
    add(figure(`${name} + model: precision (t=${threshold})`, round(result.precision, 3), '', { atLeast: MODEL_GOALS.precision, note: `${result.truePairs}/${result.predictedPairs} pairs; ${by}` }));
    add(figure(`${name} + model: recall`, round(result.recall, 3), '', { atLeast: MODEL_GOALS.recall, note: `${result.truePairs}/${result.goldPairs} pairs; ${result.items} items for ${new Set(rows.map((row) => row.cluster)).size} clusters` }));
    add(figure(`${name} + model: organiser's work left`, round(result.effort.share * 100, 1), '%', { note: `${result.effort.moves} moves + ${result.effort.merges} merges, no 可能重复 pairs accepted; sorting by hand = 100 %` }));
    if (result.sent) {
      const { texts, requests, repeatedTexts } = result.sent;
      add(figure(`${name} + model: texts sent / distinct`, texts, `/ ${result.distinctNormalised.toLocaleString('en-US')}`, { note: `${requests} requests; ${result.distinctRaw} distinct as written, ${result.distinctNormalised} after NFKC + whitespace; ${repeatedTexts} sent again` }));
      if (texts !== result.distinctNormalised || repeatedTexts > 0) problems.push(`${name}: the CLI sent ${texts} texts (${repeatedTexts} again) for ${result.distinctNormalised} distinct ones`);
    }
  }

  if (organisation.env) {
    details.sweep = {};
    for (const [name, , rows] of sets) {
      const sweep = await modelThresholdSweep(rows, organisation.env);
      details.sweep[name] = sweep;
      if (sweep.problem) problems.push(`${name}, threshold sweep: ${sweep.problem}`);
      else process.stdout.write(`  (${name} + ${organisation.env.EMBEDDINGS_MODEL}, EMBEDDINGS_THRESHOLD: ${sweep.map((s) => `t=${s.threshold} P ${s.precision} R ${s.recall}`).join('; ')})\n`);
    }
  } else {
    process.stdout.write(`  (EMBEDDINGS_URL is not set here: no threshold sweep with the organisation's model; set EMBEDDINGS_URL and EMBEDDINGS_MODEL to calibrate EMBEDDINGS_THRESHOLD)\n`);
  }

  const scale = await modelScale(file100k, normaliseForEmbedding);
  details.scale = scale;
  if (scale.fallback) problems.push(`100k + model: the CLI clustered lexically (${scale.fallback})`);
  if (scale.sent.repeatedTexts > 0) problems.push(`100k + model: ${scale.sent.repeatedTexts} texts sent again`);
  const count = scale.lines.toLocaleString('en-US');
  add(figure(`CLI ${count} + model: wall time`, round(scale.seconds, 2), 's', { note: `EMBEDDINGS_BATCH=${SCALE_BATCH}, EMBEDDINGS_TIMEOUT_MS=${SCALE_TIMEOUT_MS}; ${scale.items} items` }));
  add(figure(`CLI ${count} + model: bench server's work`, round(scale.sent.busyMs / 1000, 2), 's', { note: `making ${scale.sent.texts} vectors of ${embeddingsServer.DEFAULT_DIMENSION} and their JSON: what a model's server spends anyway` }));
  add(figure(`CLI ${count} + model: wall − server`, round(scale.seconds - scale.sent.busyMs / 1000, 2), 's', { below: MODEL_GOALS.seconds100k, note: 'wall − server busy time' }));
  add(figure(`CLI ${count} + model: texts sent / distinct`, scale.sent.texts, `/ ${scale.distinctNormalised.toLocaleString('en-US')}`, { note: `${scale.sent.requests} requests; groups = the synthetic opinion's complaint kind (${COMPLAINTS.length}), read back from its wording${scale.unknownKinds ? `; ${scale.unknownKinds} texts with no kind found, each its own group` : ''}` }));
  return { details, problems };
}

/**
 * The organisation's model, when the bench's environment names one: { env } for the CLI (the
 * environment as it is, EMBEDDINGS_THRESHOLD and all), { problem } when EMBEDDINGS_URL is set
 * without EMBEDDINGS_MODEL (the CLI would refuse to start), {} otherwise.
 */
function organisationModel() {
  if (!process.env.EMBEDDINGS_URL) return {};
  if (!process.env.EMBEDDINGS_MODEL) return { problem: 'EMBEDDINGS_URL is set without EMBEDDINGS_MODEL: the quality runs used the bench server' };
  return { env: process.env };
}

/** The environment without EMBEDDINGS_*, plus `extra`: the bench decides which model the CLI uses, if any. */
function cliEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('EMBEDDINGS_')));
  return { ...env, ...extra };
}

/** Starts a bench embeddings server, runs `use(server)`, closes the server whatever happens. */
async function withEmbeddingsServer(options, use) {
  const server = await embeddingsServer.start(options);
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

/** Quality of the CLI with the bench server, each text's group its labelled cluster (matched on the text as the CLI sends it). */
async function benchServerQuality(rows, file, normaliseForEmbedding) {
  const clusterOf = new Map(rows.map((row) => [normaliseForEmbedding(row.text), row.cluster]));
  const groupOf = (text) => (clusterOf.has(text) ? `cluster:${clusterOf.get(text)}` : `text:${text}`);
  return withEmbeddingsServer({ groupOf }, async (server) => {
    const result = await cliQuality(rows, file, cliEnv({ EMBEDDINGS_URL: server.url, EMBEDDINGS_MODEL: BENCH_MODEL }));
    return {
      ...result,
      sent: { ...server.stats },
      distinctRaw: new Set(rows.map((row) => row.text)).size,
      distinctNormalised: clusterOf.size,
    };
  });
}

/** The CLI on a labelled file with `env`: pairwise precision/recall and the organiser's work left; `fallback` when it warned it went lexical. */
async function cliQuality(rows, file, env) {
  const run = await timeCli(file, { env, byId: true });
  const items = rows.map((row) => run.itemOf.get(row.id));
  return { ...pairwise(rows, items), items: run.items, effort: organiserEffort(rows, items), seconds: round(run.seconds, 2), fallback: fallbackOf(run.stderr) };
}

/** The CLI's warning line when it gave the model up, or null. */
function fallbackOf(stderr) {
  const line = stderr.split('\n').find((each) => each.includes(FALLBACK_WARNING));
  return line ? line.trim().slice(0, 300) : null;
}

/**
 * The 100k file through the CLI against the bench server, each text's group its complaint kind
 * (the kind whose wording the text holds: the generator does not record it, but no wording is
 * found inside another kind's text), so that the vectors cluster as a model's would.
 */
async function modelScale(file, normaliseForEmbedding) {
  const wordings = COMPLAINTS.flatMap((kind, index) => kind.map((wording) => [normaliseForEmbedding(wording), index])).sort((a, b) => b[0].length - a[0].length);
  let unknownKinds = 0;
  const groupOf = (text) => {
    for (const [wording, index] of wordings) if (text.includes(wording)) return `kind:${index}`;
    unknownKinds += 1;
    return `text:${text}`;
  };
  const texts = new Set();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) if (line) texts.add(normaliseForEmbedding(JSON.parse(line).text));
  return withEmbeddingsServer({ groupOf }, async (server) => {
    const env = cliEnv({ EMBEDDINGS_URL: server.url, EMBEDDINGS_MODEL: BENCH_MODEL, EMBEDDINGS_BATCH: String(SCALE_BATCH), EMBEDDINGS_TIMEOUT_MS: String(SCALE_TIMEOUT_MS) });
    const run = await timeCli(file, { env });
    return { seconds: run.seconds, lines: run.lines, items: run.items, fallback: fallbackOf(run.stderr), sent: { ...server.stats }, distinctNormalised: texts.size, unknownKinds };
  });
}

/**
 * Pairwise precision and recall at each of MODEL_THRESHOLDS with the organisation's model, in
 * process: the vectors fetched once as the CLI does (dist/embeddings/text-vectors.js: normalised,
 * batched, unit length, keyed by the text as given), then clusterAll with each threshold.
 */
async function modelThresholdSweep(rows, env) {
  const { clusterAll } = require(CLUSTER_JS);
  const { TextVectors } = require(TEXT_VECTORS_JS);
  const { MemoryVectorCache } = require(VECTOR_CACHE_JS);
  const { loadEmbeddingsSettings } = require(APP_CONFIG_JS);
  const warnings = [];
  const vectors = await new TextVectors(loadEmbeddingsSettings(env), new MemoryVectorCache(), { warn: (message) => warnings.push(message) }).vectorsFor(rows.map((row) => row.text));
  if (!vectors) return { problem: warnings.join('; ') || 'no vectors' };
  return MODEL_THRESHOLDS.map((modelThreshold) => {
    const result = pairwise(rows, clusterAll(rows, [], { vectors, modelThreshold }).map((row) => row.item));
    return { threshold: modelThreshold, precision: round(result.precision, 3), recall: round(result.recall, 3), f1: round(result.f1, 3) };
  });
}

/** Pairwise precision, recall and F1 of placeOpinions on `rows` at each of OTHER_THRESHOLDS. */
function thresholdSweep(placeOpinions, rows) {
  return OTHER_THRESHOLDS.map((threshold) => {
    const placements = placeOpinions([], rows.map((row) => ({ id: row.id, text: row.text, aspect: row.aspect ?? null, target: row.target ?? null })), { aspects: [], threshold });
    const result = pairwise(rows, placements.map((placement) => placement.newItemKey));
    return { threshold, precision: round(result.precision, 3), recall: round(result.recall, 3), f1: round(result.f1, 3) };
  });
}

/**
 * The organiser's review of 可能重复 on a labelled set: cluster it, list the items' most similar
 * pairs as GET …/items/similar does (top SUGGESTIONS_SHOWN), count a pair as a true duplicate when
 * the clusters most of each item's opinions belong to are the same, merge those (as an organiser
 * who judged each pair rightly would), and score the list again.
 */
function reviewSuggestions(placeOpinions, similarItemPairs, rows, threshold = undefined) {
  const placements = placeOpinions([], rows.map((row) => ({ id: row.id, text: row.text, aspect: row.aspect ?? null, target: row.target ?? null })), { aspects: [], threshold });
  const items = new Map();
  placements.forEach((placement, index) => {
    const key = placement.newItemKey;
    if (!items.has(key)) items.set(key, { id: key, target: rows[index].target ?? null, texts: [], clusters: new Map() });
    const item = items.get(key);
    item.texts.push(rows[index].text);
    item.clusters.set(rows[index].cluster, (item.clusters.get(rows[index].cluster) ?? 0) + 1);
  });
  const mainCluster = (item) => mainOf(item.clusters)[0];
  const all = similarItemPairs([...items.values()], { limit: 100_000 });
  const shown = all.slice(0, SUGGESTIONS_SHOWN);
  const accepted = shown.filter(({ itemIds: [a, b] }) => mainCluster(items.get(a)) === mainCluster(items.get(b)));
  const parent = new Map([...items.keys()].map((key) => [key, key]));
  const root = (key) => (parent.get(key) === key ? key : root(parent.get(key)));
  for (const { itemIds: [a, b] } of accepted) parent.set(root(a), root(b));
  const before = pairwise(rows, placements.map((placement) => placement.newItemKey));
  const after = pairwise(rows, placements.map((placement) => root(placement.newItemKey)));
  const keys = placements.map((placement) => placement.newItemKey);
  const effortBefore = organiserEffort(rows, keys);
  const effortAfter = organiserEffort(rows, keys, accepted.map((pair) => pair.itemIds));
  return { items: items.size, found: all.length, shown: shown.length, truePairs: accepted.length, before, after, effortBefore, effortAfter };
}

/** F0.5: precision weighted twice recall (a wrong merge costs more than a missed one). */
function fHalf({ precision, recall }) {
  return precision + recall ? (1.25 * precision * recall) / (0.25 * precision + recall) : 0;
}

function readLabelled(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/** Pairwise precision and recall of a partition (`items[i]` for row i) against the rows' clusters. */
function pairwise(rows, items) {
  let truePairs = 0;
  let predictedPairs = 0;
  let goldPairs = 0;
  for (let i = 0; i < rows.length; i += 1) {
    for (let j = i + 1; j < rows.length; j += 1) {
      const together = items[i] === items[j];
      const gold = rows[i].cluster === rows[j].cluster;
      if (together) predictedPairs += 1;
      if (gold) goldPairs += 1;
      if (together && gold) truePairs += 1;
    }
  }
  const precision = predictedPairs ? truePairs / predictedPairs : 1;
  const recall = goldPairs ? truePairs / goldPairs : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, truePairs, predictedPairs, goldPairs };
}

/**
 * Runs the CLI on `file` with `env` (by default lexical: no EMBEDDINGS_*); resolves its wall time,
 * how many lines and distinct items it printed, its stderr, and with `byId` each id's item.
 */
function timeCli(file, { env = cliEnv(), byId = false } = {}) {
  return new Promise((resolve, reject) => {
    const began = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI_JS, 'cluster', file], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_TIMEOUT_MS);
    const items = new Set();
    const itemOf = byId ? new Map() : null;
    let lines = 0;
    let rest = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop();
      for (const line of parts) {
        if (!line) continue;
        lines += 1;
        const row = JSON.parse(line);
        items.add(row.item);
        if (itemOf) itemOf.set(row.id, row.item);
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - began) / 1e9;
      if (code !== 0) reject(new Error(`cli cluster exited ${signal ?? code}: ${stderr.slice(0, 500)}`));
      else resolve({ seconds, items: items.size, lines, itemOf, stderr });
    });
  });
}

function round(value, digits) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

module.exports.writeSynthetic = writeSynthetic;
module.exports.pairwise = pairwise;
module.exports.reviewSuggestions = reviewSuggestions;
module.exports.readLabelled = readLabelled;
