import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { Actor, hasRole } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { ShortLivedCache } from '../common/short-lived-cache';
import { ChangeBus } from '../core/change-bus';
import { newId } from '../common/ids';
import { Role } from '../common/roles';
import { findAllOwned, findOwned, ownedBy, requireAllOwned } from '../common/tenancy';
import { Department } from '../organizations/department.entity';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { User } from './user.entity';

/** How long an account read for a request is trusted by later requests, in a lone process (see findActive). */
const ACCOUNT_TTL_MS = 2_000;

@Injectable()
export class UsersService {
  private readonly activeAccounts = new ShortLivedCache<string, User | null>(ACCOUNT_TTL_MS, 10_000);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly bus: ChangeBus,
  ) {}

  /**
   * The account behind a token, if it still exists and is active: every authenticated request
   * asks, and a deactivation or a change of roles must apply at once. Alone (embedded mode) the
   * process remembers it for ACCOUNT_TTL_MS and forgets it when it changes it. Beside other
   * processes (Redis configured) it reads through: a message from another process arrives a
   * moment after that process answered, and "at once" admits no moment.
   */
  findActive(id: string): Promise<User | null> {
    // Read through in every process beside others, so a password change or a deactivation made by
    // one api process ends the account's sessions in all of them at once; alone, the process forgets
    // the account when it changes it (updateUser).
    const read = () => this.users.findOne({ where: { id, active: true } });
    return this.bus.crossProcess ? read() : this.activeAccounts.get(id, read);
  }

  findByUsername(username: string): Promise<User | null> {
    return this.users.findOne({ where: { username } });
  }

  listUsers(actor: Actor): Promise<User[]> {
    return this.users.find({ where: ownedBy<User>(actor), order: { username: 'ASC' } });
  }

  getUser(actor: Actor, id: string): Promise<User> {
    return findOwned(this.users, actor, id, '用户');
  }

  /** Users of the actor's organisation with these ids; one missing (or foreign) id is a 400. */
  requireUsers(actor: Actor, ids: string[]): Promise<User[]> {
    return requireAllOwned(this.users, actor, ids, { code: ErrorCode.UnknownUser, what: '用户', field: 'userId' });
  }

  /** The users among these ids that belong to the actor's organisation. */
  findUsers(actor: Pick<Actor, 'organizationId'>, ids: string[]): Promise<User[]> {
    return findAllOwned(this.users, actor, ids);
  }

  /** Active people of these party branches, for the optional 所在支部 talk rule. */
  findByBranches(actor: Pick<Actor, 'organizationId'>, branchIds: string[]): Promise<User[]> {
    if (branchIds.length === 0) return Promise.resolve([]);
    return this.users.find({ where: { organizationId: actor.organizationId, branchId: In(branchIds), active: true } });
  }

  async createUser(actor: Actor, dto: CreateUserDto, manager?: EntityManager): Promise<User> {
    this.assertMayGrant(actor, dto.roles);
    // Inside a transaction the department may be one it has just created: asked through its manager.
    if (dto.departmentId) await this.requireDepartment(actor, dto.departmentId, undefined, manager);
    if (dto.branchId) await this.requireDepartment(actor, dto.branchId, 'branch', manager);
    const repository = manager?.getRepository(User) ?? this.users;
    if (await repository.exists({ where: { username: dto.username } })) {
      throw AppError.conflict(ErrorCode.UsernameTaken, `用户名 ${dto.username} 已被使用`);
    }
    const user = repository.create({
      id: newId(),
      organizationId: actor.organizationId,
      username: dto.username,
      displayName: dto.displayName,
      passwordHash: await this.hasher.hash(dto.password),
      roles: [...new Set(dto.roles)],
      departmentId: dto.departmentId ?? null,
      branchId: dto.branchId ?? null,
      active: true,
      createdAt: this.clock.now(),
    });
    await repository.insert(user);
    return user;
  }

  async updateUser(actor: Actor, id: string, dto: UpdateUserDto): Promise<User> {
    const user = await this.getUser(actor, id);
    if (dto.roles) {
      // Only what is added is granted: an organiser may save an admin's account as it is.
      this.assertMayGrant(actor, dto.roles.filter((role) => !user.roles.includes(role)));
      if (user.roles.includes(Role.Admin) && !dto.roles.includes(Role.Admin) && !hasRole(actor, Role.Admin)) throw AppError.forbidden('只有管理员可以撤销管理员角色');
      if (user.id === actor.userId && !dto.roles.includes(Role.Admin) && user.roles.includes(Role.Admin)) {
        throw AppError.badRequest(ErrorCode.ValidationFailed, '不能撤销自己的管理员角色');
      }
      user.roles = [...new Set(dto.roles)];
    }
    if (dto.departmentId !== undefined) {
      if (dto.departmentId) await this.requireDepartment(actor, dto.departmentId);
      user.departmentId = dto.departmentId;
    }
    if (dto.branchId !== undefined) {
      if (dto.branchId) await this.requireDepartment(actor, dto.branchId, 'branch');
      user.branchId = dto.branchId;
    }
    if (dto.displayName !== undefined) user.displayName = dto.displayName;
    // A new password or a deactivation ends every session the account has (tokens and page
    // sessions alike): a token issued under an older tokenVersion is refused (see AuthService).
    let endsSessions = false;
    if (dto.password !== undefined) {
      user.passwordHash = await this.hasher.hash(dto.password);
      endsSessions = true;
    }
    if (dto.active !== undefined) {
      if (user.id === actor.userId && !dto.active) throw AppError.badRequest(ErrorCode.ValidationFailed, '不能停用自己的账号');
      if (user.active && !dto.active) endsSessions = true;
      user.active = dto.active;
    }
    if (endsSessions) user.tokenVersion = (user.tokenVersion ?? 0) + 1;
    await this.users.save(user);
    this.activeAccounts.forget(user.id);
    return user;
  }

  /**
   * The account's own new password, given its current one (else WRONG_PASSWORD). Every session it
   * had ends, as with a reset (the caller starts a new one).
   */
  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<User> {
    const user = await this.getUser(actor, actor.userId);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw AppError.badRequest(ErrorCode.WrongPassword, '当前密码不正确', [{ field: 'currentPassword', message: '当前密码不正确' }]);
    }
    if (currentPassword === newPassword) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '新密码不能与当前密码相同', [{ field: 'newPassword', message: '新密码不能与当前密码相同' }]);
    }
    user.passwordHash = await this.hasher.hash(newPassword);
    user.tokenVersion = (user.tokenVersion ?? 0) + 1;
    await this.users.save(user);
    this.activeAccounts.forget(user.id);
    return user;
  }

  /** Only an admin hands out the admin role. */
  private assertMayGrant(actor: Actor, roles: Role[]): void {
    if (roles.includes(Role.Admin) && !hasRole(actor, Role.Admin)) throw AppError.forbidden('只有管理员可以授予管理员角色');
  }

  private async requireDepartment(actor: Actor, departmentId: string, kind?: 'branch', manager?: EntityManager): Promise<void> {
    const where = { id: departmentId, organizationId: actor.organizationId, ...(kind ? { kind } : {}) };
    if (!(await (manager?.getRepository(Department) ?? this.departments).exists({ where }))) {
      const field = kind ? 'branchId' : 'departmentId';
      const what = kind ? '党支部' : '部门';
      throw AppError.badRequest(ErrorCode.UnknownDepartment, `${what} ${departmentId} 不存在`, [{ field, message: `${what}不存在` }]);
    }
  }
}
