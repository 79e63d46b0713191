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
 * - direction words (加强、减少、过多、不够): "加强督查" and "督查检查过多" share their topic
 *   and make opposite complaints; the direction is what tells them apart (a bare negation, 不 or
 *   没有, is not a direction: see NEGATIONS);
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
 * 否定: dropped like the filler (segment.ts). A bare negation says how a complaint is put, not
 * what it is about: 得不到休整 and 得不到提拔 shared 不 and little else. The words that negate a
 * topic in one (不够, 不到位, 不及时) are words of their own in the groups below, not these.
 */
export const NEGATIONS: ReadonlySet<string> = new Set(['不', '没有', '没', '未', '尚未', '从未', '无', '别', '莫', '勿', '不要', '不必', '不用']);

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
  ['沟通', '交流', '沟通交流', '谈心', '谈心谈话', '谈话', '交心', '面对面'],
  ['脱节', '两张皮'],
  ['一言堂', '说了算', '个人说了算'],
  ['效率', '效能'],
  ['饭菜', '伙食', '菜品'],
  ['好人主义', '老好人', '老好人思想'],
  ['本位主义', '各管一摊', '各自为政'],
  ['培养', '培育', '历练', '锻炼'],
  ['风险', '隐患', '风险隐患'],
  ['担当', '担责', '担责任'],
  ['不敢', '怕', '害怕'],
  ['偏松', '宽松', '松软', '宽松软', '松懈', '放松', '不严', '不严格'],
  ['过长', '冗长', '太长', '长'],
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
  // 布置了就不管了: 管 here is 过问 (checking on what was deployed); the negation is not content.
  不管: ['督查'],
  不过问: ['督查'],
  自学: ['个人', '学习'],
};

/**
 * 固定提法: the set phrases of party and government writing, each one concern as a whole. Kept
 * whole by the segmenter and counted as one word, never as their parts: 四风 is not 风,
 * 两个维护 not 维护, and 形式主义 shares nothing with 形式单一.
 */
export const FIXED_PHRASES: readonly string[] = [
  '四风', '两个维护', '两个确立', '四个意识', '四个自信', '一岗双责', '三重一大', '第一议题', '文山会海',
  '形式主义', '官僚主义', '享乐主义', '奢靡之风', '八项规定', '中央八项规定', '主体责任', '监督责任',
  '民主集中制', '批评与自我批评', '民主生活会', '组织生活会', '三会一课', '谈心谈话', '以案促改',
  '好人主义', '本位主义', '个人主义', '宽松软', '庸懒散', '慵懒散', '不作为', '乱作为', '慢作为',
  '红红脸', '出出汗', '一把手', '党风廉政', '从严治党', '全面从严治党', '意识形态', '为民服务',
];

/** Extra whole words for the segmenter, so that the tables above see them as one token. */
export function domainWords(): string[] {
  const words = new Set<string>();
  for (const group of [...SYNONYM_GROUPS, ...TOPIC_GROUPS]) for (const word of group) words.add(word);
  for (const word of Object.keys(COMPOUNDS)) words.add(word);
  for (const word of ['学用', '私用', '以干代学', '本领恐慌', '压担子', '一布了之', '台账']) words.add(word);
  for (const word of FIXED_PHRASES) words.add(word);
  // Single characters would only disturb the segmenter's statistics; it knows them already.
  return [...words].filter((word) => [...word].length > 1).sort();
}

/**
 * 话题: words that name the same concern in opinions about a unit's leadership, folded like the
 * synonyms above but wider: one writer's 连轴转 is another's 加班, one's 提拔慢 another's 晋升难.
 * Written from the common topics of 征求意见 in party and state bodies (workload, promotion,
 * titles, paperwork, inspections, study, integrity, care for staff), not from any one list, so
 * that a reworded complaint meets its twin through the concern rather than a shared character.
 * A word belongs to one row only, and a row to one concern: 职称名额 and 职称评审不公开 still
 * differ by what else they say.
 */
export const TOPIC_GROUPS: readonly (readonly string[])[] = [
  ['加班', '加班加点', '超负荷', '连轴转', '白加黑', '五加二', '熬夜', '通宵', '超时', '工作强度', '满负荷', '高强度'],
  ['休息', '休假', '休整', '双休', '周末', '节假日', '休息日', '年休假', '公休', '单休', '假期'],
  ['补休', '调休', '倒休', '加班费', '加班补助', '补偿'],
  ['待遇', '薪酬', '工资', '收入', '福利', '福利待遇', '奖金', '绩效工资'],
  ['晋升', '提拔', '提拔任用', '升职', '晋级', '职级晋升', '职务晋升', '上升通道', '上升空间', '奔头', '发展空间', '进步', '晋职'],
  ['职称', '职称评定', '职称评审', '职称评聘', '评职称', '职称晋升', '高级职称', '中级职称'],
  ['名额', '职数', '指标数'],
  ['报表', '表格', '填表', '报数', '要数', '统计表', '填报', '报送数据', '数据报送', '表册'],
  ['简报', '总结', '汇报材料', '信息稿', '报告'],
  ['走马观花', '蜻蜓点水', '浮在面上', '浅尝辄止', '浮光掠影', '看盆景', '盆景', '不接地气'],
  ['距离感', '脱离群众', '高高在上', '架子', '官架子', '门难进'],
  ['了解', '掌握', '摸清', '摸透', '吃透', '知晓'],
  ['车辆', '单位车辆', '公务用车辆'],
  ['私用', '私事', '私人用途', '办私事', '接送孩子'],
  ['节约', '浪费', '铺张', '厉行节约', '勤俭', '勤俭节约', '大手大脚', '奢侈'],
  ['接待', '陪同', '招待', '陪餐', '接待规格'],
  ['亲属', '家属', '子女', '配偶', '身边人', '身边工作人员', '家人', '亲友'],
  ['食堂', '餐厅', '就餐', '吃饭', '用餐', '晚餐', '午餐', '早餐'],
  ['民主集中制', '集体决策', '集体研究', '集体讨论', '集体领导', '一把手', '家长制', '个人意见', '三重一大'],
  ['批评', '自我批评', '批评与自我批评', '辣味', '红红脸', '出出汗', '表扬式', '一团和气'],
  ['绕着走', '绕道走', '撇清', '甩锅', '你推我', '推给', '不了了之'],
  ['不作为', '慢作为', '乱作为', '庸政', '懒政', '怠政'],
  ['创新', '开拓', '守成', '按部就班', '墨守成规', '因循守旧', '老办法', '新思路', '亮点'],
  ['求稳', '求稳怕乱', '怕出事', '怕出错', '怕出问题', '明哲保身'],
  ['作秀', '摆拍', '搞形式', '装样子'],
  ['台账', '佐证材料', '佐证', '拍照', '痕迹', '留档', '存档'],
  ['落实', '执行', '贯彻', '贯彻落实', '打折扣', '搞变通', '层层衰减', '不折不扣', '执行力'],
  ['学用', '学以致用', '联系实际', '结合实际', '理论联系实际', '转化'],
  ['党建', '党建工作', '党务', '党建活动'],
  ['业务', '中心工作', '业务工作', '主业'],
  ['融合', '结合', '融入', '拧成一股绳'],
  ['评优', '评先', '评优评先', '先进', '表彰', '荣誉', '评先评优', '奖励'],
  ['信息化', '数字化', '办公系统', '信息系统', '软件', '网络', '电脑', '平台', '系统'],
  ['工作群', '微信群', '接龙', '打卡', '政务app', '指尖'],
  ['办公楼', '办公室', '办公条件', '办公用房', '办公设备', '设施'],
  ['培训', '进修', '业务培训', '学习机会', '培训机会'],
  ['人手', '编制', '缺人', '人少事多', '人员紧张', '人手不足', '人员不足'],
  ['制度', '规章', '规章制度', '机制', '规定'],
  ['安全', '安全生产', '安全隐患'],
  ['体检', '健康', '身体', '身心健康', '身心'],
  ['关心', '关爱', '关怀', '爱护', '温暖', '人文关怀'],
  ['讲话', '发言', '长篇大论', '照稿念', '念稿'],
  ['议而不决', '决而不行', '没有结论', '定不下来', '议来议去', '久拖不决'],
  ['公平', '公正', '公道', '一碗水端平', '不公'],
  ['基层减负', '减负', '负担', '负担重', '疲于应付', '疲于'],
];
