'use strict';

/**
 * Opinion clustering (src/clustering), from dist/:
 *
 * 1. Quality on bench/data/labelled-opinions.jsonl (opinions with the cluster a person put them
 *    in): clusterAll over the whole file, then pairwise precision, recall and F1 — over all pairs
 *    of opinions, "same item" against "same cluster". Also at a few other thresholds, in the
 *    details, to show how sharp the choice of the default is. The same, without goals, on
 *    bench/data/labelled-opinions-holdout.jsonl: a second set written apart from the method
 *    (other topics and wordings) and never used to tune it, to show how far it generalises.
 * 2. Review: the 可能重复 pairs an organiser is shown (GET …/items/similar) on both sets, how many
 *    are true duplicates, and the recall once those are merged.
 * 3. Scale: `node dist/cli.js cluster <file>` end to end (start, read, cluster, print) on
 *    10,000, 50,000 and 100,000 synthetic opinions, to show that time grows linearly; the CLI's
 *    start-up (measured on one opinion) is subtracted for the per-10k rates.
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
const { figure, printFigure } = require('../lib/report');
const { mulberry32 } = require('../lib/texts');

const ROOT = path.resolve(__dirname, '..', '..');
const CLI_JS = path.join(ROOT, 'dist', 'cli.js');
const CLUSTER_JS = path.join(ROOT, 'dist', 'clustering', 'cluster.js');
const SIMILAR_JS = path.join(ROOT, 'dist', 'clustering', 'similar-items.js');
/** How many 可能重复 pairs the organiser is shown by default (GET …/items/similar). */
const SUGGESTIONS_SHOWN = 30;
const LABELLED = path.join(ROOT, 'bench', 'data', 'labelled-opinions.jsonl');
/** Written apart from the method and never used to choose anything in it: an informational figure. */
const HOLDOUT = path.join(ROOT, 'bench', 'data', 'labelled-opinions-holdout.jsonl');
const SIZES = [10_000, 50_000, 100_000];
const GOALS = { precision: 0.9, recall: 0.8, seconds100k: 20 };
const OTHER_THRESHOLDS = [0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25];
const CLI_TIMEOUT_MS = 5 * 60 * 1000;

module.exports = {
  name: 'clustering',
  title: 'opinion clustering: quality on the labelled set, CLI time for 10k/50k/100k opinions',

  async run() {
    for (const file of [CLI_JS, CLUSTER_JS, SIMILAR_JS]) if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: build first (npm run build)`);
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
    const sweep = thresholdSweep(placeOpinions, labelled);
    process.stdout.write(`  (other thresholds: ${sweep.map((s) => `t=${s.threshold} P ${s.precision} R ${s.recall}`).join('; ')})\n`);

    // The hold-out set: the same figures without goals, to show how far the method generalises
    // to opinions written by other hands about other topics.
    const holdout = readLabelled(HOLDOUT);
    const holdoutQuality = pairwise(holdout, clusterAll(holdout).map((row) => row.item));
    const holdoutNote = `${holdout.length} opinions, ${new Set(holdout.map((row) => row.cluster)).size} clusters; informational, no goal`;
    add(figure(`hold-out set: pairwise precision (t=${DEFAULT_THRESHOLD})`, round(holdoutQuality.precision, 3), '', { note: `${holdoutQuality.truePairs}/${holdoutQuality.predictedPairs} pairs; ${holdoutNote}` }));
    add(figure('hold-out set: pairwise recall', round(holdoutQuality.recall, 3), '', { note: `${holdoutQuality.truePairs}/${holdoutQuality.goldPairs} pairs` }));
    add(figure('hold-out set: pairwise F1', round(holdoutQuality.f1, 3), ''));
    const holdoutSweep = thresholdSweep(placeOpinions, holdout);
    process.stdout.write(`  (hold-out, other thresholds: ${holdoutSweep.map((s) => `t=${s.threshold} P ${s.precision} R ${s.recall}`).join('; ')})\n`);

    // 可能重复: what the organiser is shown after the clustering, and what accepting it gives.
    const { similarItemPairs } = require(SIMILAR_JS);
    const suggestions = {};
    for (const [name, rows] of [['labelled set', labelled], ['hold-out set', holdout]]) {
      const result = reviewSuggestions(placeOpinions, similarItemPairs, rows);
      suggestions[name] = result;
      add(figure(`${name}: true duplicates among the top ${SUGGESTIONS_SHOWN} 可能重复 pairs`, result.truePairs, `of ${result.shown}`, { note: `${result.items} items for ${rows.length} opinions; ${result.found} pairs over the line in all` }));
      add(figure(`${name}: pairwise recall once the organiser merges them`, round(result.after.recall, 3), '', { note: `from ${round(result.before.recall, 3)}; precision ${round(result.before.precision, 3)} → ${round(result.after.precision, 3)}` }));
    }

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tanxin-bench-clustering-'));
    const timings = [];
    let startSeconds;
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
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const growth = timings[timings.length - 1].per10kAfterStart / timings[0].per10kAfterStart;
    add(figure('time per opinion after start-up, 100k vs 10k', round(growth, 2), '×', { below: 1.5, note: '1 = linear; below 1 as more texts repeat' }));

    return {
      figures,
      details: {
        labelled: { opinions: labelled.length, clusters: new Set(labelled.map((row) => row.cluster)).size, threshold: DEFAULT_THRESHOLD, ...quality, sweep },
        suggestions,
        holdout: { opinions: holdout.length, clusters: new Set(holdout.map((row) => row.cluster)).size, threshold: DEFAULT_THRESHOLD, ...holdoutQuality, sweep: holdoutSweep },
        startSeconds: round(startSeconds, 2),
        timings,
      },
    };
  },
};

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
function reviewSuggestions(placeOpinions, similarItemPairs, rows) {
  const placements = placeOpinions([], rows.map((row) => ({ id: row.id, text: row.text, aspect: row.aspect ?? null, target: row.target ?? null })), { aspects: [] });
  const items = new Map();
  placements.forEach((placement, index) => {
    const key = placement.newItemKey;
    if (!items.has(key)) items.set(key, { id: key, target: rows[index].target ?? null, texts: [], clusters: new Map() });
    const item = items.get(key);
    item.texts.push(rows[index].text);
    item.clusters.set(rows[index].cluster, (item.clusters.get(rows[index].cluster) ?? 0) + 1);
  });
  const mainCluster = (item) => [...item.clusters].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const all = similarItemPairs([...items.values()], { limit: 100_000 });
  const shown = all.slice(0, SUGGESTIONS_SHOWN);
  const accepted = shown.filter(({ itemIds: [a, b] }) => mainCluster(items.get(a)) === mainCluster(items.get(b)));
  const parent = new Map([...items.keys()].map((key) => [key, key]));
  const root = (key) => (parent.get(key) === key ? key : root(parent.get(key)));
  for (const { itemIds: [a, b] } of accepted) parent.set(root(a), root(b));
  const before = pairwise(rows, placements.map((placement) => placement.newItemKey));
  const after = pairwise(rows, placements.map((placement) => root(placement.newItemKey)));
  return { items: items.size, found: all.length, shown: shown.length, truePairs: accepted.length, before, after };
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

/** Runs the CLI on `file`; resolves its wall time, how many lines and distinct items it printed. */
function timeCli(file) {
  return new Promise((resolve, reject) => {
    const began = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI_JS, 'cluster', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_TIMEOUT_MS);
    const items = new Set();
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
        items.add(JSON.parse(line).item);
      }
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - began) / 1e9;
      if (code !== 0) reject(new Error(`cli cluster exited ${signal ?? code}: ${stderr.slice(0, 500)}`));
      else resolve({ seconds, items: items.size, lines });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Synthetic opinions
// ---------------------------------------------------------------------------------------------

/** Complaint kinds, each in several wordings (what a cluster should gather). */
const COMPLAINTS = [
  ['会议太多', '开会过多', '文山会海问题突出', '会议过于频繁', '会多会长'],
  ['会议质量不高，议而不决', '会议解决问题少', '会而不议、议而不决'],
  ['发文太多', '文件材料过多', '各种材料报表反复报送', '材料多、报表多'],
  ['重部署轻督查', '布置了就不管了', '工作部署后督促检查不够', '只部署不督查'],
  ['督查检查过多过频', '检查考核太多，基层迎检负担重', '多头检查、重复检查'],
  ['深入基层调研不够', '调查研究走马观花', '下基层调研少', '到一线调研不深入'],
  ['痕迹管理过多', '重留痕轻实效', '台账资料要求繁琐'],
  ['理论学习联系实际不够', '学用脱节', '学习和工作两张皮'],
  ['学习形式单一', '学习多是照本宣科', '集体学习缺少讨论交流'],
  ['个人自学抓得不紧', '自学时间少', '以干代学，自学不够'],
  ['政治站位不够高', '就业务论业务，讲政治不够', '政治敏锐性不强'],
  ['民主集中制执行不好', '存在一言堂现象', '个人说了算'],
  ['本领恐慌', '专业能力跟不上', '业务能力有待提高'],
  ['风险防范意识不强', '风险隐患排查不深入', '防范化解风险能力不足'],
  ['遇事推诿扯皮', '部门之间互相踢皮球', '相互推脱责任'],
  ['怕担责任，不敢拍板', '担当精神不足', '求稳怕乱不敢担当'],
  ['对职工反映的问题回应不及时', '群众诉求答复慢', '反映的问题迟迟没有回音'],
  ['联系群众不够', '和普通职工交流少', '与职工谈心谈话少'],
  ['公务用车管理不严', '存在公车私用现象', '用车不规范'],
  ['公务接待超标准', '接待把关不严', '接待有铺张现象'],
  ['一岗双责落实不到位', '党风廉政建设抓得不紧', '对分管领域廉政风险防控不够'],
  ['年轻干部培养力度不够', '青年干部锻炼机会少', '对年轻人压担子不够'],
  ['考核评价不科学', '干好干坏一个样', '考核没有区分度'],
  ['加班太多', '经常周末加班', '加班成常态'],
  ['审批流程繁琐', '办事程序复杂，环节多', '报销手续繁杂'],
  ['信息公开不及时', '重大事项不透明', '公开不够'],
  ['食堂饭菜质量差', '食堂菜品单一', '伙食需要改善'],
  ['批评与自我批评辣味不足', '相互批评少', '存在好人主义'],
  ['班子成员之间沟通不够', '班子配合不够，各管一摊', '补台不够，各自为政'],
  ['批评下属方式简单粗暴', '脾气急，当众训人', '态度生硬'],
  ['培训机会太少', '业务培训少', '外出学习机会不多'],
  ['办公室空调老旧', '办公条件差', '办公环境需要改善'],
  ['停车位紧张', '停车难', '车位不够'],
  ['干部提拔论资排辈', '选人用人重资历', '优秀年轻干部上不去'],
  ['评先评优轮流坐庄', '评优搞平衡', '先进评选不公'],
  ['工作APP太多', '打卡软件过多', '政务小程序太多'],
  ['上班纪律松散', '迟到早退没人管', '考勤管理不严'],
  ['职工待遇偏低', '工资多年未调整', '收入偏低'],
  ['主题党日活动形式单一', '支部活动缺乏吸引力', '组织生活流于形式'],
  ['示范带头作用不够', '以身作则不够', '要求别人的自己没做到'],
];
const OPENINGS = ['', '', '', '建议', '希望', '个别同志反映', '有的职工反映', '大家普遍反映', '感觉', '我认为'];
const SUBJECTS = ['', '', '班子成员', '部分领导', '有的部门', '机关', '基层单位', '分管部门', '有的科室', '单位'];
const ENDINGS = ['', '', '', '影响工作效率', '基层负担较重', '职工意见较大', '希望尽快改进', '需要引起重视', '已经反映多次', '这个问题比较突出', '建议研究解决'];
const MEMBERS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8'];

/** Writes `count` opinion lines to `file`; returns how many distinct texts they have. */
function writeSynthetic(file, count) {
  const random = mulberry32(20261123); // the same opinions in every run
  const pick = (list) => list[Math.floor(random() * list.length)];
  const texts = new Set();
  const lines = [];
  for (let i = 0; i < count; i += 1) {
    // Some complaints are common, most are not: a skewed pick, like real lists.
    const complaint = COMPLAINTS[Math.floor(COMPLAINTS.length * random() ** 2)];
    const ending = pick(ENDINGS);
    const text = `${pick(OPENINGS)}${pick(SUBJECTS)}${pick(complaint)}${ending ? `，${ending}` : ''}${random() < 0.5 ? '。' : ''}`;
    texts.add(text);
    const line = { id: `s${i + 1}`, text };
    if (random() < 0.35) line.target = pick(MEMBERS);
    lines.push(JSON.stringify(line));
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return texts.size;
}

function round(value, digits) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

module.exports.writeSynthetic = writeSynthetic;
module.exports.pairwise = pairwise;
