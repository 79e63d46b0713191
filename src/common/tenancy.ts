import { FindOptionsWhere, In, ObjectLiteral, Repository } from 'typeorm';
import { Actor } from './actor';
import { AppError, ErrorCode } from './app-error';

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

/** The actor's organisation's records among these ids; others (missing or foreign) are left out. */
export async function findAllOwned<T extends ObjectLiteral & OrganizationOwned>(
  repository: Repository<T>,
  actor: Pick<Actor, 'organizationId'>,
  ids: string[],
): Promise<T[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return repository.find({ where: { id: In(unique), organizationId: actor.organizationId } as FindOptionsWhere<T> });
}

/**
 * Like `findAllOwned`, for ids a request body names: one missing (or foreign) id is a 400 with
 * `code`, listing each, worded the same whether the record is missing or another organisation's.
 */
export async function requireAllOwned<T extends ObjectLiteral & OrganizationOwned>(
  repository: Repository<T>,
  actor: Pick<Actor, 'organizationId'>,
  ids: string[],
  refusal: { code: ErrorCode; what: string; field: string },
): Promise<T[]> {
  const found = await findAllOwned(repository, actor, ids);
  const missing = [...new Set(ids)].filter((id) => !found.some((record) => record.id === id));
  if (missing.length) {
    throw AppError.badRequest(
      refusal.code,
      `以下${refusal.what}不存在：${missing.join('、')}`,
      missing.map((id) => ({ field: refusal.field, message: `${refusal.what} ${id} 不存在`, id })),
    );
  }
  return found;
}
