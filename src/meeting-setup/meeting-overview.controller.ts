import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { Clock } from '../common/clock';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { validateInput } from '../common/validation';
import { RequestExportDto } from '../exports/dto/request-export.dto';
import { BoxesService } from '../boxes/boxes.service';
import { ExportsService } from '../exports/exports.service';
import { MEETING_PHASES, MeetingPhase } from '../meetings/meeting-phase';
import { MeetingsService } from '../meetings/meetings.service';
import { RectificationsService } from '../rectifications/rectifications.service';
import { ProgressService } from '../progress/progress.service';
import { formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { OnRefusal } from '../web/form-refusal';
import { Viewer } from '../web/workbench';
import { OverviewPage, renderOverview } from './views/meeting-overview-page';

const ForOrganisers = () => SignedInPage({ roles: [Role.Organiser], forbidden: '会议概况页面供组织者使用' });

const NOTICES: Record<string, string> = { created: '会议已创建。下一步：设置班子，开启意见箱。', settings: '已保存。', phase: '会议阶段已推进。' };

/**
 * 会议概况 (`/meetings/:id`): the meeting's set-up, its phase and what is still missing before the
 * next (read from the team and the progress: boxes, surveys, opinions, items, talks), links to each
 * step, and its exports, asked for here and followed on their own pages (src/exports).
 */
@ApiExcludeController()
@Controller('meetings/:id')
export class MeetingOverviewController {
  constructor(
    private readonly boxes: BoxesService,
    private readonly exports: ExportsService,
    private readonly meetings: MeetingsService,
    private readonly progress: ProgressService,
    private readonly rectifications: RectificationsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async overview(@Param('id', IdPipe) id: string, @CurrentViewer() viewer: Viewer, @Query('done') done?: string): Promise<string> {
    return renderOverview(viewer, await this.overviewOf(viewer, id, { notice: done ? NOTICES[done] : undefined }));
  }

  @Post('exports')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal(async (error, { params, viewer }, pages: MeetingOverviewController) => renderOverview(viewer!, await pages.overviewOf(viewer!, params.id, { problem: pageMessage(error) })))
  async request(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const dto = await validateInput(RequestExportDto, { what: formText(form, 'what'), format: formText(form, 'format') });
    const asked = await this.exports.request(viewer.actor, id, dto);
    reply.status(303).redirect(`/exports/${asked.id}`);
  }


  async overviewOf(viewer: Viewer, id: string, extra: Pick<OverviewPage, 'notice' | 'problem'>): Promise<OverviewPage> {
    const { meeting, progress } = await this.progress.board(viewer.actor, id);
    const [team, exports, boxes, ledger] = await Promise.all([
      this.meetings.getTeam(viewer.actor, id),
      this.exports.recentOf(viewer.actor, id),
      this.boxes.listBoxes(viewer.actor, id),
      this.rectifications.listEntries(viewer.actor, id),
    ]);
    const closed = ledger.filter((entry) => entry.status === 'closed').length;
    const carried = ledger.filter((entry) => entry.carriedFrom).length;
    const openBoxes = boxes.filter((box) => box.open).length;
    const base = `/meetings/${id}`;
    const { items, talks } = progress;
    const checklist = [
      { text: team.length ? `班子已设置（${team.length} 人）` : '还没有设置班子', done: team.length > 0, href: `${base}/team` },
      { text: openBoxes ? `意见箱开启中 ${openBoxes} 个` : boxes.length ? `意见箱已全部关闭（${boxes.length} 个）` : '意见箱尚未开启', done: boxes.length > 0, href: `${base}/boxes` },
      { text: progress.surveys.length ? `已发出征求意见表 ${progress.surveys.length} 份` : '尚无征求意见表', done: progress.surveys.length > 0, href: `${base}/surveys` },
      { text: progress.opinions.total ? `已收集意见 ${progress.opinions.total} 条` : '尚未收到意见', done: progress.opinions.total > 0, href: `${base}/records` },
      {
        text: items.published ? `意见清单已发布 ${items.published} 条${items.draft ? `，另有 ${items.draft} 条待审核` : ''}` : items.draft ? `意见清单尚未发布（${items.draft} 条待审核）` : '意见清单尚未发布',
        done: items.published > 0 && items.draft === 0,
        href: `${base}/items`,
      },
      { text: talks.required ? `谈心谈话已谈 ${talks.held + talks.confirmed} / ${talks.required} 对` : '尚无必谈的谈心谈话（先设置班子）', done: talks.required > 0 && talks.pending === 0, href: `${base}/board` },
      {
        text: items.published ? `已认领 ${items.claimed} / ${items.published} 条，已答复 ${items.answered} 条` : '意见清单发布后，班子成员认领答复',
        done: items.published > 0 && items.answered === items.published,
        href: `${base}/claims`,
      },
      {
        // 整改台账: after the meeting, from the answered claims; last year's unfinished entries are here from the start.
        text: ledger.length ? `整改台账 ${ledger.length} 条，已销号 ${closed} 条${carried ? `（含上年度转入 ${carried} 条）` : ''}` : '整改台账尚未建立（会后从已答复的认领生成）',
        done: ledger.length > 0 && closed === ledger.length,
        href: `${base}/rectifications`,
      },
    ];
    const next = (MEETING_PHASES[MEETING_PHASES.indexOf(meeting.phase) + 1] ?? null) as MeetingPhase | null;
    return {
      meeting: {
        id: meeting.id,
        title: meeting.title,
        year: meeting.year,
        kind: meeting.kind,
        theme: meeting.theme,
        phase: meeting.phase,
        aspects: meeting.aspects,
        deadlines: progress.deadlines.map(({ label, date }) => ({ label, date })),
      },
      next,
      checklist,
      exports: exports.map((entry) => ({ ...entry, day: this.clock.dayOf(entry.createdAt) })),
      ...extra,
    };
  }
}
