import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../common/actor';
import { Role } from '../common/roles';
import { ReachedRecord, SupervisedUnits } from '../common/supervised-units';
import { ItemsService } from '../items/items.service';
import { Meeting } from '../meetings/meeting.entity';
import { SupervisionService } from './supervision.service';

/**
 * The one rule of tenancy across units: a parent body's supervisor reaches a record of another
 * organisation only on a route marked ReachableBySupervisors, and only when their 督导组
 * supervises that organisation; there they act as the unit's own 督导组 would (its organisation,
 * the supervisor role alone), so every service's own checks apply unchanged. Anything else stays
 * the actor's own, and answers 404 as it always has.
 */
@Injectable()
export class SupervisionReach extends SupervisedUnits {
  constructor(
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    private readonly items: ItemsService,
    private readonly supervision: SupervisionService,
  ) {
    super();
  }

  async actorIn(actor: Actor, record: ReachedRecord, id: string): Promise<Actor | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const organizationId = record === 'meeting'
      ? (await this.meetings.findOne({ select: { organizationId: true }, where: { id } }))?.organizationId
      : await this.items.organizationOf(id);
    if (!organizationId || organizationId === actor.organizationId) return null;
    if (!(await this.supervision.supervisedUnitIds(actor)).has(organizationId)) return null;
    return { userId: actor.userId, organizationId, username: actor.username, roles: [Role.Supervisor], supervisingFrom: actor.organizationId };
  }

  groupNamesIn(organizationId: string, userIds: readonly string[]): Promise<Map<string, string>> {
    return this.supervision.groupNamesIn(organizationId, userIds);
  }
}
