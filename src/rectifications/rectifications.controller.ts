import { Body, Controller, Get, HttpCode, Param, Patch, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { asAttachment } from '../common/attachment';
import { Role } from '../common/roles';
import { CloseRectificationDto, CreateRectificationDto, ReportRectificationDto, ReturnRectificationDto, UpdateRectificationDto } from './dto/rectification.dto';
import { EVIDENCE_CONTENT_TYPES } from './evidence-files';
import { CarryOverView, FromClaimsView, OwnRectificationView, RectificationView } from './rectification.views';
import { RectificationsService } from './rectifications.service';
import { ReachableBySupervisors } from '../common/supervised-units';

/** The errors' one shape (see core/http.ts), for the answers documented one by one. */
const ERROR = { $ref: '#/components/schemas/Error' };

@ApiTags('rectification')
@ApiBearerAuth()
@Controller('api/v1')
export class RectificationsController {
  constructor(private readonly rectifications: RectificationsService) {}

  /** The meeting's 整改台账: organisers, the 督导组 and the meeting's team read it. */
  @Get('meetings/:id/rectifications')
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor, Role.Leader)
  list(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<RectificationView[]> {
    return this.rectifications.listEntries(actor, meetingId);
  }

  /** 上一年度整改落实情况: the previous meeting's ledger in numbers, what remains and why, and the report's paragraph. */
  @Get('meetings/:id/carry-over')
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor, Role.Leader)
  carryOver(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<CarryOverView> {
    return this.rectifications.carryOver(actor, meetingId);
  }

  /** 我的整改: the entries the signed-in team member answers for, in every meeting. */
  @Get('me/rectifications')
  @Roles(Role.Leader)
  mine(@CurrentActor() actor: Actor): Promise<OwnRectificationView[]> {
    return this.rectifications.entriesOwnedBy(actor);
  }

  /** An entry the organiser types; `itemId` ties it to an item of the list (one entry per item). */
  @Post('meetings/:id/rectifications')
  @Roles(Role.Organiser)
  @ApiCreatedResponse({ type: RectificationView, description: '新建的整改事项' })
  @ApiResponse({ status: '4XX', description: '请求有误：见 code 与 message（UNKNOWN_USER 责任人不是班子成员，UNKNOWN_ITEM 没有这条意见）', schema: ERROR })
  @ApiConflictResponse({ description: 'RECTIFICATION_EXISTS: 这条意见已经列入整改台账', schema: ERROR })
  create(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string, @Body() dto: CreateRectificationDto): Promise<RectificationView> {
    return this.rectifications.createEntry(actor, meetingId, dto);
  }

  /** Turns every answered lead claim of a published item into an entry; a second run creates none. */
  @Post('meetings/:id/rectifications/from-claims')
  @HttpCode(200)
  @Roles(Role.Organiser)
  fromClaims(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<FromClaimsView> {
    return this.rectifications.entriesFromClaims(actor, meetingId);
  }

  /** The organiser corrects an entry not yet closed (problem, measures, owner, due date); the history says what changed. */
  @Patch('rectifications/:id')
  @Roles(Role.Organiser)
  @ApiOkResponse({ type: RectificationView, description: '修改后的整改事项' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: 没有这条整改事项', schema: ERROR })
  @ApiConflictResponse({ description: 'ILLEGAL_TRANSITION: 已销号或已转入下一次会议的整改事项不能修改', schema: ERROR })
  @ApiResponse({ status: '4XX', description: '请求有误：见 code 与 message（UNKNOWN_USER 责任人不是班子成员）', schema: ERROR })
  update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: UpdateRectificationDto): Promise<RectificationView> {
    return this.rectifications.updateEntry(actor, id, dto);
  }

  /** A report's evidence file (整改佐证材料), for whoever may read the entry (410 FILE_GONE when it is no longer on the server). */
  @Get('rectifications/:id/evidence/:eventId')
  @Roles(Role.Organiser, Role.Supervisor, Role.Leader)
  @ApiProduces(...Object.values(EVIDENCE_CONTENT_TYPES))
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async evidence(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Param('eventId', IdPipe) eventId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return asAttachment(reply, await this.rectifications.evidenceFile(actor, id, eventId));
  }

  /** The owner (责任人) reports the entry done, with evidence: 201 the entry, now `reported`. */
  @Post('rectifications/:id/reports')
  @Roles(Role.Leader)
  @ApiCreatedResponse({ type: RectificationView, description: '报告后的整改事项（reported）' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: 只有责任人可以报告整改完成', schema: ERROR })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: 没有这条整改事项', schema: ERROR })
  @ApiConflictResponse({ description: 'ILLEGAL_TRANSITION: 这条整改已报告或已销号', schema: ERROR })
  @ApiResponse({ status: '4XX', description: '请求有误：见 code 与 message', schema: ERROR })
  report(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: ReportRectificationDto): Promise<RectificationView> {
    return this.rectifications.reportEntry(actor, id, dto);
  }

  /** 销号: the organiser or the meeting's secretary approves a reported entry; its owner may not (403 OWN_ENTRY). */
  @Post('rectifications/:id/close')
  @HttpCode(200)
  @Roles(Role.Organiser, Role.Leader)
  @ApiOkResponse({ type: RectificationView, description: '销号后的整改事项（closed）' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN 或 OWN_ENTRY: 只有组织者或主要负责同志可以销号，责任人不能给自己销号', schema: ERROR })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: 没有这条整改事项', schema: ERROR })
  @ApiConflictResponse({ description: 'ILLEGAL_TRANSITION: 只有已报告完成的整改可以销号', schema: ERROR })
  @ApiResponse({ status: '4XX', description: '请求有误：见 code 与 message', schema: ERROR })
  close(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: CloseRectificationDto): Promise<RectificationView> {
    return this.rectifications.closeEntry(actor, id, dto);
  }

  /** Sends a reported entry back to its owner with a reason (same people as 销号): `open` again. */
  @Post('rectifications/:id/return')
  @HttpCode(200)
  @Roles(Role.Organiser, Role.Leader)
  @ApiOkResponse({ type: RectificationView, description: '退回后的整改事项（open）' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN 或 OWN_ENTRY: 只有组织者或主要负责同志可以退回，责任人不能退回自己的', schema: ERROR })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: 没有这条整改事项', schema: ERROR })
  @ApiConflictResponse({ description: 'ILLEGAL_TRANSITION: 只有已报告完成的整改可以退回', schema: ERROR })
  @ApiResponse({ status: '4XX', description: '请求有误：见 code 与 message', schema: ERROR })
  returnEntry(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: ReturnRectificationDto): Promise<RectificationView> {
    return this.rectifications.returnEntry(actor, id, dto);
  }
}
