import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { CorrectTalkDto, LogTalkDto, RequestCorrectionDto } from './dto/log-talk.dto';
import { RequiredTalkView, TalkMatrixView, TalkMetadataView, TalkView } from './talk.views';
import { TalksService } from './talks.service';
import { ReachableBySupervisors } from '../common/supervised-units';

@ApiTags('talks')
@ApiBearerAuth()
@Controller('api/v1')
export class TalksController {
  constructor(private readonly talks: TalksService) {}

  /** The required pairs (必谈) under the meeting's rules, each with its status. */
  @Get('meetings/:id/talks/required')
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor, Role.Leader)
  required(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<RequiredTalkView[]> {
    return this.talks.requiredTalks(actor, meetingId);
  }

  /** Members × counterparts, for drawing who still owes which talk; overdue once `talksUntil` has passed. */
  @Get('meetings/:id/talks/matrix')
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor, Role.Leader)
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOkResponse({ type: TalkMatrixView, description: 'TalkMatrixView: {meetingId, talksUntil, overdue, rows, columns, cells: [{row, column, rule, status, overdue}], totals}' })
  matrix(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<string> {
    // Sent as the JSON text it was serialised to once (see TalksService.matrixJson).
    return this.talks.matrixJson(actor, meetingId);
  }

  /** A team member records a talk they had, and the opinions raised in it. */
  @Post('meetings/:id/talks')
  @Roles(Role.Leader)
  log(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string, @Body() dto: LogTalkDto): Promise<TalkView> {
    return this.talks.logTalk(actor, meetingId, dto);
  }

  /** Who talked with whom, when, under which rule, how far: never the content. */
  @Get('meetings/:id/talks')
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor, Role.Leader)
  list(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<TalkMetadataView[]> {
    return this.talks.listTalks(actor, meetingId);
  }

  /** The record, for its participants and (if the meeting allows) the secretary; 404 for anyone else. */
  @Get('talks/:id')
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<TalkView> {
    return this.talks.getTalk(actor, id);
  }

  /** The counterpart confirms the record. */
  @Post('talks/:id/confirm')
  @HttpCode(200)
  confirm(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<TalkView> {
    return this.talks.confirm(actor, id);
  }

  /** The counterpart asks for a correction, saying what is wrong. */
  @Post('talks/:id/request-correction')
  @HttpCode(200)
  requestCorrection(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: RequestCorrectionDto): Promise<TalkView> {
    return this.talks.requestCorrection(actor, id, dto);
  }

  /** The recorder corrects the record; it waits for the counterpart's confirmation again. */
  @Patch('talks/:id')
  correct(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: CorrectTalkDto): Promise<TalkView> {
    return this.talks.correct(actor, id, dto);
  }
}
