'use strict';

/**
 * Synthetic opinions for the clustering and repeats benches, made deterministically (seeded) from
 * complaint kinds, each with several wordings, wrapped in the phrases real opinions come in
 * (建议/希望/个别…, a subject, a consequence): many near-duplicates, many exact duplicates, a few
 * thousand distinct texts per 10,000.
 */

const fs = require('node:fs');
const { mulberry32 } = require('./texts');

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

/**
 * `count` opinions {id, text, target?}, the same in every run for a seed: a complaint kind picked
 * skewed (some common, most not, like real lists), one of its wordings in a random wrapping, a
 * member as target for about a third.
 */
function syntheticOpinions(count, seed = 20261123) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const opinions = [];
  for (let i = 0; i < count; i += 1) {
    const complaint = COMPLAINTS[Math.floor(COMPLAINTS.length * random() ** 2)];
    const ending = pick(ENDINGS);
    const opinion = { id: `s${i + 1}`, text: `${pick(OPENINGS)}${pick(SUBJECTS)}${pick(complaint)}${ending ? `，${ending}` : ''}${random() < 0.5 ? '。' : ''}` };
    if (random() < 0.35) opinion.target = pick(MEMBERS);
    opinions.push(opinion);
  }
  return opinions;
}

/** A wording of a complaint in the phrases real opinions come in (建议/希望…, a subject, a consequence). */
function wrapped(random, wording) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const opening = pick(OPENINGS);
  const subject = pick(SUBJECTS);
  const ending = pick(ENDINGS);
  return `${opening}${subject}${wording}${ending ? `，${ending}` : ''}${random() < 0.5 ? '。' : ''}`;
}

/**
 * A previous list of `count` items {id, target, texts}: each one complaint kind (picked evenly),
 * its texts `perItem` wordings of it in random wrappings; a member as target for about a third.
 */
function syntheticItems(count, perItem, seed = 20251123) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const complaint = pick(COMPLAINTS);
    const texts = Array.from({ length: perItem }, () => wrapped(random, pick(complaint)));
    return { id: `p${i + 1}`, target: random() < 0.35 ? pick(MEMBERS) : null, texts };
  });
}

/** Writes `count` opinion lines to `file` (syntheticOpinions); returns how many distinct texts they have. */
function writeSynthetic(file, count) {
  const opinions = syntheticOpinions(count);
  fs.writeFileSync(file, `${opinions.map((opinion) => JSON.stringify(opinion)).join('\n')}\n`);
  return new Set(opinions.map((opinion) => opinion.text)).size;
}

module.exports = { COMPLAINTS, MEMBERS, syntheticItems, syntheticOpinions, writeSynthetic };
