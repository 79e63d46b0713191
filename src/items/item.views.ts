import { ApiProperty } from '@nestjs/swagger';
import { OpinionChannel } from '../opinions/raw-opinion.entity';
import { QuestionView } from '../questions/question.views';
import { ClaimKind } from './item-claim.entity';
import { ItemStatus } from './opinion-item.entity';

/** Whom an item concerns: a team member, or the team (id null). */
export class ItemTarget {
  id: string | null;
  name: string;
}

/** The lead's answer to an item. */
export class ClaimAnswerView {
  /** 问题认识. */
  reflection: string;
  /** 整改措施. */
  measures: string;
  dueDate: string | null;
  answeredAt: string;
}

export class ClaimView {
  memberUserId: string;
  name: string;
  kind: ClaimKind;
  /** The lead's answer, once written. */
  answer: ClaimAnswerView | null;
}

/** 屡提屡犯: the item of an earlier meeting of the organisation that this item says again. */
export class RepeatOfView {
  meetingId: string;
  itemId: string;
  /** The earlier meeting's year. */
  year: number;
  /** What the earlier item said. */
  summary: string;
  /** Whether its rectification entry was closed (已销号): closed then, yet raised again. */
  closed: boolean;
}

/** One item of the list, as organisers and claimants see it in a list. */
export class ItemView {
  id: string;
  meetingId: string;
  aspect: string;
  target: ItemTarget;
  summary: string;
  sourceCount: number;
  /** Where its opinions came from; `supervision` for an item named by the upper level or 督导组. */
  channels: Array<OpinionChannel | 'supervision'>;
  status: ItemStatus;
  setAsideReason: string | null;
  claims: ClaimView[];
  /** The earlier meeting's item it repeats (往年提过), or null. */
  repeatOf: RepeatOfView | null;
}

/** A verbatim source: the words, the channel and the day; never anything more about who wrote it. */
export class SourceView {
  id: string;
  text: string;
  channel: OpinionChannel;
  day: string;
  /**
   * 追问: the organisers' questions to the writer (anonymous sources with a receipt only) and each
   * reply once a fixed release has passed it on, with that day. Absent when nobody has asked.
   */
  questions?: QuestionView[];
}

export class ItemDetailView extends ItemView {
  sources: SourceView[];
  /** The organiser's notes: only organisers and supervisors see them. */
  notes?: string | null;
}

/** A merged item: the item merged into, and the merge's id, to undo it. */
export class MergedItemView extends ItemDetailView {
  /** `POST /api/v1/item-merges/{mergeId}/undo` undoes the merge. */
  mergeId: string;
}

/** The numbers of the report: "共收集意见建议N条，归纳为X个方面Y条". */
export class ItemSummaryView {
  /** N: raw opinions collected, every channel. */
  opinions: number;
  /** X: aspects with at least one item in the list. */
  aspects: number;
  /** Y: items in the list (drafts and published; set aside counted apart). */
  items: number;
  setAside: number;
  /** The sentence itself, ready for the report. */
  sentence: string;
  byAspect: { aspect: string; items: number; opinions: number }[];
  byTarget: { target: ItemTarget; items: number }[];
  byChannel: { channel: OpinionChannel; opinions: number }[];
}

/** How many drafts were published. */
export class PublishedItemsView {
  published: number;
}

/** Who has claimed nothing yet, and which team items nobody has taken the lead on (人人认领). */
export class ClaimOverview {
  membersWithoutClaims: { userId: string; name: string }[];
  unclaimedTeamItems: { id: string; aspect: string; summary: string }[];
  unclaimedMemberItems: { id: string; aspect: string; summary: string; targetMemberId: string }[];
}

/** Where an opinion came in, as people say it. */
export const CHANNEL_NAMES: Record<string, string> = {
  box: '意见箱',
  survey: '征求意见表',
  talk: '谈心谈话',
  symposium: '座谈会',
  written: '书面征询',
  supervision: '上级或督导组指出',
};

/** 可能重复: two items that may say the same thing, and the merge that would make them one. */
export class SimilarPairView {
  /** How alike their opinions read, 0…1 (cosine of the two items' word and character weights). */
  similarity: number;
  /** The two items (always two). */
  @ApiProperty({ type: () => ItemView, isArray: true, minItems: 2, maxItems: 2 })
  items: [ItemView, ItemView];
  /** `POST /api/v1/items/{itemId}/merge` with `{intoItemId}` does it. */
  merge: { itemId: string; intoItemId: string };
}
