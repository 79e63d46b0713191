/**
 * Keyword themes the default aspect lexicon is made of. A preset's aspects are long and overlap
 * (the 2024 四个带头 each name two or three concerns), so each aspect gets the themes it covers
 * rather than a list of its own; the same theme may serve several presets.
 *
 * `keywords`: what an opinion about the theme tends to contain, in normalised form.
 * `cues`: what an aspect's name contains when it covers the theme, for aspects an organiser
 * named themselves (see lexicon.ts).
 */
export interface Theme {
  keywords: readonly string[];
  cues: readonly string[];
}

export const THEMES = {
  /** 理论学习 */
  study: {
    keywords: ['理论学习', '学习', '理论', '自学', '读书', '读原文', '原著', '学懂弄通', '学深悟透', '学用', '学以致用', '以干代学', '中心组', '照本宣科', '理论武装', '凝心铸魂', '新时代中国特色社会主义思想', '学习教育', '党性修养'],
    cues: ['学习', '理论', '思想', '凝心铸魂'],
  },
  /** 政治素质、政治纪律 */
  politics: {
    keywords: ['政治', '站位', '讲政治', '两个确立', '两个维护', '四个意识', '四个自信', '政治敏锐', '政治鉴别', '政治判断', '政治规矩', '政治纪律', '大局', '忠诚', '意识形态', '党性'],
    cues: ['政治', '两个确立', '两个维护', '四个意识'],
  },
  /** 党的领导、民主集中制 */
  leadership: {
    keywords: ['党的领导', '民主集中制', '一言堂', '说了算', '议事规则', '议事决策', '三重一大', '集体决策', '集体领导', '个人决定', '党建', '党组织'],
    cues: ['党的全面领导', '党的领导', '民主集中制'],
  },
  /** 团结统一、班子配合 */
  unity: {
    keywords: ['团结', '沟通', '配合', '补台', '拆台', '本位主义', '各管一摊', '各自为政', '合力', '协调'],
    cues: ['团结', '统一'],
  },
  /** 能力本领 */
  ability: {
    keywords: ['能力', '本领', '本领恐慌', '专业', '业务能力', '业务水平', '水平', '知识', '数字化', '新技术', '不懂', '不会', '外行', '短板'],
    cues: ['能力', '本领'],
  },
  /** 防范化解风险、斗争精神 */
  risk: {
    keywords: ['风险', '隐患', '斗争', '安全', '应急', '防范', '化解', '底线', '预判'],
    cues: ['风险', '斗争'],
  },
  /** 担当作为 */
  initiative: {
    keywords: ['担当', '作为', '不作为', '慢作为', '推诿', '扯皮', '踢皮球', '推脱', '推卸', '担责', '不敢', '拍板', '躺平', '敷衍', '攻坚', '碰硬', '绕着走', '求稳', '得过且过', '不出事'],
    cues: ['担当', '作为', '担责'],
  },
  /** 改革创新 */
  innovation: {
    keywords: ['创新', '改革', '新思路', '敢闯敢试', '墨守成规', '老办法', '因循守旧'],
    cues: ['创新', '改革'],
  },
  /** 工作作风 */
  conduct: {
    keywords: ['作风', '形式主义', '官僚主义', '调研', '调查研究', '走马观花', '基层', '一线', '会议', '开会', '文山会海', '文件', '发文', '材料', '报表', '督查', '检查', '留痕', '台账', '走过场', '减负', '加班', '效率', '流程', '审批', '繁琐', '部署', '落实', '拖拉', '脱离群众'],
    cues: ['作风'],
  },
  /** 以人民为中心、为群众办实事 */
  people: {
    keywords: ['群众', '职工', '办实事', '急难愁盼', '民生', '诉求', '为民', '服务', '反映的问题', '回应', '福利', '食堂', '待遇', '关心关爱', '谈心'],
    cues: ['人民', '群众', '民生'],
  },
  /** 廉洁自律 */
  integrity: {
    keywords: ['廉洁', '廉政', '八项规定', '四风', '公车', '用车', '接待', '宴请', '吃喝', '送礼', '礼金', '收受', '亲属', '特权', '奢靡', '享乐', '公款', '铺张', '违规', '纪律'],
    cues: ['廉洁', '自律', '廉政', '遵规守纪'],
  },
  /** 全面从严治党责任 */
  partyDiscipline: {
    keywords: ['从严治党', '管党治党', '主体责任', '一岗双责', '党风廉政', '监督', '批评与自我批评', '红脸出汗', '好人主义', '老好人', '宽松软', '管理偏松', '提醒谈话'],
    cues: ['从严治党', '管党治党'],
  },
  /** 初心使命、党史 */
  mission: {
    keywords: ['初心', '使命', '宗旨', '党史', '根本问题', '理想信念'],
    cues: ['初心', '使命', '党史', '根本问题'],
  },
} satisfies Record<string, Theme>;

export type ThemeName = keyof typeof THEMES;

/**
 * The themes of each preset aspect (src/meetings/aspect-presets.ts), chosen by reading what each
 * aspect asks of the team: e.g. 2022 has no 作风 aspect, and 作风建设 is part of 全面从严治党.
 */
export const PRESET_ASPECT_THEMES: Readonly<Record<string, readonly ThemeName[]>> = {
  // 2021 党史学习教育（五个带头）
  '带头深刻感悟“两个确立”的决定性意义': ['politics'],
  '带头牢记我们党是什么、要干什么这个根本问题': ['mission', 'leadership'],
  '带头践行以人民为中心的发展思想，为群众办实事解难题': ['people', 'conduct'],
  '带头学习运用党在不同历史时期成功应对风险挑战的丰富经验': ['risk', 'study', 'ability', 'initiative'],
  '带头深刻汲取党史中正反两方面经验，履行全面从严治党责任': ['partyDiscipline', 'integrity', 'unity'],
  // 2022（六个带头）
  '带头深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”': ['politics'],
  '带头用习近平新时代中国特色社会主义思想凝心铸魂': ['study', 'mission'],
  '带头坚持和加强党的全面领导': ['leadership', 'unity'],
  '带头坚持以人民为中心的发展思想，推动改革发展稳定': ['people', 'innovation'],
  '带头发扬斗争精神，防范化解风险挑战': ['risk', 'initiative', 'ability'],
  '带头落实全面从严治党政治责任': ['partyDiscipline', 'integrity', 'conduct'],
  // 2023 主题教育（六个方面）
  理论学习: ['study', 'mission'],
  政治素质: ['politics', 'leadership', 'unity'],
  能力本领: ['ability', 'risk', 'innovation'],
  担当作为: ['initiative'],
  工作作风: ['conduct', 'people'],
  廉洁自律: ['integrity', 'partyDiscipline'],
  // 2024 党纪学习教育（四个带头）
  '带头严守政治纪律和政治规矩，维护党的团结统一': ['politics', 'leadership', 'unity'],
  '带头增强党性、严守纪律、砥砺作风': ['conduct', 'study', 'people'],
  '带头在遵规守纪、清正廉洁前提下勇于担责、敢于创新': ['integrity', 'initiative', 'innovation', 'ability', 'risk'],
  '带头履行全面从严治党政治责任': ['partyDiscipline', 'mission'],
};
