/**
 * The domain vocabulary the segmenter works with: filler to drop, synonyms to fold together,
 * and compounds to split. Each table is meant to grow with what organisers see in real lists;
 * keep it to words that mean the same *in opinions about a leadership team*, not near-misses.
 */

/**
 * 停用词: words that say nothing about which complaint an opinion makes.
 *
 * Function words, pronouns, and the filler every opinion is wrapped in (建议、希望、要、进一步、
 * 切实、存在……问题). Deliberately NOT here:
 * - direction words (加强、减少、过多、不够、不): "加强督查" and "督查检查过多" share their topic
 *   and make opposite complaints; the direction is what tells them apart;
 * - 工作、领导、班子、干部: frequent, but sometimes the point (党的领导、班子团结); IDF weighs
 *   them down where they are filler;
 * - 会 (also "meeting") and 多 (多听 vs 会议多): too ambiguous alone to drop or fold.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // function words and particles
  '的', '地', '得', '了', '着', '是', '在', '和', '与', '及', '以及', '或', '或者', '跟', '同', '对', '对于',
  '把', '被', '将', '就', '都', '也', '还', '又', '再', '而', '并', '并且', '等', '等等', '这', '那', '这些',
  '那些', '这个', '那个', '这样', '那样', '这种', '其', '其中', '之', '所', '所以', '以', '于', '为', '为了',
  '给', '让', '使', '由', '从', '向', '到', '上', '下', '中', '里', '时', '后', '前', '啊', '吧', '呢', '吗',
  '呀', '哦', '嘛', '么', '有', '一个', '一些', '一下', '一点', '一直', '已', '已经', '即', '则', '因', '因为',
  // pronouns and vague quantities
  '我', '我们', '你', '你们', '他', '他们', '她', '她们', '它', '大家', '自己', '咱们', '本人', '有的', '有些',
  '某些', '个别', '部分', '少数', '一定', '好几个', '几个', '多个', '各种', '各类', '各项', '许多', '很多', '大量',
  // modal filler: every opinion wishes, suggests, asks
  '建议', '希望', '要', '应', '应该', '应当', '需要', '需', '请', '能', '能够', '可以', '可', '必须', '务必', '望',
  // degree and frequency words that only colour a complaint
  '进一步', '切实', '认真', '继续', '不断', '更加', '更', '很', '非常', '特别', '十分', '太', '过于', '比较',
  '较', '较为', '有点', '经常', '时常', '常常', '往往', '总是', '有时', '有时候', '偶尔', '始终', '仍然', '依然',
  '仍', '还是', '依旧', '目前', '当前', '现在', '平时', '突出', '比较突出', '较为突出', '严重', '比较严重',
  // the frame of a complaint, not its content
  '存在', '问题', '情况', '现象', '方面', '做到', '做好', '进行', '开展', '加以', '予以', '给予', '有关', '相关',
  '同志',
]);

/**
 * 同义词: each row's words mean the same in these opinions; the first is the one kept.
 * E.g. 重部署轻督查 and 布置了就不管了 share 部署 only once 布置 folds into it.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // Following up what was deployed (重部署轻督查). Not 检查 alone, nor 督查检查: in "督查检查过多"
  // they are the inspections that burden 基层, the opposite complaint.
  ['督查', '督促', '督导', '督办', '检查落实', '督促检查', '跟踪问效', '跟踪', '过问'],
  ['检查', '督查检查', '检查考核', '迎检'],
  ['部署', '布置', '安排部署', '部署安排', '下达'],
  ['基层', '一线', '基层一线', '下基层'],
  ['会议', '开会', '会海'],
  ['文件', '材料', '发文', '公文', '文稿'],
  ['调研', '调查研究', '调查'],
  ['形式主义', '走过场', '走形式', '做样子', '表面文章', '花架子', '流于形式'],
  ['年轻干部', '青年干部', '年轻人', '青年人', '青年人才'],
  ['群众', '职工', '员工', '干部职工', '职工群众', '普通职工'],
  ['推诿', '扯皮', '推诿扯皮', '踢皮球', '推脱', '推卸', '推来推去'],
  ['留痕', '痕迹管理', '拍照留痕'],
  ['过多', '太多', '偏多', '繁多', '较多', '频繁', '过频'],
  // In a complaint "X少" and "X不够" say the same (调研少, 调研不够).
  ['不够', '不足', '欠缺', '缺乏', '缺少', '不到位', '不充分', '有待', '亟待', '不强', '不高', '跟不上', '少', '很少', '偏少', '较少', '不多', '不紧'],
  ['不', '没有', '没', '未', '尚未', '从未'],
  ['减少', '精简', '压减', '压缩'],
  ['加强', '增强', '强化', '加大'],
  ['提高', '提升'],
  ['八项规定', '中央八项规定', '八项规定精神'],
  ['公车', '公务用车', '公务车辆', '公务车', '用车'],
  ['宴请', '吃请', '吃喝'],
  // Timeliness: "回应不及时", "答复慢" and "希望及时回应" make one complaint (nobody asks for slower).
  ['及时', '慢', '迟缓', '缓慢', '滞后', '拖拉', '拖沓', '迟迟', '不及时', '不够及时'],
  ['回应', '答复', '回复', '反馈', '回音'],
  ['繁琐', '烦琐', '繁杂'],
  ['流程', '程序', '手续', '环节'],
  ['考核', '考评', '考核评价', '绩效考核'],
  ['沟通', '交流', '沟通交流'],
  ['谈心', '谈心谈话'],
  ['脱节', '两张皮'],
  ['一言堂', '说了算', '个人说了算'],
  ['效率', '效能'],
  ['饭菜', '伙食', '菜品'],
  ['好人主义', '老好人', '老好人思想'],
  ['本位主义', '各管一摊', '各自为政'],
  ['培养', '培育', '历练', '锻炼'],
  ['风险', '隐患', '风险隐患'],
  ['加班', '加班加点'],
  ['担当', '担责', '担责任'],
  ['不敢', '怕', '害怕'],
  ['偏松', '宽松', '松软', '宽松软', '松懈', '放松', '不严', '不严格'],
  ['过长', '冗长', '太长', '长'],
  ['讲话', '发言'],
  ['不合理', '不科学'],
  ['能力', '本领'],
  ['互相', '相互'],
  ['配合', '协作', '协调', '补台'],
  ['公开', '透明', '公示'],
];

/**
 * Words the segmenter keeps whole that carry two things an opinion can share with another:
 * counted as their parts (深入基层 shares 基层 with 到基层调研).
 */
export const COMPOUNDS: Readonly<Record<string, readonly string[]>> = {
  深入基层: ['深入', '基层'],
  深入一线: ['深入', '基层'],
  公车私用: ['公车', '私用'],
  学用脱节: ['学用', '脱节'],
  文山会海: ['文件', '会议', '过多'],
  推卸责任: ['推诿'],
  担风险: ['担当', '风险'],
  求稳怕乱: ['求稳'],
  怕得罪人: ['怕', '得罪人'],
  联系群众: ['联系', '群众'],
  // 布置了就不管了: 管 here is 过问 (checking on what was deployed).
  不管: ['不', '督查'],
  不过问: ['不', '督查'],
  自学: ['个人', '学习'],
};

/** Extra whole words for the segmenter, so that the tables above see them as one token. */
export function domainWords(): string[] {
  const words = new Set<string>();
  for (const group of SYNONYM_GROUPS) for (const word of group) words.add(word);
  for (const word of Object.keys(COMPOUNDS)) words.add(word);
  for (const word of ['学用', '私用', '以干代学', '本领恐慌', '压担子', '一布了之', '台账']) words.add(word);
  // Single characters would only disturb the segmenter's statistics; it knows them already.
  return [...words].filter((word) => [...word].length > 1).sort();
}
