import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Role } from '../common/roles';
import { findAllOwned, findOwned, ownedBy, requireAllOwned } from '../common/tenancy';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { Department } from './department.entity';
import { CreateDepartmentDto, UpdateDepartmentDto } from './dto/create-department.dto';
import { Organization } from './organization.entity';

export interface BootstrapResult {
  organization: Organization;
  admin: User;
  created: boolean;
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    private readonly users: UsersService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async getOwnOrganization(actor: Actor): Promise<Organization> {
    const organization = await this.organizations.findOne({ where: { id: actor.organizationId } });
    if (!organization) throw AppError.notFound('单位');
    return organization;
  }

  findByName(name: string): Promise<Organization | null> {
    return this.organizations.findOne({ where: { name } });
  }

  countOrganizations(): Promise<number> {
    return this.organizations.count();
  }

  /**
   * Creates an organisation and its first account (admin + organiser). Idempotent: the same
   * organisation and username again is a no-op; a username taken elsewhere is refused. With
   * `parentId` the organisation is a unit of that parent body (上级), set also on an existing one:
   * this is the operator's command (or the parent's own admin creating a unit), never a unit's.
   */
  async bootstrapOrganization(name: string, username: string, password: string, displayName = '系统管理员', parentId: string | null = null): Promise<BootstrapResult> {
    const existing = await this.findByName(name);
    const existingUser = await this.users.findByUsername(username);
    if (existing && existingUser?.organizationId === existing.id) {
      if (parentId && existing.parentId !== parentId) {
        if (parentId === existing.id) throw AppError.badRequest(ErrorCode.ValidationFailed, '单位不能是自己的上级');
        await this.organizations.update({ id: existing.id }, { parentId });
        return { organization: { ...existing, parentId }, admin: existingUser, created: false };
      }
      return { organization: existing, admin: existingUser, created: false };
    }
    if (existingUser) throw AppError.conflict(ErrorCode.UsernameTaken, `用户名 ${username} 已被使用`);
    return this.dataSource.transaction(async (manager) => {
      const organization: Organization = existing ?? { id: newId(), name, parentId, createdAt: this.clock.now() };
      if (!existing) await manager.getRepository(Organization).insert(organization);
      else if (parentId && existing.parentId !== parentId) await manager.getRepository(Organization).update({ id: existing.id }, { parentId });
      const founder = { userId: 'bootstrap', organizationId: organization.id, username: 'bootstrap', roles: [Role.Admin] };
      const admin = await this.users.createUser(founder, { username, password, displayName, roles: [Role.Admin, Role.Organiser] }, manager);
      return { organization: { ...organization, parentId: parentId ?? organization.parentId }, admin, created: true };
    });
  }

  /** The actor's own organisation by name, and its parent body's (上级单位) when it is a unit of one. */
  async standing(actor: Pick<Actor, 'organizationId'>): Promise<{ name: string; parentName: string | null }> {
    const own = await this.organizations.findOneOrFail({ where: { id: actor.organizationId } });
    const parent = own.parentId ? await this.organizations.findOne({ where: { id: own.parentId } }) : null;
    return { name: own.name, parentName: parent?.name ?? null };
  }

  /** The parent body's units (下属单位), by name. */
  units(actor: Pick<Actor, 'organizationId'>): Promise<Organization[]> {
    return this.organizations.find({ where: { parentId: actor.organizationId }, order: { name: 'ASC' } });
  }

  /** With `manager`, inside the caller's transaction (an imported list creates departments and people together). */
  async createDepartment(actor: Actor, dto: CreateDepartmentDto, manager?: EntityManager): Promise<Department> {
    const departments = manager?.getRepository(Department) ?? this.departments;
    if (await departments.exists({ where: { organizationId: actor.organizationId, name: dto.name } })) {
      throw AppError.conflict(ErrorCode.DepartmentExists, `部门“${dto.name}”已存在`);
    }
    const department: Department = { id: newId(), organizationId: actor.organizationId, name: dto.name, kind: dto.kind, headUserId: null, headName: null, createdAt: this.clock.now() };
    await this.setHead(actor, department, dto);
    await departments.insert(department);
    return department;
  }

  async updateDepartment(actor: Actor, id: string, dto: UpdateDepartmentDto): Promise<Department> {
    const department = await findOwned(this.departments, actor, id, '部门');
    if (dto.name !== undefined && dto.name !== department.name) {
      if (await this.departments.exists({ where: { organizationId: actor.organizationId, name: dto.name } })) {
        throw AppError.conflict(ErrorCode.DepartmentExists, `部门“${dto.name}”已存在`);
      }
      department.name = dto.name;
    }
    if (dto.kind !== undefined) department.kind = dto.kind;
    await this.setHead(actor, department, dto);
    await this.departments.save(department);
    return department;
  }

  /** The head: an account of this organisation (shown by its name unless another is given), or a name alone. */
  private async setHead(actor: Actor, department: Department, dto: Pick<CreateDepartmentDto, 'headUserId' | 'headName'>): Promise<void> {
    if (dto.headUserId !== undefined) department.headUserId = dto.headUserId;
    if (dto.headName !== undefined) department.headName = dto.headName?.trim() || null;
    if (dto.headUserId) {
      const [head] = await this.users.requireUsers(actor, [dto.headUserId]);
      if (dto.headName === undefined || !department.headName) department.headName = head.displayName;
    }
  }

  listDepartments(actor: Actor): Promise<Department[]> {
    return this.departments.find({ where: ownedBy<Department>(actor), order: { kind: 'ASC', name: 'ASC' } });
  }

  /** Departments of the actor's organisation with these ids; an unknown id is a 400. */
  requireDepartments(actor: Actor, ids: string[]): Promise<Department[]> {
    return requireAllOwned(this.departments, actor, ids, { code: ErrorCode.UnknownDepartment, what: '部门', field: 'departmentId' });
  }

  /** The departments among these ids that belong to the actor's organisation. */
  findDepartments(actor: Pick<Actor, 'organizationId'>, ids: string[]): Promise<Department[]> {
    return findAllOwned(this.departments, actor, ids);
  }
}
