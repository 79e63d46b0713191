import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { AppError } from '../common/app-error';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { validateInput } from '../common/validation';
import { UsersService } from '../users/users.service';
import { formFields, formText, pageMessage } from '../web/forms';
import { OnRefusal, RefusedRequest } from '../web/form-refusal';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { Viewer } from '../web/workbench';
import { CreateUnitDto, SupervisionGroupDto } from './dto/supervision-group.dto';
import { SupervisionOverview } from './supervision-overview';
import { SupervisionService } from './supervision.service';
import { renderGroups, renderOverview } from './views/supervision-pages';

const ForGroupKeepers = () => SignedInPage({ roles: [Role.Admin, Role.Organiser], forbidden: '督导组由本单位的管理员或组织者设置' });

const NOTICES: Record<string, string> = { unit: '已新建下属单位。请把管理员用户名和初始密码告知该单位。', group: '已新建督导组。', saved: '已保存。' };

/** 督导 pages: the units side by side for a 督导组 member; units and groups for the parent body. */
@ApiExcludeController()
@Controller('supervision')
export class SupervisionPagesController {
  constructor(
    private readonly supervision: SupervisionService,
    private readonly overview: SupervisionOverview,
    private readonly users: UsersService,
  ) {}

  @Get()
  @SignedInPage({ roles: [Role.Supervisor], forbidden: '本页面供督导组成员使用' })
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async units(@CurrentViewer() viewer: Viewer): Promise<string> {
    return renderOverview(viewer, await this.overview.meetingsOf(viewer.actor));
  }

  @Get('groups')
  @ForGroupKeepers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async groups(@CurrentViewer() viewer: Viewer, @Query('done') done?: string): Promise<string> {
    return this.groupsPage(viewer, { notice: done ? NOTICES[done] : null });
  }

  @Post('groups')
  @HttpCode(200)
  @ForGroupKeepers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, refused, pages: SupervisionPagesController) => pages.refusedAs('new', error, refused))
  async createGroup(@Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.supervision.createGroup(viewer.actor, await validateInput(SupervisionGroupDto, groupFields(form)));
    reply.status(303).redirect('/supervision/groups?done=group');
  }

  @Post('groups/:id')
  @HttpCode(200)
  @ForGroupKeepers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, refused, pages: SupervisionPagesController) => pages.refusedAs(refused.params.id, error, refused))
  async saveGroup(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.supervision.updateGroup(viewer.actor, id, await validateInput(SupervisionGroupDto, groupFields(form)));
    reply.status(303).redirect('/supervision/groups?done=saved');
  }

  @Post('units')
  @HttpCode(200)
  @SignedInPage({ roles: [Role.Admin], forbidden: '新建下属单位由管理员进行' })
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, refused, pages: SupervisionPagesController) => pages.refusedAs('unit', error, refused))
  async createUnit(@Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const dto = await validateInput(CreateUnitDto, { name: formText(form, 'name') ?? '', adminUsername: (formText(form, 'adminUsername') ?? '').trim(), adminPassword: formText(form, 'adminPassword') ?? '' });
    await this.supervision.createUnit(viewer.actor, dto);
    reply.status(303).redirect('/supervision/groups?done=unit');
  }

  /** The page again, the refused form open with what was typed (never the password) and what to do. */
  async refusedAs(form: string, error: AppError, refused: RefusedRequest): Promise<string | undefined> {
    if (!refused.viewer) return undefined;
    const { adminPassword: _password, ...fields } = formFields(refused.body);
    return this.groupsPage(refused.viewer, { error: pageMessage(error), refused: { form, fields } });
  }

  private async groupsPage(viewer: Viewer, extra: { notice?: string | null; error?: string | null; refused?: { form: string; fields: Record<string, unknown> } }): Promise<string> {
    const [units, groups, people] = await Promise.all([this.supervision.listUnits(viewer.actor), this.supervision.listGroups(viewer.actor), this.users.listUsers(viewer.actor)]);
    const supervisors = people.filter((user) => user.active && user.roles.includes(Role.Supervisor)).map((user) => ({ id: user.id, displayName: user.displayName }));
    return renderGroups(viewer, { units, groups, supervisors, mayCreateUnits: viewer.roles.includes(Role.Admin), ...extra });
  }
}

/** The group form's fields: a single ticked box arrives as a string, several as a list. */
function groupFields(form: unknown): object {
  const list = (name: string) => ([] as unknown[]).concat(formFields(form)[name] ?? []).filter((value): value is string => typeof value === 'string');
  return { name: formText(form, 'name') ?? '', memberUserIds: list('memberUserIds'), unitIds: list('unitIds') };
}
