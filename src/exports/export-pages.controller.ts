import { Controller, Get, Header, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { Clock } from '../common/clock';
import { IdPipe } from '../common/id.pipe';
import { asAttachment } from '../common/attachment';
import { Role } from '../common/roles';
import { MeetingsService } from '../meetings/meetings.service';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { Viewer } from '../web/workbench';
import { ExportsService } from './exports.service';
import { renderExport } from './views/export-page';

const ForOrganisers = () => SignedInPage({ roles: [Role.Organiser], forbidden: '导出文件供申请导出的组织者使用' });

/**
 * An export's page (where it stands, then its download link) and the download itself, with the
 * page session. Exports are asked for on the meeting's overview (src/meeting-setup).
 */
@ApiExcludeController()
@Controller('exports/:id')
export class ExportPagesController {
  constructor(
    private readonly exports: ExportsService,
    private readonly meetings: MeetingsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async exportPage(@Param('id', IdPipe) id: string, @CurrentViewer() viewer: Viewer): Promise<string> {
    const entry = await this.exports.entry(viewer.actor, id);
    const meeting = await this.meetings.getMeeting(viewer.actor, entry.meetingId);
    return renderExport(viewer, { meeting: { id: meeting.id, title: meeting.title }, entry, createdAt: this.clock.dayOf(entry.createdAt) });
  }

  /** The finished file, with the page's session (the API's `exports/:id/file` wants a bearer token). */
  @Get('download')
  @ForOrganisers()
  @Header('cache-control', 'no-store')
  async download(@Param('id', IdPipe) id: string, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return asAttachment(reply, await this.exports.file(viewer.actor, id));
  }
}
