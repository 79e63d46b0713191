import { Controller, Get, Header, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, hasRole } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { Public } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { AppConfig } from '../config/app-config';
import { PageSession } from '../leader-pages/page-session';
import { MeetingsService } from '../meetings/meetings.service';
import { TalksService } from '../talks/talks.service';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { ProgressService } from './progress.service';
import { BoardPage, boardPath, renderBoard, renderBoardFragment } from './views/board-page';

/**
 * 筹备进度看板 (`/meetings/:id/board`): the progress view as a page for organisers and the 督导组,
 * signed in with the page cookie. `?fragment=1` answers only the figures, for the page's
 * once-a-minute refresh; signed out, that answer is a 401 rather than a redirect, so the script
 * can tell and stop.
 */
@ApiExcludeController()
@Public()
@Controller('meetings/:id/board')
export class BoardController {
  private readonly timeFormat: Intl.DateTimeFormat;

  constructor(
    private readonly session: PageSession,
    private readonly meetings: MeetingsService,
    private readonly progress: ProgressService,
    private readonly talks: TalksService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: config.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }

  @Get()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async board(
    @Param('id', IdPipe) meetingId: string,
    @Query('fragment') fragment: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | void> {
    const actor = await this.session.actor(request);
    if (!actor) {
      if (fragment === '1') throw new AppError(ErrorCode.Unauthenticated, HttpStatus.UNAUTHORIZED, '登录已过期，请重新登录');
      return void reply.status(303).redirect(`/login?next=${encodeURIComponent(boardPath(meetingId))}`);
    }
    if (!hasRole(actor, Role.Organiser, Role.Supervisor)) throw AppError.forbidden('进度看板供组织者和督导组使用');
    const view = await this.pageOf(actor, meetingId);
    return fragment === '1' ? renderBoardFragment(view).toString() : renderBoard(view);
  }

  private async pageOf(actor: Actor, meetingId: string): Promise<BoardPage> {
    // First the meeting: another organisation's (or an unknown one) is a 404 before anything is counted.
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    const [progress, matrix] = await Promise.all([this.progress.progress(actor, meeting.id), this.talks.matrix(actor, meeting.id)]);
    return {
      meeting: { id: meeting.id, title: meeting.title, kind: meeting.kind, aspects: meeting.aspects },
      progress,
      matrix,
      today: this.clock.today(),
      readAt: this.timeFormat.format(this.clock.now()),
    };
  }
}
