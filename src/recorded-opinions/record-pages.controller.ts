import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { validateInput } from '../common/validation';
import { MeetingsService } from '../meetings/meetings.service';
import { formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { Viewer } from '../web/workbench';
import { RecordSymposiumDto } from './dto/record-symposium.dto';
import { RecordWrittenOpinionsDto } from './dto/record-written-opinions.dto';
import { toSymposiumView, toWrittenSolicitationView } from './recorded-opinion.views';
import { RecordedOpinionsService } from './recorded-opinions.service';
import { RecordForm, RecordsPage, RecordValues, renderRecords } from './views/records-page';

const ForOrganisers = () => SignedInPage({ roles: [Role.Organiser], forbidden: '座谈会与书面征询的录入页面供组织者使用' });

/** The API allows this many opinions in one record. */
const MAX_LINES = 500;

/** The forms' field names, as a person reads them in a refusal. */
const FIELD_WORDS: Record<string, string> = { heldOn: '座谈会日期', audience: '参加对象', attendeeCount: '参加人数', fromBody: '来函单位' };

/**
 * The organiser's 座谈会与书面征询 page (`/meetings/:id/records`): many opinions typed or pasted
 * at once, one a line, each line one opinion in the pool. A refusal (a line too short, a date
 * to come) stores nothing and shows the form again with everything typed.
 */
@ApiExcludeController()
@Controller('meetings/:id/records')
export class RecordPagesController {
  constructor(
    private readonly recorded: RecordedOpinionsService,
    private readonly meetings: MeetingsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async records(@Param('id', IdPipe) meetingId: string, @Query('done') done: string | undefined, @Query('count') count: string | undefined, @CurrentViewer() viewer: Viewer): Promise<string> {
    const saved = /^\d+$/.test(count ?? '') ? `，共 ${count} 条意见` : '';
    const notice = done === 'symposium' ? `座谈会记录已保存${saved}。` : done === 'written' ? `书面征询已保存${saved}。` : undefined;
    return this.page(viewer, meetingId, { notice });
  }

  @Post('symposiums')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  async recordSymposium(@Param('id', IdPipe) meetingId: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | void> {
    const values = recordValues(form);
    const count = values.attendeeCount?.trim() ?? '';
    return this.record('symposium', viewer, meetingId, values, reply, async (opinions) => {
      const dto = await validateInput(RecordSymposiumDto, { heldOn: values.heldOn ?? '', audience: values.audience?.trim() ?? '', attendeeCount: /^\d+$/.test(count) ? Number(count) : count, opinions });
      return (await this.recorded.recordSymposium(viewer.actor, meetingId, dto)).opinionCount;
    });
  }

  @Post('written')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  async recordWritten(@Param('id', IdPipe) meetingId: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | void> {
    const values = recordValues(form);
    return this.record('written', viewer, meetingId, values, reply, async (opinions) => {
      const dto = await validateInput(RecordWrittenOpinionsDto, { fromBody: values.fromBody?.trim() ?? '', opinions });
      return (await this.recorded.recordWrittenOpinions(viewer.actor, meetingId, dto)).opinionCount;
    });
  }

  /** Stores one record (303 back to the page with a notice), or shows the form again with the refusal. */
  private async record(
    form: RecordForm,
    viewer: Viewer,
    meetingId: string,
    values: RecordValues,
    reply: FastifyReply,
    store: (opinions: Array<Record<string, string>>) => Promise<number>,
  ): Promise<string | void> {
    const lines = opinionLines(values.opinions);
    let stored: number;
    try {
      if (lines.length === 0) throw AppError.badRequest(ErrorCode.ValidationFailed, '请至少填写一条意见，每行一条', [{ field: 'opinions', message: '没有意见' }]);
      if (lines.length > MAX_LINES) throw AppError.badRequest(ErrorCode.ValidationFailed, `一次最多录入 ${MAX_LINES} 条意见（现有 ${lines.length} 条），请分几次录入`, [{ field: 'opinions', message: '条数过多' }]);
      const opinions = lines.map((text) => ({ text, ...(values.aspect ? { aspect: values.aspect } : {}), ...(values.targetMemberId ? { targetMemberId: values.targetMemberId } : {}) }));
      stored = await store(opinions);
    } catch (error) {
      if (!(error instanceof AppError && error.status < 500)) throw error;
      reply.status(error.status);
      return this.page(viewer, meetingId, { problem: { form, message: inWords(error, lines), values } });
    }
    reply.status(303).redirect(`/meetings/${meetingId}/records?done=${form}&count=${stored}#${form === 'symposium' ? 'symposiums' : 'written-list'}`);
  }

  private async page(viewer: Viewer, meetingId: string, extra: Pick<RecordsPage, 'notice' | 'problem'>): Promise<string> {
    const meeting = await this.meetings.getMeeting(viewer.actor, meetingId);
    const [team, symposiums, written] = await Promise.all([
      this.meetings.getTeam(viewer.actor, meeting.id),
      this.recorded.listSymposiums(viewer.actor, meeting.id),
      this.recorded.listWrittenSolicitations(viewer.actor, meeting.id),
    ]);
    return renderRecords({
      viewer,
      meeting: { id: meeting.id, title: meeting.title },
      aspects: meeting.aspects,
      members: team.map((member) => ({ userId: member.userId, name: member.displayName })),
      symposiums: symposiums.map(toSymposiumView),
      written: written.map(toWrittenSolicitationView),
      today: this.clock.today(),
      ...extra,
    });
  }
}

function recordValues(form: unknown): RecordValues {
  const field = (name: keyof RecordValues) => formText(form, name);
  return {
    heldOn: field('heldOn'),
    audience: field('audience'),
    attendeeCount: field('attendeeCount'),
    fromBody: field('fromBody'),
    opinions: field('opinions'),
    aspect: field('aspect'),
    targetMemberId: field('targetMemberId'),
  };
}

/** Each non-empty line, trimmed: one opinion. */
export function opinionLines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The refusal in the page's words: a line's problem names the line (第 3 条“…”), a field's
 * problem its label rather than the API's field name.
 */
function inWords(error: AppError, lines: string[]): string {
  const lineProblems = (error.details ?? []).flatMap((detail) => {
    const match = /^opinions\.(\d+)\.text$/.exec(detail.field ?? '');
    if (!match) return [];
    const index = Number(match[1]);
    return [`第 ${index + 1} 条“${shorten(lines[index] ?? '')}”：${detail.message}`];
  });
  if (lineProblems.length > 0) return lineProblems.join('；');
  return Object.entries(FIELD_WORDS).reduce((message, [field, words]) => message.replaceAll(field, words), pageMessage(error));
}

function shorten(line: string): string {
  return [...line].length > 20 ? `${[...line].slice(0, 20).join('')}…` : line;
}
