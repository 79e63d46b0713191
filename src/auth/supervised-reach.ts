import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { Actor } from '../common/actor';
import { Role } from '../common/roles';
import { ReachedRecord, SUPERVISED_REACH, SupervisedUnits } from '../common/supervised-units';

/**
 * The supervisor acting in a unit their 督导组 supervises, for a route marked
 * ReachableBySupervisors naming a record of that unit; else null (the request stays the actor's own).
 */
export async function reachedActor(reflector: Reflector, supervised: SupervisedUnits, context: ExecutionContext, actor: Actor): Promise<Actor | null> {
  const record = reflector.get<ReachedRecord | undefined>(SUPERVISED_REACH, context.getHandler());
  if (!record || !actor.roles.includes(Role.Supervisor)) return null;
  const params = context.switchToHttp().getRequest<FastifyRequest<{ Params: Record<string, string | undefined> }>>().params ?? {};
  const id = params.meetingId ?? params.id;
  return id ? supervised.actorIn(actor, record, id) : null;
}
