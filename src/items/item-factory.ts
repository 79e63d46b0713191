import { newId } from '../common/ids';
import { ItemOrigin, OpinionItem } from './opinion-item.entity';

/** What makes a new item: where it belongs, what it says, how it began. */
export interface NewItem {
  organizationId: string;
  meetingId: string;
  aspect: string;
  targetMemberId: string | null;
  summary: string;
  origin: ItemOrigin;
  /** When it is made (to the second). */
  now: Date;
  /** Made by an organiser's hand (a split, an item the 督导组 names): later automatic runs leave its words alone. */
  byHand: boolean;
}

/**
 * The one way an item (意见清单条目) begins: a draft with no sources yet. Its sources and their
 * count come only through ItemSources, so the count is kept in one place.
 */
export function newItem(fields: NewItem): OpinionItem {
  return {
    id: newId(),
    organizationId: fields.organizationId,
    meetingId: fields.meetingId,
    aspect: fields.aspect,
    targetMemberId: fields.targetMemberId,
    summary: fields.summary,
    status: 'draft',
    origin: fields.origin,
    sourceCount: 0,
    setAsideReason: null,
    mergedIntoId: null,
    notes: null,
    editedAt: fields.byHand ? fields.now : null,
    publishedAt: null,
    repeatOfItemId: null,
    createdAt: fields.now,
  };
}
