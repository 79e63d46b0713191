import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { Clock } from '../common/clock';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { ReleaseTimes } from '../opinions/release-times';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { Viewer } from '../web/workbench';
import { MaterialDraftsService } from '../materials/material-drafts.service';
import { ProgressService } from './progress.service';
import { BoardPage, renderBoard, renderBoardFragment } from './views/board-page';
import { ReachableBySupervisors } from '../common/supervised-units';

/** The refresh script asks for the figures only (`?fragment=1`). */
const fromScript = (request: FastifyRequest) => (request.query as { fragment?: string }).fragment === '1';

/**
 * 筹备进度看板 (`/meetings/:id/board`): the progress view as a page for organisers and the 督导组,
 * signed in with the page cookie. `?fragment=1` answers only the figures, for the page's
 * once-a-minute refresh; signed out, that answer is a 401 rather than a redirect, so the script
 * can tell and stop.
 */
@ApiExcludeController()
@Controller('meetings/:id/board')
export class BoardController {
  constructor(
    private readonly progress: ProgressService,
    private readonly clock: Clock,
    private readonly releaseTimes: ReleaseTimes,
    private readonly drafts: MaterialDraftsService,
  ) {}

  @Get()
  @ReachableBySupervisors()
  @SignedInPage({ roles: [Role.Organiser, Role.Supervisor], forbidden: '进度看板供组织者和督导组使用', fromScript })
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async board(@Param('id', IdPipe) meetingId: string, @Query('fragment') fragment: string | undefined, @CurrentViewer() viewer: Viewer): Promise<string> {
    const view = await this.pageOf(viewer, meetingId);
    return fragment === '1' ? renderBoardFragment(view).toString() : renderBoard(view);
  }

  private async pageOf(viewer: Viewer, meetingId: string): Promise<BoardPage> {
    // The meeting is read first: another organisation's (or an unknown one) is a 404 before anything is counted.
    const { meeting, progress, matrix } = await this.progress.board(viewer.actor, meetingId);
    const coverage = await this.drafts.coverageByMember(meeting, progress.members.map((member) => member.userId));
    return {
      coverage,
      viewer,
      meeting: { id: meeting.id, title: meeting.title, kind: meeting.kind, aspects: meeting.aspects },
      progress,
      matrix,
      today: this.clock.today(),
      readAt: this.clock.timeOfDay(),
      releaseHours: this.releaseTimes.describeHours(),
    };
  }
}
