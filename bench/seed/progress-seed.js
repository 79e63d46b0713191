#!/usr/bin/env node
'use strict';

/**
 * Fills a migrated MariaDB database that already holds the demo organisation (`cli migrate`,
 * `cli demo`) with what the progress and export figures are measured on:
 *
 * - 1,000 meetings of the demo organisation, each with a team of 6 (from 20 leader accounts,
 *   `bench_leader_<n>`, the demo password), 2 boxes, a survey with 40 tokens (25 used and answered), 5 talks,
 *   a symposium, a written solicitation and 5 check materials;
 * - 1,000 raw opinions per meeting (1,000,000): half through the boxes, the rest through the
 *   other channels, over 30 days, under the 6 aspects (every 7th without one), all placed in items;
 * - 200 items per meeting (200,000): 70 % published, 20 % draft, 5 % set aside, 5 % merged;
 *   lead claims on 11 in 14 published ones, a third of those answered, a few joint claims;
 * - one more meeting, the export meeting, with 2,000 published items, each claimed and answered,
 *   and 2 box opinions each (4,000).
 *
 * Rows are made by INSERT … SELECT from MariaDB's Sequence engine (seq_1_to_N); the raw opinions
 * in the order of their ids, with the table's secondary indexes dropped and built again after
 * (the same names and columns as the migrations made them). Ids look like the app's (uuid-shaped, 36 characters) and are random-
 * looking (MD5 of a kind and a number), so the clustered index is as scattered as real data;
 * being derived, one table's rows can name another's without a join. The anonymous rows hold
 * what the app's hold: no writer, the day only.
 *
 * Usage: node bench/seed/progress-seed.js mysql://root@127.0.0.1:3306/<database>
 * (or require it: seedProgressData(connection, { log })).
 */

const mysql = require('mysql2/promise');
const { DEMO_LOGIN } = require('../lib/load');

const MEETINGS = 1_000;
const OPINIONS_PER_MEETING = 1_000;
const ITEMS_PER_MEETING = 200;
const EXPORT_ITEMS = 2_000;
const EXPORT_OPINIONS_PER_ITEM = 2;
const LEADERS = 20;
const TEAM = 6;
const BOXES = 2;
const TALKS = TEAM - 1;
const TOKENS = 40;
const TOKENS_USED = 25;
/** The export meeting comes after the others: meeting number MEETINGS. */
const EXPORT_MEETING = MEETINGS;
/** Bumped whenever what the seed makes changes: a kept database with another version is seeded again. */
const SEED_VERSION = 'progress-seed-3';

const ASPECTS = ['理论学习', '政治素质', '能力本领', '担当作为', '工作作风', '廉洁自律'];
const PHRASES = [
  '会议偏多、文件偏长，基层疲于应付，建议压缩会议数量和时长。',
  '理论学习有时流于形式，联系本单位实际研讨不够。',
  '遇到跨部门的难题习惯层层上报，协调推动不够有力。',
  '数字化转型推进较慢，建议带头学习新业务、新技能。',
  '公务接待和差旅报销的制度执行要再严格一些。',
  '调研多集中在机关，下基层一线的次数偏少。',
  '希望多关心青年职工成长，建立常态化谈心谈话机制。',
  '落实“第一议题”制度要更加注重实效，学习之后要有具体措施。',
];

/** SQL for a uuid-shaped id of `kind` number `n` (an SQL expression): MD5 with the four dashes put in. */
function idSql(kind, n) {
  return `INSERT(INSERT(INSERT(INSERT(MD5(CONCAT('${kind}:', ${n})), 9, 0, '-'), 14, 0, '-'), 19, 0, '-'), 24, 0, '-')`;
}

/** The same id computed here, for the ids the bench needs to know (meetings). */
function idOf(kind, n) {
  const hex = require('node:crypto').createHash('md5').update(`${kind}:${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The user id of seat `k` (0 = secretary) of meeting `m` (SQL expressions). */
const seatUser = (m, k) => idSql('user', `MOD(${m} + ${k}, ${LEADERS})`);
const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const pick = (list, index) => `ELT(1 + ${index}, ${list.map(quote).join(', ')})`;

/** The ids of the first `count` seeded meetings, in order: idOf('meeting', n) for n = 0 … count - 1. */
const meetingIds = (count = MEETINGS) => Array.from({ length: count }, (_, m) => idOf('meeting', m));

async function seedProgressData(db, { log = () => {} } = {}) {
  const started = Date.now();
  const step = async (label, sql, params = []) => {
    const began = Date.now();
    const [result] = await db.query(sql, params);
    log(`  seed: ${label}: ${Array.isArray(result) ? 'done' : `${result.affectedRows.toLocaleString('en')} rows`} in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    return result;
  };
  await db.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');

  // 示范单位 is the demo's name for its organisation (DEMO_ORGANIZATION in src/demo/demo.service.ts).
  const [[organisation]] = await db.query("SELECT id FROM organizations WHERE name = '示范单位'");
  if (!organisation) throw new Error('the demo organisation is missing: run `node dist/cli.js demo` first');
  const org = organisation.id;
  const [[organiser]] = await db.query('SELECT id, passwordHash FROM users WHERE username = ?', [DEMO_LOGIN.username]);
  const [[leader]] = await db.query("SELECT passwordHash FROM users WHERE username = 'leader1'");
  const [offices] = await db.query("SELECT id FROM departments WHERE organizationId = ? AND kind = 'department' ORDER BY name", [org]);
  const allMeetings = MEETINGS + 1;
  const seq = (count) => `seq_1_to_${count}`;

  await step('leaders', `INSERT INTO users (id, organizationId, username, displayName, passwordHash, roles, departmentId, branchId, active, createdAt)
    SELECT ${idSql('user', 'seq - 1')}, ?, CONCAT('bench_leader_', seq), CONCAT('班子成员', seq), ?, '["leader"]', NULL, NULL, 1, NOW() FROM ${seq(LEADERS)}`, [org, leader.passwordHash]);

  const m = 'seq - 1';
  await step('meetings', `INSERT INTO meetings (id, organizationId, title, year, kind, theme, aspectPreset, aspects, phase, collectUntil, talksUntil, claimUntil, materialsUntil, heldOn, aspectKeywords, talkRules, talkVisibility, createdAt, updatedAt)
    SELECT ${idSql('meeting', m)}, ?, CONCAT('基准第', seq, '次专题民主生活会'), 2026, 'democratic-life', NULL, '2023-theme-education', ?, 'collecting',
      CURDATE() + INTERVAL 10 DAY, CURDATE() + INTERVAL IF(MOD(seq, 2) = 0, -1, 20) DAY, CURDATE() + INTERVAL 24 DAY, CURDATE() + INTERVAL 28 DAY, CURDATE() + INTERVAL 35 DAY,
      NULL, NULL, 'participants-and-secretary', NOW(), NOW()
    FROM ${seq(allMeetings)}`, [org, JSON.stringify(ASPECTS)]);

  // Seat k oversees office k - 1 (the secretary none), so every member owes talks to department heads.
  const oversees = ['[]', ...offices.slice(0, TEAM - 1).map((office) => JSON.stringify([office.id]))];
  await step('team members', `INSERT INTO team_members (id, organizationId, meetingId, userId, role, oversees, position)
    SELECT ${idSql('seat', m)}, ?, ${idSql('meeting', `(seq - 1) DIV ${TEAM}`)}, ${seatUser(`(seq - 1) DIV ${TEAM}`, `MOD(seq - 1, ${TEAM})`)},
      IF(MOD(seq - 1, ${TEAM}) = 0, 'secretary', 'member'), ${pick(oversees, `MOD(seq - 1, ${TEAM})`)}, MOD(seq - 1, ${TEAM})
    FROM ${seq(allMeetings * TEAM)}`, [org]);

  await step('boxes', `INSERT INTO boxes (id, organizationId, meetingId, slug, title, accessCode, closesAt, closedAt, releaseThreshold, createdBy, createdAt)
    SELECT ${idSql('box', m)}, ?, ${idSql('meeting', `(seq - 1) DIV ${BOXES}`)}, LEFT(MD5(CONCAT('slug:', seq)), 26), CONCAT('征求意见箱', MOD(seq - 1, ${BOXES}) + 1), NULL, NULL, NULL, 5, ?, NOW()
    FROM ${seq(allMeetings * BOXES)}`, [org, organiser.id]);

  await step('surveys', `INSERT INTO surveys (id, organizationId, meetingId, title, anonymous, questions, closedAt, createdBy, createdAt)
    SELECT ${idSql('survey', m)}, ?, ${idSql('meeting', m)}, '征求意见表', 1, '[]', NULL, ?, NOW() FROM ${seq(allMeetings)}`, [org, organiser.id]);
  await step('survey tokens', `INSERT INTO survey_tokens (id, organizationId, surveyId, tokenHash, departmentId, used)
    SELECT ${idSql('token', m)}, ?, ${idSql('survey', `(seq - 1) DIV ${TOKENS}`)}, SHA2(CONCAT('token:', seq), 256), NULL, MOD(seq - 1, ${TOKENS}) < ${TOKENS_USED}
    FROM ${seq(allMeetings * TOKENS)}`, [org]);

  // The used tokens' answers, released (统一整理): progress counts released answers only.
  await step('survey responses', `INSERT INTO survey_responses (id, organizationId, surveyId, departmentId, tokenId, answers, receivedOn, held)
    SELECT ${idSql('response', m)}, ?, ${idSql('survey', `(seq - 1) DIV ${TOKENS_USED}`)}, NULL, NULL, '[]', CURDATE(), 0
    FROM ${seq(allMeetings * TOKENS_USED)}`, [org]);

  // Talk t of a meeting: the secretary with seat t + 1; the first two confirmed.
  await step('talks', `INSERT INTO talks (id, organizationId, meetingId, loggedBy, counterpartUserId, counterpartName, heldOn, place, summary, status, correctionComment, opinionCount, loggedAt, confirmedAt)
    SELECT ${idSql('talk', m)}, ?, ${idSql('meeting', `(seq - 1) DIV ${TALKS}`)}, ${seatUser(`(seq - 1) DIV ${TALKS}`, 0)}, ${seatUser(`(seq - 1) DIV ${TALKS}`, `MOD(seq - 1, ${TALKS}) + 1`)}, NULL,
      CURDATE(), NULL, '双方交流了思想和工作情况，互相提出了批评意见。', IF(MOD(seq - 1, ${TALKS}) < 2, 'confirmed', 'logged'), NULL, 0, NOW(), IF(MOD(seq - 1, ${TALKS}) < 2, NOW(), NULL)
    FROM ${seq(allMeetings * TALKS)}`, [org]);

  await step('symposiums', `INSERT INTO symposiums (id, organizationId, meetingId, heldOn, audience, attendeeCount, opinionCount, recordedBy, recordedAt)
    SELECT ${idSql('symposium', m)}, ?, ${idSql('meeting', m)}, CURDATE(), '中层干部', 16, 100, ?, NOW() FROM ${seq(allMeetings)}`, [org, organiser.id]);
  await step('written solicitations', `INSERT INTO written_solicitations (id, organizationId, meetingId, fromBody, receivedOn, opinionCount, recordedBy, recordedAt)
    SELECT ${idSql('written', m)}, ?, ${idSql('meeting', m)}, '派驻纪检监察组', CURDATE(), 100, ?, NOW() FROM ${seq(allMeetings)}`, [org, organiser.id]);

  const materialStatuses = ['approved', 'submitted', 'drafting', 'returned', 'approved'];
  await step('check materials', `INSERT INTO check_materials (id, organizationId, meetingId, memberUserId, status, reviewComment, fileName, fileType, fileSize, fileKey, updatedAt)
    SELECT ${idSql('material', m)}, ?, ${idSql('meeting', `(seq - 1) DIV ${materialStatuses.length}`)}, ${seatUser(`(seq - 1) DIV ${materialStatuses.length}`, `MOD(seq - 1, ${materialStatuses.length})`)},
      ${pick(materialStatuses, `MOD(seq - 1, ${materialStatuses.length})`)}, NULL, NULL, NULL, NULL, NULL, NOW()
    FROM ${seq(allMeetings * materialStatuses.length)}`, [org]);

  // Items: j is the item's number within its meeting. Status by j mod 20: 0–13 published,
  // 14–17 draft, 18 set aside, 19 merged into item j - 1. Target: seat j mod 6, every 7th the team.
  // sourceCount as the opinions below make it: 5 each, 10 for an item another was merged into.
  const itemColumns = 'id, organizationId, meetingId, aspect, targetMemberId, summary, status, origin, sourceCount, setAsideReason, mergedIntoId, notes, editedAt, publishedAt, createdAt';
  const itemRows = (kind, meeting, j, status, mergedInto, sourceCount) => `${idSql(kind, 'seq - 1')}, '${org}', ${idSql('meeting', meeting)}, ${pick(ASPECTS, `MOD(${j}, ${ASPECTS.length})`)},
      IF(MOD(${j}, 7) = 6, NULL, ${seatUser(meeting, `MOD(${j}, ${TEAM})`)}), CONCAT(${pick(PHRASES, `MOD(${j}, ${PHRASES.length})`)}, '（', ${j} + 1, '）'),
      ${status}, 'aggregation', ${sourceCount}, IF(${status} = 'set-aside', '与本次会议主题无关', NULL), ${mergedInto}, NULL, NULL,
      IF(${status} = 'published', NOW(), NULL), NOW() - INTERVAL ${j} MINUTE`;
  const itemStatus = (j) => `CASE WHEN MOD(${j}, 20) < 14 THEN 'published' WHEN MOD(${j}, 20) < 18 THEN 'draft' WHEN MOD(${j}, 20) = 18 THEN 'set-aside' ELSE 'merged' END`;
  const meetingOfItem = `(seq - 1) DIV ${ITEMS_PER_MEETING}`;
  const itemNumber = `MOD(seq - 1, ${ITEMS_PER_MEETING})`;
  await step('items', `INSERT INTO opinion_items (${itemColumns})
    SELECT ${itemRows('item', meetingOfItem, itemNumber, itemStatus(itemNumber), `IF(MOD(${itemNumber}, 20) = 19, ${idSql('item', 'seq - 2')}, NULL)`, `CASE MOD(${itemNumber}, 20) WHEN 19 THEN 0 WHEN 18 THEN 10 ELSE 5 END`)}
    FROM ${seq(MEETINGS * ITEMS_PER_MEETING)}`);
  await step('export meeting items', `INSERT INTO opinion_items (${itemColumns})
    SELECT ${itemRows('export-item', EXPORT_MEETING, 'seq - 1', "'published'", 'NULL', EXPORT_OPINIONS_PER_ITEM)} FROM ${seq(EXPORT_ITEMS)}`);

  // Lead claims on published items with j mod 10 < 7, by their target (the secretary for the
  // team's); every third answered. Joint claims on every 25th published item with a person as target.
  const claimColumns = 'id, organizationId, meetingId, itemId, memberUserId, kind, leadOf, reflection, measures, dueDate, answeredAt, assignedBy, createdAt';
  const leadOf = (meeting, j) => `IF(MOD(${j}, 7) = 6, ${seatUser(meeting, 0)}, ${seatUser(meeting, `MOD(${j}, ${TEAM})`)})`;
  const answer = (answered) => `IF(${answered}, '对这个问题认识不深，根源在于理论学习不够深入、联系实际不够紧密。', NULL), IF(${answered}, '一是加强学习；二是建立台账、逐项整改；三是定期回头看。', NULL),
      IF(${answered}, CURDATE() + INTERVAL 60 DAY, NULL), IF(${answered}, NOW(), NULL)`;
  await step('lead claims', `INSERT INTO item_claims (${claimColumns})
    SELECT ${idSql('claim', 'seq - 1')}, '${org}', ${idSql('meeting', meetingOfItem)}, ${idSql('item', 'seq - 1')}, ${leadOf(meetingOfItem, itemNumber)}, 'lead', ${idSql('item', 'seq - 1')},
      ${answer(`MOD(${itemNumber}, 3) = 0`)}, NULL, NOW()
    FROM ${seq(MEETINGS * ITEMS_PER_MEETING)} WHERE MOD(${itemNumber}, 20) < 14 AND MOD(${itemNumber}, 10) < 7`);
  await step('joint claims', `INSERT INTO item_claims (${claimColumns})
    SELECT ${idSql('joint-claim', 'seq - 1')}, '${org}', ${idSql('meeting', meetingOfItem)}, ${idSql('item', 'seq - 1')}, ${seatUser(meetingOfItem, `MOD(MOD(${itemNumber}, ${TEAM}) + 1, ${TEAM})`)}, 'joint', NULL,
      NULL, NULL, NULL, NULL, NULL, NOW()
    FROM ${seq(MEETINGS * ITEMS_PER_MEETING)} WHERE MOD(${itemNumber}, 20) < 14 AND MOD(${itemNumber}, 25) = 0 AND MOD(${itemNumber}, 7) <> 6`);
  await step('export meeting claims', `INSERT INTO item_claims (${claimColumns})
    SELECT ${idSql('export-claim', 'seq - 1')}, '${org}', ${idSql('meeting', EXPORT_MEETING)}, ${idSql('export-item', 'seq - 1')}, ${leadOf(EXPORT_MEETING, 'seq - 1')}, 'lead', ${idSql('export-item', 'seq - 1')},
      ${answer('TRUE')}, NULL, NOW()
    FROM ${seq(EXPORT_ITEMS)}`);

  // Raw opinions: i is the opinion's number within its meeting. Channel by i mod 20: 0–9 box,
  // 10–13 survey, 14–15 talk, 16–17 symposium, 18–19 written. Item i mod 200 (a merged item's go
  // to the one it was merged into). Day: one of the last 30. Box opinions carry a receipt hash.
  const opinionColumns = 'id, organizationId, meetingId, channel, sourceId, text, aspect, targetMemberId, receivedOn, receiptHash, itemId, pendingAggregation, held';
  const opinionRows = ({ kind, meeting, i, channelOf, itemOf, j }) => `id, '${org}', ${idSql('meeting', meeting)}, ${channelOf},
      CASE ${channelOf} WHEN 'box' THEN ${idSql('box', `${meeting} * ${BOXES} + MOD(${i}, ${BOXES})`)} WHEN 'survey' THEN ${idSql('survey', meeting)}
        WHEN 'talk' THEN ${idSql('talk', `${meeting} * ${TALKS} + MOD(${i}, ${TALKS})`)} WHEN 'symposium' THEN ${idSql('symposium', meeting)} ELSE ${idSql('written', meeting)} END,
      ${pick(PHRASES, `MOD(${i}, ${PHRASES.length})`)}, IF(MOD(${i}, 7) = 0, NULL, ${pick(ASPECTS, `MOD(${j}, ${ASPECTS.length})`)}),
      IF(MOD(${j}, 7) = 6, NULL, ${seatUser(meeting, `MOD(${j}, ${TEAM})`)}), CURDATE() - INTERVAL MOD(${i} * 7, 30) DAY,
      IF(${channelOf} = 'box', SHA2(CONCAT('${kind}:', seq), 256), NULL), ${itemOf}, 0, 0`;
  const total = MEETINGS * OPINIONS_PER_MEETING;
  const exportOpinions = EXPORT_ITEMS * EXPORT_OPINIONS_PER_ITEM;
  await withoutSecondaryIndexes(db, 'raw_opinions', log, async () => {
    // The ids first (small rows, in memory), then the rows in id order: the clustered index is
    // appended to instead of split at random pages, which with a 128 MB buffer pool is ~10× faster.
    await db.query('CREATE TEMPORARY TABLE bench_opinion_ids (id CHAR(36) NOT NULL PRIMARY KEY, seq INT NOT NULL, kind VARCHAR(20) NOT NULL) ENGINE=InnoDB');
    await step('opinion ids', `INSERT INTO bench_opinion_ids SELECT ${idSql('opinion', '(seq - 1)')}, seq, 'opinion' FROM ${seq(total)}`);
    await step('export opinion ids', `INSERT INTO bench_opinion_ids SELECT ${idSql('export-opinion', '(seq - 1)')}, seq, 'export-opinion' FROM ${seq(exportOpinions)}`);
    const i = `MOD(seq - 1, ${OPINIONS_PER_MEETING})`;
    const j = `MOD(${i}, ${ITEMS_PER_MEETING})`;
    const meetingOfOpinion = `((seq - 1) DIV ${OPINIONS_PER_MEETING})`;
    const channelOf = `CASE WHEN MOD(${i}, 20) < 10 THEN 'box' WHEN MOD(${i}, 20) < 14 THEN 'survey' WHEN MOD(${i}, 20) < 16 THEN 'talk' WHEN MOD(${i}, 20) < 18 THEN 'symposium' ELSE 'written' END`;
    const itemOf = idSql('item', `${meetingOfOpinion} * ${ITEMS_PER_MEETING} + ${j} - IF(MOD(${j}, 20) = 19, 1, 0)`);
    await step('opinions', `INSERT INTO raw_opinions (${opinionColumns})
      SELECT ${opinionRows({ kind: 'opinion', meeting: meetingOfOpinion, i, channelOf, itemOf, j })}
      FROM bench_opinion_ids WHERE kind = 'opinion' ORDER BY id`);
    const x = `MOD(seq - 1, ${EXPORT_ITEMS})`;
    await step('export meeting opinions', `INSERT INTO raw_opinions (${opinionColumns})
      SELECT ${opinionRows({ kind: 'export-opinion', meeting: EXPORT_MEETING, i: '(seq - 1)', channelOf: "'box'", itemOf: idSql('export-item', x), j: x })}
      FROM bench_opinion_ids WHERE kind = 'export-opinion' ORDER BY id`);
    await db.query('DROP TEMPORARY TABLE bench_opinion_ids');
  });

  await db.query('SET SESSION unique_checks = 1, foreign_key_checks = 1');
  await step('analyze', 'ANALYZE TABLE raw_opinions, opinion_items, item_claims, survey_tokens, team_members, check_materials, talks, boxes, surveys, survey_responses');
  await db.query('CREATE TABLE IF NOT EXISTS bench_seed (version VARCHAR(40) NOT NULL PRIMARY KEY, seededAt DATETIME NOT NULL)');
  await db.query('INSERT INTO bench_seed (version, seededAt) VALUES (?, NOW())', [SEED_VERSION]);
  const seconds = (Date.now() - started) / 1000;
  log(`  seed: done in ${seconds.toFixed(0)} s`);
  return { seconds, meetings: MEETINGS, opinions: total + exportOpinions, items: MEETINGS * ITEMS_PER_MEETING + EXPORT_ITEMS };
}

/**
 * Runs `work` with the table's secondary indexes dropped, then adds them back as they were, in one
 * ALTER (InnoDB builds each by sorting, instead of inserting a million entries at random places).
 */
async function withoutSecondaryIndexes(db, table, log, work) {
  const [rows] = await db.query(
    "SELECT INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS columnName FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME <> 'PRIMARY' ORDER BY INDEX_NAME, SEQ_IN_INDEX",
    [table],
  );
  const indexes = new Map();
  for (const row of rows) {
    if (!indexes.has(row.name)) indexes.set(row.name, { unique: Number(row.nonUnique) === 0, columns: [] });
    indexes.get(row.name).columns.push(row.columnName);
  }
  if (indexes.size) await db.query(`ALTER TABLE \`${table}\` ${[...indexes.keys()].map((name) => `DROP INDEX \`${name}\``).join(', ')}`);
  try {
    await work();
  } finally {
    if (indexes.size) {
      const began = Date.now();
      const added = [...indexes].map(([name, { unique, columns }]) => `ADD ${unique ? 'UNIQUE ' : ''}INDEX \`${name}\` (${columns.map((column) => `\`${column}\``).join(', ')})`);
      await db.query(`ALTER TABLE \`${table}\` ${added.join(', ')}`);
      log(`  seed: ${table}: ${indexes.size} secondary indexes built in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    }
  }
}

/** Whether the database holds this version of the seed, complete (the marker is written last). */
async function isSeeded(db) {
  try {
    const [rows] = await db.query('SELECT version FROM bench_seed WHERE version = ?', [SEED_VERSION]);
    return rows.length > 0;
  } catch {
    return false;
  }
}

module.exports = {
  seedProgressData, isSeeded, idOf, meetingIds,
  SEED: { MEETINGS, OPINIONS_PER_MEETING, ITEMS_PER_MEETING, EXPORT_ITEMS, EXPORT_MEETING, LEADERS, TEAM, SEED_VERSION },
  exportMeetingId: () => idOf('meeting', EXPORT_MEETING),
};

if (require.main === module) {
  const url = process.argv[2];
  if (!url || !/^(mysql|mariadb):\/\//.test(url)) {
    process.stderr.write('usage: node bench/seed/progress-seed.js mysql://root@127.0.0.1:3306/<migrated database with the demo>\n');
    process.exit(2);
  }
  (async () => {
    const db = await mysql.createConnection({ uri: url.replace(/^mariadb:/, 'mysql:') });
    try {
      if (await isSeeded(db)) process.stdout.write('already seeded\n');
      else await seedProgressData(db, { log: (line) => process.stdout.write(`${line}\n`) });
    } finally {
      await db.end();
    }
  })().catch((error) => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exit(1);
  });
}
