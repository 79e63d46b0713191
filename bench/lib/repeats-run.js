'use strict';

/**
 * The measured part of the `repeats` scenario, in a process of its own with the Tanxin
 * environment the scenario gives it (SQLite in a temporary DATA_DIR): the app's services from
 * dist/ in an application context with no queue processors, the database seeded directly, and
 * AggregationService.aggregateMeeting timed on a meeting of OPINIONS pending opinions:
 *
 * - without: an organisation with no earlier meeting;
 * - with: an organisation whose previous year's meeting has EARLIER published items (each with
 *   PER_ITEM sources), which every item the run makes is compared with.
 *
 * The same opinion texts both ways, in fresh meetings; ROUNDS rounds (5), the order alternating, after
 * a warm-up on 1,000 opinions (the segmenter's dictionary, the JIT) and one cold run with the earlier
 * list (prepared for the first time, as after it changes). Prints one JSON line.
 */

const path = require('node:path');
require('reflect-metadata');
const { Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { DataSource } = require('typeorm');
const { MEMBERS, syntheticItems, syntheticOpinions } = require('./synthetic-opinions');

const DIST = path.resolve(__dirname, '..', '..', 'dist');
const OPINIONS = Number(process.env.BENCH_REPEATS_OPINIONS || 10_000);
const EARLIER = Number(process.env.BENCH_REPEATS_EARLIER || 2_000);
const PER_ITEM = 5;
const ROUNDS = Number(process.env.BENCH_REPEATS_ROUNDS || 5);
const ASPECTS = ['理论学习', '政治素质', '能力本领', '担当作为', '工作作风', '廉洁自律'];
const CHUNK = 500;

const { loadConfig } = require(`${DIST}/config/app-config`);
const { buildDataSourceOptions } = require(`${DIST}/database/data-source-options`);
const { CoreModule } = require(`${DIST}/core/core.module`);
const { QueueModule } = require(`${DIST}/queue/queue.module`);
const { FEATURE_MODULES } = require(`${DIST}/features`);
const { AggregationService } = require(`${DIST}/aggregation/aggregation.service`);
const { Meeting } = require(`${DIST}/meetings/meeting.entity`);
const { OpinionItem } = require(`${DIST}/items/opinion-item.entity`);
const { RawOpinion } = require(`${DIST}/opinions/raw-opinion.entity`);
const { newId } = require(`${DIST}/common/ids`);

/** The synthetic members, as the user ids items and opinions name. */
const memberIds = new Map(MEMBERS.map((member) => [member, newId()]));

async function main() {
  const config = loadConfig({ ...process.env, DEMO_DATA: 'false' });
  const migrator = new DataSource({ ...buildDataSourceOptions(config), migrationsRun: false });
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();

  class BenchModule {}
  Module({ imports: [CoreModule.forRoot(config), QueueModule.forRoot({ runProcessors: false }), ...FEATURE_MODULES] })(BenchModule);
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
  try {
    const dataSource = app.get(DataSource);
    const aggregation = app.get(AggregationService);
    const insert = async (entity, rows) => {
      for (let start = 0; start < rows.length; start += CHUNK) await dataSource.getRepository(entity).insert(rows.slice(start, start + CHUNK));
    };
    const meeting = async (organizationId, year, previousMeetingId = null) => {
      const row = {
        id: newId(), organizationId, title: `${year}年度民主生活会（基准）`, year, kind: 'democratic-life', theme: null, aspectPreset: null, aspects: ASPECTS,
        phase: 'collecting', collectUntil: `${year}-12-10`, talksUntil: `${year}-12-15`, claimUntil: `${year}-12-18`, materialsUntil: `${year}-12-22`, heldOn: `${year}-12-28`,
        aspectKeywords: null, talkRules: null, talkVisibility: 'participants-and-secretary', previousMeetingId, createdAt: new Date(), updatedAt: new Date(),
      };
      await insert(Meeting, [row]);
      return row.id;
    };
    const opinionRow = (organizationId, meetingId, text, target, itemId) => ({
      id: newId(), organizationId, meetingId, channel: 'box', sourceId: meetingId, text, aspect: null, targetMemberId: target ? memberIds.get(target) : null,
      receivedOn: '2026-12-01', receiptHash: null, itemId, pendingAggregation: itemId === null, held: false,
    });

    // The previous year's list: EARLIER published items, PER_ITEM sources each.
    const withOrg = newId();
    const previous = await meeting(withOrg, 2025);
    const items = [];
    const sources = [];
    for (const item of syntheticItems(EARLIER, PER_ITEM)) {
      const id = newId();
      const at = new Date('2025-12-05T02:00:00Z');
      items.push({
        id, organizationId: withOrg, meetingId: previous, aspect: ASPECTS[items.length % ASPECTS.length], targetMemberId: item.target ? memberIds.get(item.target) : null,
        summary: item.texts[0], status: 'published', origin: 'aggregation', sourceCount: item.texts.length, setAsideReason: null, mergedIntoId: null, notes: null,
        editedAt: null, publishedAt: at, repeatOfItemId: null, createdAt: at,
      });
      for (const text of item.texts) sources.push(opinionRow(withOrg, previous, text, item.target, id));
    }
    await insert(OpinionItem, items);
    await insert(RawOpinion, sources);

    const opinions = syntheticOpinions(OPINIONS, 20261207);
    const run = async (variant, count) => {
      const organizationId = variant === 'with' ? withOrg : newId();
      const meetingId = await meeting(organizationId, 2026, variant === 'with' ? previous : null);
      await insert(RawOpinion, opinions.slice(0, count).map((opinion) => opinionRow(organizationId, meetingId, opinion.text, opinion.target, null)));
      const started = performance.now();
      const placed = await aggregation.aggregateMeeting(organizationId, meetingId);
      const ms = performance.now() - started;
      if (placed !== count) throw new Error(`${variant}: ${placed} of ${count} opinions placed`);
      const [made] = await dataSource.query('SELECT COUNT(*) AS items, SUM(CASE WHEN repeatOfItemId IS NULL THEN 0 ELSE 1 END) AS repeats FROM opinion_items WHERE meetingId = ?', [meetingId]);
      return { ms, items: Number(made.items), repeats: Number(made.repeats ?? 0) };
    };

    // Warm-up on the variant without an earlier list (the dictionary, the JIT); then the first run
    // with one, full size: the earlier list is prepared in it (cold), as on the first run after
    // that list changes. The rounds after it find it prepared, as every later run does.
    await run('without', 1_000);
    const cold = await run('with', OPINIONS);
    const results = { cold, without: [], with: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const variant of round % 2 === 0 ? ['without', 'with'] : ['with', 'without']) results[variant].push(await run(variant, OPINIONS));
    }
    process.stdout.write(`${JSON.stringify({ opinions: OPINIONS, earlier: EARLIER, perItem: PER_ITEM, ...results })}\n`);
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  },
);
