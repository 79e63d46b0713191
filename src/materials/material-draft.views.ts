import { DraftSectionKey } from './draft-assembly';

export class DraftSectionView {
  /** The 对照检查材料's `carry-over`, `problems`, `causes`, `measures`; the 发言提纲's `self-criticism`, `criticism`, `direction`. */
  key: DraftSectionKey;
  /** 一、上年度整改措施落实情况 … 四、今后的努力方向和整改措施 (the 发言提纲: 一、对照检查（自我批评） … 三、今后的努力方向). */
  title: string;
  paragraphs: string[];
}

export class DraftMissingItemView {
  id: string;
  aspect: string;
  summary: string;
}

export class DraftCoverageView {
  /** The member's lead claims on published items (for the team: the team's published items). */
  claimed: number;
  /** Those whose 问题认识 (or the item's words) the 存在的问题 section holds (the 发言提纲: its 对照检查). */
  answered: number;
  /** The ids of the claimed items not answered. */
  missing: string[];
  /** The same items with their words, for the page. */
  missingItems: DraftMissingItemView[];
}

/** A 对照检查材料 draft: the latest saved version, or assembled afresh from the claims when none is saved. */
export class MaterialDraftView {
  title: string;
  sections: DraftSectionView[];
  coverage: DraftCoverageView;
  /** The saved version's number; null while the draft is assembled and not yet saved. */
  version: number | null;
  savedAt: string | null;
}
