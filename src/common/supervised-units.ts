import { SetMetadata } from '@nestjs/common';
import { Actor } from './actor';

export const SUPERVISED_REACH = 'tanxin:supervised-reach';

/** The record a route names by its `:id` (or `:meetingId`) parameter, whose organisation decides the reach. */
export type ReachedRecord = 'meeting' | 'item';

/**
 * A route the 督导组 of a parent body may call for the units it supervises (督导组跨单位督导):
 * the read-only ones a supervisor has, and adding a supervision item. Tenancy stays one rule (see
 * SupervisedUnits): everything else across organisations still answers 404.
 */
export const ReachableBySupervisors = (record: ReachedRecord = 'meeting') => SetMetadata(SUPERVISED_REACH, record);

/**
 * Who a supervisor is in a unit they supervise: the guards (API and pages) ask this after the
 * account is known, for routes marked ReachableBySupervisors. The answer is the actor as the unit
 * sees its own 督导组 — the unit's organisation, the supervisor role alone — or null when the
 * record is the actor's own organisation's, unknown, or of a unit their 督导组 does not supervise
 * (then the request goes on as the actor's own, and the service's 404 answers). Provided by the
 * supervision feature.
 */
export abstract class SupervisedUnits {
  abstract actorIn(actor: Actor, record: ReachedRecord, id: string): Promise<Actor | null>;

  /**
   * How a unit signs what a parent body's supervisor wrote in it: the name of the 督导组 over the
   * unit each of these accounts sits on (e.g. 工委第一督导组), by account. The unit cannot read
   * the parent's accounts, so without this their words would be signed "督导组" alone. Accounts
   * on no such group are left out.
   */
  abstract groupNamesIn(organizationId: string, userIds: readonly string[]): Promise<Map<string, string>>;
}
