import { Role } from '../../src/common/roles';
import { OrganizationsService } from '../../src/organizations/organizations.service';
import { TestApp } from '../setup/test-app';
import { unique } from '../setup/test-env';

export const PASSWORD = 'correct-horse-9';

export interface TestUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  token: string;
  /** `Authorization` header for this user. */
  auth: { authorization: string };
}

export interface TestOrg {
  id: string;
  name: string;
  /** The bootstrap account: admin + organiser. */
  admin: TestUser;
  user(roles: Role[], extra?: { displayName?: string; departmentId?: string }): Promise<TestUser>;
  department(kind?: 'department' | 'branch'): Promise<{ id: string; name: string }>;
}

export async function login(t: TestApp, username: string, password = PASSWORD): Promise<string> {
  const response = await t.http.post('/api/v1/auth/login').send({ username, password });
  if (response.status !== 200) throw new Error(`login of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken as string;
}

const asUser = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * A fresh organisation (bootstrapped as the CLI does), with builders for its people and
 * departments; with `parent`, a unit of that body (cli bootstrap --parent).
 */
export async function createOrg(t: TestApp, options: { parent?: { id: string } } = {}): Promise<TestOrg> {
  const name = unique('单位-');
  const adminName = unique('admin');
  const { organization, admin } = await t.app.get(OrganizationsService).bootstrapOrganization(name, adminName, PASSWORD, undefined, options.parent?.id ?? null);
  t.organizations.add(organization.id);
  const adminToken = await login(t, adminName, PASSWORD);
  const adminUser: TestUser = { id: admin.id, username: adminName, displayName: admin.displayName, roles: admin.roles, token: adminToken, auth: asUser(adminToken) };

  return {
    id: organization.id,
    name,
    admin: adminUser,
    async user(roles, extra = {}) {
      const username = unique(roles[0] ?? 'user');
      const displayName = extra.displayName ?? `测试${username.slice(-4)}`;
      const response = await t.http
        .post('/api/v1/users')
        .set(adminUser.auth)
        .send({ username, displayName, password: PASSWORD, roles, ...(extra.departmentId ? { departmentId: extra.departmentId } : {}) });
      if (response.status !== 201) throw new Error(`creating ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
      const token = await login(t, username);
      return { id: response.body.id, username, displayName, roles, token, auth: asUser(token) };
    },
    async department(kind = 'department') {
      const response = await t.http.post('/api/v1/departments').set(adminUser.auth).send({ name: unique('部门-'), kind });
      if (response.status !== 201) throw new Error(`creating a department failed: ${response.status} ${JSON.stringify(response.body)}`);
      return { id: response.body.id, name: response.body.name };
    },
  };
}
