import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { AppError } from '../common/app-error';
import { IdPipe } from '../common/id.pipe';
import { ALL_ROLES, Role } from '../common/roles';
import { validateInput } from '../common/validation';
import { CreateDepartmentDto, UpdateDepartmentDto } from '../organizations/dto/create-department.dto';
import { OrganizationsService } from '../organizations/organizations.service';
import { CreateUserDto } from '../users/dto/create-user.dto';
import { UpdateUserDto } from '../users/dto/update-user.dto';
import { UsersService } from '../users/users.service';
import { formFields, formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { Viewer } from '../web/workbench';
import { newPassword } from './people-list';
import { PeoplePage, renderPeople } from './views/people-page';

export const ForPeopleKeepers = () => SignedInPage({ roles: [Role.Organiser, Role.Admin], forbidden: '人员与账号页面供组织者和管理员使用' });

const NOTICES: Record<string, string> = { department: '部门已添加。', saved: '已保存。', deactivated: '账号已停用，其登录已失效。', activated: '账号已启用。' };

/** Field names in the DTOs' messages, as the forms call them. */
const FIELD_WORDS: Array<[RegExp, string]> = [
  [/\bdisplayName\b/g, '姓名'],
  [/\busername\b/g, '用户名'],
  [/\bpassword\b/g, '密码'],
  [/\broles\b/g, '角色'],
  [/\bname\b/g, '名称'],
];

/**
 * 人员与账号 (`/people`): departments (add, rename, set the head) and accounts (create, reset the
 * password, deactivate or reactivate). A password set here is shown once, on the answer to the
 * form itself, never in an address.
 */
@ApiExcludeController()
@Controller('people')
export class PeoplePagesController {
  constructor(
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Get()
  @ForPeopleKeepers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async people(@CurrentViewer() viewer: Viewer, @Query('done') done?: string): Promise<string> {
    return this.page(viewer, { notice: done ? NOTICES[done] : undefined });
  }

  @Post('departments')
  @HttpCode(200)
  @ForPeopleKeepers()
  @Header('content-type', HTML_CONTENT_TYPE)
  async addDepartment(@Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | void> {
    return this.refusedAs(viewer, reply, 'department', form, async () => {
      const dto = await validateInput(CreateDepartmentDto, { name: (formText(form, 'name') ?? '').trim(), kind: formText(form, 'kind') ?? 'department' });
      await this.organizations.createDepartment(viewer.actor, dto);
      reply.status(303).redirect('/people?done=department#departments');
    });
  }

  @Post('departments/:id')
  @HttpCode(200)
  @ForPeopleKeepers()
  @Header('content-type', HTML_CONTENT_TYPE)
  async saveDepartment(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | void> {
    return this.refusedAs(viewer, reply, `department-${id}`, undefined, async () => {
      const head = formText(form, 'headUserId');
      const dto = await validateInput(UpdateDepartmentDto, { name: (formText(form, 'name') ?? '').trim(), ...(head !== undefined ? { headUserId: head || null } : {}) });
      await this.organizations.updateDepartment(viewer.actor, id, dto);
      reply.status(303).redirect(`/people?done=saved#department-${id}`);
    });
  }

  /** A new account; its password (typed, or made here) is shown once on the answer. */
  @Post('accounts')
  @HttpCode(200)
  @ForPeopleKeepers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async addAccount(@Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | void> {
    return this.refusedAs(viewer, reply, 'account', form, async () => {
      const password = formText(form, 'password') || newPassword(randomBytes);
      const departmentId = formText(form, 'departmentId');
      const dto = await validateInput(CreateUserDto, {
        username: (formText(form, 'username') ?? '').trim(),
        displayName: (formText(form, 'displayName') ?? '').trim(),
        password,
        roles: listOf(formFields(form).roles),
        ...(departmentId ? { departmentId } : {}),
      });
      const user = await this.users.createUser(viewer.actor, dto);
      return this.page(viewer, { notice: `已新建账号：${user.displayName}。`, password: { username: user.username, name: user.displayName, password } });
    });
  }

  /**
   * Name, department and roles. A role the viewer may not grant (admin, for an organiser) is kept
   * as the account has it: the form does not offer it, so it cannot be taken away here either.
   */
  @Post('accounts/:id')
  @HttpCode(200)
  @ForPeopleKeepers()
  @Header('content-type', HTML_CONTENT_TYPE)
  async saveAccount(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | void> {
    return this.refusedAs(viewer, reply, `account-${id}`, undefined, async () => {
      const account = await this.users.getUser(viewer.actor, id);
      const grantable = grantableBy(viewer);
      const kept = account.roles.filter((role) => !grantable.includes(role));
      const departmentId = formText(form, 'departmentId');
      const dto = await validateInput(UpdateUserDto, {
        displayName: (formText(form, 'displayName') ?? '').trim(),
        roles: [...new Set([...kept, ...listOf(formFields(form).roles)])],
        departmentId: departmentId || null,
      });
      await this.users.updateUser(viewer.actor, id, dto);
      reply.status(303).redirect(`/people?done=saved#account-${id}`);
    });
  }

  @Post('accounts/:id/password')
  @HttpCode(200)
  @ForPeopleKeepers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async resetPassword(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | void> {
    return this.refusedAs(viewer, reply, `account-${id}`, undefined, async () => {
      const password = formText(form, 'password') || newPassword(randomBytes);
      const user = await this.users.updateUser(viewer.actor, id, await validateInput(UpdateUserDto, { password }));
      return this.page(viewer, { notice: '密码已重置，此前的登录均已失效。', password: { username: user.username, name: user.displayName, password } });
    });
  }

  @Post('accounts/:id/active')
  @HttpCode(200)
  @ForPeopleKeepers()
  @Header('content-type', HTML_CONTENT_TYPE)
  async setActive(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | void> {
    return this.refusedAs(viewer, reply, `account-${id}`, undefined, async () => {
      const active = formText(form, 'active') === 'true';
      await this.users.updateUser(viewer.actor, id, await validateInput(UpdateUserDto, { active }));
      reply.status(303).redirect(`/people?done=${active ? 'activated' : 'deactivated'}#account-${id}`);
    });
  }

  /** Runs a form's work; a refusal comes back as the page with the message beside that form and what was typed. */
  private async refusedAs(viewer: Viewer, reply: FastifyReply, where: string, form: unknown, work: () => Promise<string | void>): Promise<string | void> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      reply.status(error.status);
      const typed = Object.fromEntries(Object.entries(formFields(form)).filter(([name]) => name !== 'password')) as PeoplePage['values'];
      return this.page(viewer, { problem: { form: where, message: inWords(error) }, values: typed });
    }
  }

  private async page(viewer: Viewer, extra: Pick<PeoplePage, 'notice' | 'password' | 'problem' | 'values'>): Promise<string> {
    const [users, departments, standing] = await Promise.all([this.users.listUsers(viewer.actor), this.organizations.listDepartments(viewer.actor), this.organizations.standing(viewer.actor)]);
    const departmentName = new Map(departments.map((department) => [department.id, department.name]));
    return renderPeople(viewer, {
      organization: standing,
      departments: departments.map((department) => ({ ...department, people: users.filter((user) => user.active && user.departmentId === department.id).length })),
      accounts: users.map((user) => ({ id: user.id, username: user.username, name: user.displayName, roles: user.roles, departmentId: user.departmentId, department: user.departmentId ? departmentName.get(user.departmentId) ?? null : null, active: user.active })),
      grantable: grantableBy(viewer),
      ...extra,
    });
  }
}

/** The roles a viewer may hand out: only an admin grants admin. */
function grantableBy(viewer: Viewer): Role[] {
  return ALL_ROLES.filter((role) => role !== Role.Admin || viewer.roles.includes(Role.Admin));
}

function inWords(error: AppError): string {
  return FIELD_WORDS.reduce((message, [field, words]) => message.replace(field, words), pageMessage(error));
}

/** A repeated field (ticked checkboxes) as a list: one value arrives as a string. */
export function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === 'string' && entry !== '');
  return typeof value === 'string' && value !== '' ? [value] : [];
}
