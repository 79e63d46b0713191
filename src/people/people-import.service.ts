import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor } from '../common/actor';
import { Role } from '../common/roles';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import { ImportRole, newPassword } from './people-list';

/** One person of a confirmed list, as the preview carried them. */
export interface ImportRow {
  name: string;
  department: string;
  title: string;
  username: string;
  role: ImportRole;
}

/** What the import created: each account with its password, shown once. */
export interface ImportResult {
  departments: string[];
  accounts: Array<{ name: string; department: string; username: string; password: string; role: ImportRole }>;
}

const ROLES_OF: Record<Exclude<ImportRole, 'none'>, Role[]> = { leader: [Role.Leader], head: [Role.Staff], staff: [Role.Staff] };

/**
 * Creates a confirmed list of people: the departments it names that do not exist yet and an
 * account for each person, in one transaction (a refused account undoes the whole list); then
 * each 部门负责人 becomes their department's head where it has none.
 */
@Injectable()
export class PeopleImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  async importPeople(actor: Actor, rows: ImportRow[]): Promise<ImportResult> {
    const existing = await this.organizations.listDepartments(actor);
    const { departmentIds, created, accounts } = await this.dataSource.transaction(async (manager) => {
      const departmentIds = new Map(existing.map((department) => [department.name, department.id]));
      const created: string[] = [];
      for (const name of new Set(rows.map((row) => row.department).filter(Boolean))) {
        if (departmentIds.has(name)) continue;
        departmentIds.set(name, (await this.organizations.createDepartment(actor, { name, kind: 'department' }, manager)).id);
        created.push(name);
      }
      const accounts: Array<ImportResult['accounts'][number] & { userId: string }> = [];
      for (const row of rows) {
        if (row.role === 'none') continue;
        const password = newPassword(randomBytes);
        const departmentId = row.department ? departmentIds.get(row.department) : undefined;
        const user = await this.users.createUser(actor, { username: row.username, displayName: row.name, password, roles: ROLES_OF[row.role], ...(departmentId ? { departmentId } : {}) }, manager);
        accounts.push({ name: row.name, department: row.department, username: row.username, password, role: row.role, userId: user.id });
      }
      return { departmentIds, created, accounts };
    });
    const headless = new Set(existing.filter((department) => !department.headUserId).map((department) => department.name).concat(created));
    for (const account of accounts) {
      if (account.role !== 'head' || !headless.has(account.department)) continue;
      headless.delete(account.department);
      await this.organizations.updateDepartment(actor, departmentIds.get(account.department)!, { headUserId: account.userId });
    }
    return { departments: created, accounts: accounts.map(({ userId: _userId, ...account }) => account) };
  }
}
