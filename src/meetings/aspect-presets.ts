/** 对照检查的方面: the check aspects a meeting's opinions and answers are sorted by. */
export interface AspectPreset {
  key: string;
  name: string;
  aspects: string[];
}

export const ASPECT_PRESETS: readonly AspectPreset[] = [
  {
    key: '2021-party-history',
    name: '2021年党史学习教育专题民主生活会（五个带头）',
    aspects: [
      '带头深刻感悟“两个确立”的决定性意义',
      '带头牢记我们党是什么、要干什么这个根本问题',
      '带头践行以人民为中心的发展思想，为群众办实事解难题',
      '带头学习运用党在不同历史时期成功应对风险挑战的丰富经验',
      '带头深刻汲取党史中正反两方面经验，履行全面从严治党责任',
    ],
  },
  {
    key: '2022-six-leads',
    name: '2022年度民主生活会（六个带头）',
    aspects: [
      '带头深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”',
      '带头用习近平新时代中国特色社会主义思想凝心铸魂',
      '带头坚持和加强党的全面领导',
      '带头坚持以人民为中心的发展思想，推动改革发展稳定',
      '带头发扬斗争精神，防范化解风险挑战',
      '带头落实全面从严治党政治责任',
    ],
  },
  {
    key: '2023-theme-education',
    name: '2023年主题教育专题民主生活会（六个方面）',
    aspects: ['理论学习', '政治素质', '能力本领', '担当作为', '工作作风', '廉洁自律'],
  },
  {
    key: '2024-discipline',
    name: '2024年党纪学习教育专题民主生活会（四个带头）',
    aspects: [
      '带头严守政治纪律和政治规矩，维护党的团结统一',
      '带头增强党性、严守纪律、砥砺作风',
      '带头在遵规守纪、清正廉洁前提下勇于担责、敢于创新',
      '带头履行全面从严治党政治责任',
    ],
  },
];

export function findAspectPreset(key: string): AspectPreset | undefined {
  return ASPECT_PRESETS.find((preset) => preset.key === key);
}

/** Opinions that fit no aspect land here (其他). */
export const OTHER_ASPECT = '其他';
