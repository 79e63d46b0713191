import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { AppError } from '../common/app-error';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { validateInput } from '../common/validation';
import { AppConfig } from '../config/app-config';
import { MeetingsService } from '../meetings/meetings.service';
import { ReleaseTimes } from '../opinions/release-times';
import { formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { OnRefusal } from '../web/form-refusal';
import { Viewer } from '../web/workbench';
import { BoxesService, DEFAULT_RELEASE_THRESHOLD } from './boxes.service';
import { OpenBoxDto } from './dto/open-box.dto';
import { OpenBoxValues, renderBoxAdmin, renderCloseBoxConfirm } from './views/box-admin-page';
import { renderBoxPoster } from './views/box-poster';

const ForOrganisers = () => SignedInPage({ roles: [Role.Organiser], forbidden: '意见箱的管理页面供组织者使用' });

const NOTICES: Record<string, string> = { open: '意见箱已开启。请打印海报张贴，或把填写链接发给大家。', close: '意见箱已关闭。' };

/** The form's field names, as a person reads them in a refusal. */
const FIELD_WORDS: Record<string, string> = { title: '名称', accessCode: '访问码', releaseThreshold: '公开门槛', closesAt: '自动关闭时间' };

/**
 * The organiser's 意见箱 pages: the meeting's boxes and opening one (`/meetings/:id/boxes`),
 * closing one after a confirmation page, and the A4 poster (`/boxes/:id/poster`). Each action is
 * a form that posts and comes back (303), or, refused, the page again with what was typed.
 */
@ApiExcludeController()
@Controller()
export class BoxAdminPagesController {
  constructor(
    private readonly boxes: BoxesService,
    private readonly meetings: MeetingsService,
    private readonly releaseTimes: ReleaseTimes,
    private readonly config: AppConfig,
  ) {}

  @Get('meetings/:id/boxes')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async list(@Param('id', IdPipe) meetingId: string, @Query('done') done: string | undefined, @CurrentViewer() viewer: Viewer): Promise<string> {
    return this.listPage(viewer, meetingId, { notice: done ? NOTICES[done] : undefined });
  }

  @Post('meetings/:id/boxes')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, { body, params, viewer }, pages: BoxAdminPagesController) => pages.listPage(viewer!, params.id, { problem: inWords(error), values: openBoxValues(body) }))
  async open(@Param('id', IdPipe) meetingId: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.boxes.openBox(viewer.actor, meetingId, await validateInput(OpenBoxDto, this.openBoxInput(openBoxValues(form))));
    reply.status(303).redirect(`/meetings/${meetingId}/boxes?done=open`);
  }

  /** “确定要关闭…？”: a page of its own, since the pages run no inline script. */
  @Get('boxes/:id/close')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async confirmClose(@Param('id', IdPipe) id: string, @CurrentViewer() viewer: Viewer): Promise<string> {
    const box = await this.boxes.getBox(viewer.actor, id);
    const meeting = await this.meetings.getMeeting(viewer.actor, box.meetingId);
    return renderCloseBoxConfirm(viewer, { id: meeting.id, title: meeting.title }, box);
  }

  @Post('boxes/:id/close')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  async close(@Param('id', IdPipe) id: string, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const box = await this.boxes.closeBox(viewer.actor, id);
    reply.status(303).redirect(`/meetings/${box.meetingId}/boxes?done=close`);
  }

  @Get('boxes/:id/poster')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async poster(@Param('id', IdPipe) id: string, @CurrentViewer() viewer: Viewer): Promise<string> {
    const box = await this.boxes.getBox(viewer.actor, id);
    const [meeting, qrSvg] = await Promise.all([this.meetings.getMeeting(viewer.actor, box.meetingId), this.boxes.qrCode(viewer.actor, id, 'svg')]);
    return renderBoxPoster({
      boxId: box.id,
      meetingId: meeting.id,
      title: box.title,
      meetingTitle: meeting.title,
      url: box.url,
      receiptUrl: `${this.config.publicBaseUrl}/r`,
      qrSvg: String(qrSvg),
      accessCode: box.accessCode,
      releaseThreshold: box.releaseThreshold,
      releaseHours: this.releaseTimes.describeHours(),
      open: box.open,
      // As the start-up banner decides it: the address was not given, so it is this machine's.
      localAddress: !this.config.publicBaseUrlGiven,
    });
  }

  async listPage(viewer: Viewer, meetingId: string, extra: { notice?: string; problem?: string; values?: OpenBoxValues }): Promise<string> {
    const meeting = await this.meetings.getMeeting(viewer.actor, meetingId);
    const boxes = await this.boxes.listBoxes(viewer.actor, meeting.id);
    return renderBoxAdmin({
      viewer,
      meeting: { id: meeting.id, title: meeting.title },
      boxes,
      defaultThreshold: DEFAULT_RELEASE_THRESHOLD,
      timeZone: this.config.timeZone,
      ...extra,
    });
  }

  /** The form as the API's DTO: empty fields left out, numbers as numbers, a local time with the organisation's offset. */
  private openBoxInput(values: OpenBoxValues): Record<string, unknown> {
    const threshold = values.releaseThreshold?.trim();
    const closesAt = values.closesAt?.trim();
    return {
      title: values.title?.trim() ?? '',
      ...(values.accessCode?.trim() ? { accessCode: values.accessCode.trim() } : {}),
      ...(threshold ? { releaseThreshold: /^\d+$/.test(threshold) ? Number(threshold) : threshold } : {}),
      ...(closesAt ? { closesAt: withOffset(closesAt, this.config.timeZone) } : {}),
    };
  }
}

function openBoxValues(form: unknown): OpenBoxValues {
  return { title: formText(form, 'title'), accessCode: formText(form, 'accessCode'), releaseThreshold: formText(form, 'releaseThreshold'), closesAt: formText(form, 'closesAt') };
}

/** The refusal with the form's field names in Chinese instead of the API's. */
function inWords(error: AppError): string {
  return Object.entries(FIELD_WORDS).reduce((message, [field, words]) => message.replaceAll(field, words), pageMessage(error));
}

/**
 * `2026-12-10T18:00` from a datetime-local field, as ISO 8601 with the organisation's UTC
 * offset at that time (the browser sends no zone). Anything else is passed on for the DTO to refuse.
 */
export function withOffset(local: string, timeZone: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(local);
  if (!match) return local;
  const asUtc = new Date(`${match[1]}:00Z`);
  if (Number.isNaN(asUtc.getTime())) return local;
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(asUtc).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name === 'GMT' ? '+00:00' : name.slice(3);
  return `${match[1]}:00${offset}`;
}
