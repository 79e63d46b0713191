import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Role } from '../common/roles';
import { ShortLivedCache } from '../common/short-lived-cache';
import { isUniqueViolation } from '../database/unique-violation';
import { Organization } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import { CreateUnitDto, SupervisionGroupDto } from './dto/supervision-group.dto';
import { SupervisionGroup } from './supervision-group.entity';
import { SupervisionGroupView, UnitView } from './supervision.views';

/**
 * How long a supervisor's units are remembered in a process: asked on every request a supervisor
 * makes of a unit. A change made in this process is seen at once; in another, within this.
 */
const UNITS_REMEMBERED_MS = 5_000;

/**
 * Units under a parent body (下属单位) and the parent's 督导组: who supervises which units. The
 * parent's admin creates its units; its admin or organiser forms the groups, from its own
 * supervisor accounts and its own units only.
 */
@Injectable()
export class SupervisionService {
  private readonly unitsOf = new ShortLivedCache<string, Array<{ id: string; name: string }>>(UNITS_REMEMBERED_MS);

  constructor(
    @InjectRepository(SupervisionGroup) private readonly groups: Repository<SupervisionGroup>,
    @InjectRepository(Organization) private readonly organizationRows: Repository<Organization>,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  /** The ids of the units the actor's 督导组 supervise (none for anyone not in one). */
  async supervisedUnitIds(actor: Pick<Actor, 'userId' | 'organizationId'>): Promise<Set<string>> {
    return new Set((await this.supervisedUnits(actor)).map((unit) => unit.id));
  }

  /** The units the actor's 督导组 supervise, by name: asked on every request a supervisor makes of a unit, so remembered briefly. */
  supervisedUnits(actor: Pick<Actor, 'userId' | 'organizationId'>): Promise<Array<{ id: string; name: string }>> {
    return this.unitsOf.get(`${actor.organizationId}:${actor.userId}`, async () => {
      const groups = await this.groups.find({ where: { organizationId: actor.organizationId } });
      const named = [...new Set(groups.filter((group) => group.memberUserIds.includes(actor.userId)).flatMap((group) => group.unitIds))];
      if (named.length === 0) return [];
      // Still units of this parent: a group's list is checked when saved, and this holds it to that.
      const units = await this.organizationRows.find({ select: { id: true, name: true }, where: { id: In(named), parentId: actor.organizationId } });
      return units.map((unit) => ({ id: unit.id, name: unit.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    });
  }

  /** By account, the name of the parent body's 督导组 over this unit that the account sits on (the first by name). */
  async groupNamesIn(organizationId: string, userIds: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    if (userIds.length === 0) return names;
    const unit = await this.organizationRows.findOne({ select: { id: true, parentId: true }, where: { id: organizationId } });
    if (!unit?.parentId) return names;
    const groups = (await this.groups.find({ where: { organizationId: unit.parentId } })).filter((group) => group.unitIds.includes(organizationId));
    groups.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    for (const userId of userIds) {
      const group = groups.find((candidate) => candidate.memberUserIds.includes(userId));
      if (group) names.set(userId, group.name);
    }
    return names;
  }

  async listUnits(actor: Actor): Promise<UnitView[]> {
    return (await this.organizations.units(actor)).map(unitView);
  }

  /**
   * A unit under the actor's organisation, with its first account. A name taken by any
   * organisation is refused: a parent never takes over a unit that exists (the operator links
   * those: cli bootstrap --parent).
   */
  async createUnit(actor: Actor, dto: CreateUnitDto): Promise<UnitView> {
    if (await this.organizations.findByName(dto.name)) throw AppError.conflict(ErrorCode.UnitExists, `单位“${dto.name}”已存在`);
    const { organization } = await this.organizations.bootstrapOrganization(dto.name, dto.adminUsername, dto.adminPassword, '系统管理员', actor.organizationId);
    return unitView(organization);
  }

  async listGroups(actor: Actor): Promise<SupervisionGroupView[]> {
    const groups = await this.groups.find({ where: { organizationId: actor.organizationId }, order: { name: 'ASC' } });
    return this.views(actor, groups);
  }

  async createGroup(actor: Actor, dto: SupervisionGroupDto): Promise<SupervisionGroupView> {
    await this.check(actor, dto);
    const group: SupervisionGroup = {
      id: newId(),
      organizationId: actor.organizationId,
      name: dto.name,
      memberUserIds: [...new Set(dto.memberUserIds)],
      unitIds: [...new Set(dto.unitIds)],
      createdAt: this.clock.now(),
    };
    await this.save(() => this.groups.insert(group), dto.name);
    return (await this.views(actor, [group]))[0];
  }

  async updateGroup(actor: Actor, id: string, dto: SupervisionGroupDto): Promise<SupervisionGroupView> {
    const group = await this.groups.findOne({ where: { id, organizationId: actor.organizationId } });
    if (!group) throw AppError.notFound('督导组');
    await this.check(actor, dto);
    const changes = { name: dto.name, memberUserIds: [...new Set(dto.memberUserIds)], unitIds: [...new Set(dto.unitIds)] };
    await this.save(() => this.groups.update({ id }, changes), dto.name);
    return (await this.views(actor, [{ ...group, ...changes }]))[0];
  }

  /** Members are supervisor accounts of the actor's organisation; units are its units. */
  private async check(actor: Actor, dto: SupervisionGroupDto): Promise<void> {
    const members = await this.users.requireUsers(actor, [...new Set(dto.memberUserIds)]);
    const notSupervisors = members.filter((user) => !user.roles.includes(Role.Supervisor) || !user.active);
    if (notSupervisors.length) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, `${notSupervisors.map((user) => user.displayName).join('、')} 不是可用的督导组账号：请先在“人员与账号”中授予督导组角色`, [{ field: 'memberUserIds', message: '须为本单位的督导组账号' }]);
    }
    const unitIds = [...new Set(dto.unitIds)];
    const units = unitIds.length ? await this.organizationRows.find({ select: { id: true }, where: { id: In(unitIds), parentId: actor.organizationId } }) : [];
    if (units.length !== unitIds.length) {
      throw AppError.badRequest(ErrorCode.UnknownUnit, '督导的单位须是本单位的下属单位', [{ field: 'unitIds', message: '含有不是下属单位的单位' }]);
    }
  }

  private async save(write: () => Promise<unknown>, name: string): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict(ErrorCode.GroupExists, `督导组“${name}”已存在`);
      throw error;
    }
    this.unitsOf.forgetWhere(() => true);
  }

  private async views(actor: Actor, groups: SupervisionGroup[]): Promise<SupervisionGroupView[]> {
    const [people, units] = await Promise.all([
      this.users.findUsers(actor, [...new Set(groups.flatMap((group) => group.memberUserIds))]),
      this.organizations.units(actor),
    ]);
    const name = new Map(people.map((user) => [user.id, user.displayName]));
    const unitName = new Map(units.map((unit) => [unit.id, unit.name]));
    return groups.map((group) => ({
      id: group.id,
      name: group.name,
      members: group.memberUserIds.filter((id) => name.has(id)).map((id) => ({ id, displayName: name.get(id)! })),
      units: group.unitIds.filter((id) => unitName.has(id)).map((id) => ({ id, name: unitName.get(id)! })),
    }));
  }
}

function unitView(organization: Organization): UnitView {
  return { id: organization.id, name: organization.name };
}
