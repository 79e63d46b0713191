import { PairStatus, TalkRule } from './talk-rules';
import { Talk, TalkStatus } from './talk.entity';

/** 必谈类别, as the coverage sheet names them. */
export const TALK_RULE_NAMES: Record<TalkRule, string> = {
  'secretary-member': '主要负责同志与班子成员',
  'member-member': '班子成员之间',
  'department-head': '与分管部门主要负责同志',
  branch: '与所在支部党员',
};

/** 完成情况 of a required talk. */
export const PAIR_STATUS_NAMES: Record<PairStatus, string> = { pending: '未谈', held: '已谈', confirmed: '已确认' };

export class Person {
  userId: string | null;
  name: string;
}

/** What organisers see of a talk: who, when, under which rule, how far. Never the content. */
export class TalkMetadataView {
  id: string;
  meetingId: string;
  loggedBy: Person;
  counterpart: Person;
  heldOn: string;
  status: TalkStatus;
  /** The required pair it satisfies, if any. */
  rule: TalkRule | null;
  opinionCount: number;
}

/** The whole record, for its participants (and whoever the meeting allows). */
export class TalkView extends TalkMetadataView {
  place: string | null;
  summary: string;
  correctionComment: string | null;
  loggedAt: string;
  confirmedAt: string | null;
}

/** One required pair, as the contract lists them. */
export class RequiredTalkView {
  a: string;
  b: string | null;
  counterpartName: string;
  counterpartRole: string;
  departmentName?: string;
  rule: TalkRule;
  status: PairStatus;
}

export class TalkMatrixView {
  meetingId: string;
  talksUntil: string;
  /** talksUntil has passed and some required talk is still pending. */
  overdue: boolean;
  rows: { userId: string; name: string; role: string }[];
  columns: { key: string; userId: string | null; name: string; role: string; departmentName?: string }[];
  cells: { row: string; column: string; rule: TalkRule; status: PairStatus; overdue: boolean }[];
  totals: { required: number; pending: number; held: number; confirmed: number };
}

export function toTalkMetadata(talk: Talk, names: Map<string, string>, rule: TalkRule | null): TalkMetadataView {
  return {
    id: talk.id,
    meetingId: talk.meetingId,
    loggedBy: { userId: talk.loggedBy, name: names.get(talk.loggedBy) ?? '' },
    counterpart: { userId: talk.counterpartUserId, name: talk.counterpartUserId ? names.get(talk.counterpartUserId) ?? '' : talk.counterpartName ?? '' },
    heldOn: talk.heldOn,
    status: talk.status,
    rule,
    opinionCount: talk.opinionCount,
  };
}

export function toTalkView(talk: Talk, names: Map<string, string>, rule: TalkRule | null): TalkView {
  return {
    ...toTalkMetadata(talk, names, rule),
    place: talk.place,
    summary: talk.summary,
    correctionComment: talk.correctionComment,
    loggedAt: talk.loggedAt.toISOString(),
    confirmedAt: talk.confirmedAt?.toISOString() ?? null,
  };
}
