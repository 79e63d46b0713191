import { FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';
import { Actor } from './actor';
import { AppError } from './app-error';

/** Every record that belongs to one organisation (单位) carries its id. */
export interface OrganizationOwned {
  id: string;
  organizationId: string;
}

/**
 * The one place a record is looked up for an actor. A record of another organisation answers
 * exactly like a missing one (404), so its existence is never revealed.
 */
export async function findOwned<T extends ObjectLiteral & OrganizationOwned>(
  repository: Repository<T>,
  actor: Pick<Actor, 'organizationId'>,
  id: string,
  what: string,
): Promise<T> {
  const found = await repository.findOne({
    where: { id, organizationId: actor.organizationId } as FindOptionsWhere<T>,
  });
  if (!found) throw AppError.notFound(what);
  return found;
}

/** The `where` fragment that scopes a list query to the actor's organisation. */
export function ownedBy<T extends OrganizationOwned>(actor: Pick<Actor, 'organizationId'>): FindOptionsWhere<T> {
  return { organizationId: actor.organizationId } as FindOptionsWhere<T>;
}
