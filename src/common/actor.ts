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
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}
