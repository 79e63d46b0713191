import { OpinionChannel } from '../opinions/raw-opinion.entity';
import { ClaimKind } from './item-claim.entity';
import { ItemStatus } from './opinion-item.entity';

/** Whom an item concerns: a team member, or the team (id null). */
export interface ItemTarget {
  id: string | null;
  name: string;
}

export interface ClaimView {
  memberUserId: string;
  name: string;
  kind: ClaimKind;
  /** The lead's answer, once written. */
  answer: { reflection: string; measures: string; dueDate: string | null; answeredAt: string } | null;
}

/** One item of the list, as organisers and claimants see it in a list. */
export interface ItemView {
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
}

/** A verbatim source: the words, the channel and the day; never anything more about who wrote it. */
export interface SourceView {
  id: string;
  text: string;
  channel: OpinionChannel;
  day: string;
}

export interface ItemDetailView extends ItemView {
  sources: SourceView[];
  /** The organiser's notes: only organisers and supervisors see them. */
  notes?: string | null;
}

/** The numbers of the report: "共收集意见建议N条，归纳为X个方面Y条". */
export interface ItemSummaryView {
  /** N: raw opinions collected, every channel. */
  opinions: number;
  /** X: aspects with at least one item in the list. */
  aspects: number;
  /** Y: items in the list (drafts and published; set aside counted apart). */
  items: number;
  setAside: number;
  /** The sentence itself, ready for the report. */
  sentence: string;
  byAspect: Array<{ aspect: string; items: number; opinions: number }>;
  byTarget: Array<{ target: ItemTarget; items: number }>;
  byChannel: Array<{ channel: OpinionChannel; opinions: number }>;
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
export interface SimilarPairView {
  /** How alike their opinions read, 0…1 (cosine of the two items' word and character weights). */
  similarity: number;
  items: [ItemView, ItemView];
  /** `POST /api/v1/items/{itemId}/merge` with `{intoItemId}` does it. */
  merge: { itemId: string; intoItemId: string };
}
