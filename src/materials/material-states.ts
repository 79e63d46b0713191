/** 对照检查材料 status: 未开始 → 起草中 → 已提交 → 退回修改 / 审核通过. */
export const MATERIAL_STATUSES = ['not-started', 'drafting', 'submitted', 'returned', 'approved'] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

/** Who makes a move: the material's author, or its reviewer. */
export type MaterialParty = 'author' | 'reviewer';

/** The legal moves and who makes each; anything else is a 409. */
const MOVES: ReadonlyArray<{ from: MaterialStatus; to: MaterialStatus; by: MaterialParty }> = [
  { from: 'not-started', to: 'drafting', by: 'author' },
  { from: 'not-started', to: 'submitted', by: 'author' },
  { from: 'drafting', to: 'submitted', by: 'author' },
  { from: 'returned', to: 'drafting', by: 'author' },
  { from: 'returned', to: 'submitted', by: 'author' },
  { from: 'submitted', to: 'returned', by: 'reviewer' },
  { from: 'submitted', to: 'approved', by: 'reviewer' },
];

/** Who may make the move, or null when it is not a move at all. */
export function moveMadeBy(from: MaterialStatus, to: MaterialStatus): MaterialParty | null {
  return MOVES.find((move) => move.from === from && move.to === to)?.by ?? null;
}

/** The author may replace the file while the material is theirs to work on. */
export function acceptsFile(status: MaterialStatus): boolean {
  return status === 'not-started' || status === 'drafting' || status === 'returned';
}

/** The two materials each team member writes: 对照检查材料 (`check`, the default) and 发言提纲 (`outline`). */
export const MATERIAL_KINDS = ['check', 'outline'] as const;
export type MemberMaterialKind = (typeof MATERIAL_KINDS)[number];

/**
 * The 领导班子对照检查材料 (`team`): one a meeting, written by the secretary for the team (from the
 * team items' claims, see draft-assembly.ts) and reviewed, like the secretary's own, by the
 * organisers or the 督导组. Kept under the secretary's seat, so it moves by the same rules.
 */
export const TEAM_MATERIAL = 'team';
export const ALL_MATERIAL_KINDS = [...MATERIAL_KINDS, TEAM_MATERIAL] as const;
export type MaterialKind = (typeof ALL_MATERIAL_KINDS)[number];

export const MATERIAL_KIND_NAMES: Record<MaterialKind, string> = {
  check: '对照检查材料',
  outline: '发言提纲',
  team: '领导班子对照检查材料',
};

/**
 * Whether the 督导组 may read the material (its file, history and comments): once it has been
 * submitted, and while it is under review or after; never a draft.
 */
export function readableBySupervisors(status: MaterialStatus): boolean {
  return status === 'submitted' || status === 'returned' || status === 'approved';
}
