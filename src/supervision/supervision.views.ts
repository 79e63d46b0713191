import { MaterialStatus } from '../materials/material-states';
import { MeetingPhase } from '../meetings/meeting-phase';

export class UnitView {
  id: string;
  name: string;
}

export class GroupMemberView {
  id: string;
  displayName: string;
}

/** A 督导组 with its members and the units it supervises. */
export class SupervisionGroupView {
  id: string;
  name: string;
  members: GroupMemberView[];
  units: UnitView[];
}

export class SupervisedMeetingRef {
  id: string;
  title: string;
  year: number;
  phase: MeetingPhase;
}

export class SupervisedItemCounts {
  published: number;
  claimed: number;
  answered: number;
}

export class SupervisedTalkCounts {
  required: number;
  held: number;
  confirmed: number;
}

export class SupervisedMaterialCounts {
  /** Members whose 对照检查材料 is approved, of the team. */
  approved: number;
  total: number;
  /** The 领导班子对照检查材料's status. */
  team: MaterialStatus;
}

/**
 * One supervised unit's meeting as the 督导组 sees it side by side with the others: counted as
 * the unit's own board counts (released opinions only), and what is behind, in words.
 */
export class SupervisedMeetingView {
  organization: UnitView;
  meeting: SupervisedMeetingRef;
  /** Opinions gathered so far (released: held anonymous ones count nowhere). */
  opinions: number;
  items: SupervisedItemCounts;
  talks: SupervisedTalkCounts;
  materials: SupervisedMaterialCounts;
  /** What is behind its deadlines, e.g. "谈心谈话逾期：还有3次未谈"; empty when on time. */
  behind: string[];
}
