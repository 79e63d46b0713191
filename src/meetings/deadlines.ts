/**
 * A meeting's deadlines in the order they fall, named alike on every page, in the services'
 * messages and on the board: this is the one place their names are kept.
 */
export const DEADLINE_FIELDS = [
  { name: 'collectUntil', label: '征求意见截止' },
  { name: 'talksUntil', label: '谈心谈话截止' },
  { name: 'claimUntil', label: '认领答复截止' },
  { name: 'materialsUntil', label: '对照检查材料截止' },
  { name: 'heldOn', label: '会议召开' },
] as const;
export type DeadlineName = (typeof DEADLINE_FIELDS)[number]['name'];
export type Deadlines = Record<DeadlineName, string>;
