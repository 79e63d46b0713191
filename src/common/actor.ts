import { Role } from './roles';

/**
 * Who is calling: resolved from the bearer token on every authenticated request and passed to
 * services explicitly, so every query can be scoped to the actor's organisation.
 */
export interface Actor {
  userId: string;
  organizationId: string;
  username: string;
  roles: Role[];
  /**
   * Set when a parent body's supervisor acts in a unit their 督导组 supervises (see
   * SupervisedUnits): their own organisation. `organizationId` is then the unit's.
   */
  supervisingFrom?: string;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}

/** The account-less actor a scheduled job or queue job acts as (user id `system`). */
export const SYSTEM_USER_ID = 'system';

/**
 * Tanxin itself, acting in one organisation for a job no person started (a reminder, a release):
 * an organiser's reach in that organisation and no other, and no account behind it.
 */
export function systemActor(organizationId: string): Actor {
  return { userId: SYSTEM_USER_ID, organizationId, username: SYSTEM_USER_ID, roles: [Role.Organiser] };
}

/** A job acting for the person who asked for it (an export), with their organisation and an organiser's reach. */
export function onBehalfOf(userId: string, organizationId: string): Actor {
  return { userId, organizationId, username: SYSTEM_USER_ID, roles: [Role.Organiser] };
}
