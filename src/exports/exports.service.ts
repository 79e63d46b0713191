import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, Repository } from 'typeorm';
import { Actor, onBehalfOf } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { FileStore, StoredFile } from '../common/file-store';
import { newId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { CHANNEL_NAMES } from '../items/item.views';
import { ItemsService } from '../items/items.service';
import { MeetingsService } from '../meetings/meetings.service';
import { ProgressService } from '../progress/progress.service';
import { JobDispatcher } from '../queue/job-dispatcher';
import { JobName } from '../queue/jobs';
import { RecordedOpinionsService } from '../recorded-opinions/recorded-opinions.service';
import { RectificationView } from '../rectifications/rectification.views';
import { RectificationsService } from '../rectifications/rectifications.service';
import { TalksService } from '../talks/talks.service';
import { PAIR_STATUS_NAMES, TALK_RULE_NAMES } from '../talks/talk.views';
import { UsersService } from '../users/users.service';
import { dayInWords } from '../web/dates';
import { reportAsDocx, TableDocument, tableAsDocx, tableAsXlsx } from './documents';
import { RequestExportDto } from './dto/request-export.dto';
import { ExportJob } from './export-job.entity';

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** Which formats each document comes in. */
const FORMATS: Record<ExportJob['what'], Array<ExportJob['format']>> = {
  'opinion-list': ['xlsx', 'docx'],
  'talk-coverage': ['xlsx'],
  'progress-report': ['docx'],
  'rectification-ledger': ['xlsx', 'docx'],
};

/** What each document is called, after the meeting's title, in its file name. */
const DOCUMENT_NAMES: Record<ExportJob['what'], string> = { 'opinion-list': '意见清单', 'talk-coverage': '谈心谈话情况', 'progress-report': '筹备情况报告', 'rectification-ledger': '整改台账' };


export interface ExportView {
  id: string;
  what: ExportJob['what'];
  format: ExportJob['format'];
  status: ExportJob['status'];
  downloadUrl?: string;
  error?: string;
}

/**
 * The documents organisers hand in: the 意见清单 (xlsx, docx), the talk coverage sheet (xlsx), the
 * preparation report (docx) and the 整改台账 (xlsx, docx). Asked for here, built by the `exports`
 * queue, kept under `<DATA_DIR>/exports` for EXPORT_RETENTION_DAYS, downloadable by the organiser
 * who asked.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);
  private readonly files: FileStore;

  constructor(
    @InjectRepository(ExportJob) private readonly jobs: Repository<ExportJob>,
    private readonly meetings: MeetingsService,
    private readonly items: ItemsService,
    private readonly talks: TalksService,
    private readonly progress: ProgressService,
    private readonly recorded: RecordedOpinionsService,
    private readonly rectifications: RectificationsService,
    private readonly users: UsersService,
    private readonly dispatcher: JobDispatcher,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.files = new FileStore(config.exports.dir);
  }

  async request(actor: Actor, meetingId: string, dto: RequestExportDto): Promise<ExportView> {
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    if (!FORMATS[dto.what].includes(dto.format)) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, `${dto.what} 只能导出为 ${FORMATS[dto.what].join('、')}`, [{ field: 'format', message: `可选：${FORMATS[dto.what].join('、')}` }]);
    }
    const job: ExportJob = {
      id: newId(),
      organizationId: actor.organizationId,
      meetingId: meeting.id,
      requestedBy: actor.userId,
      what: dto.what,
      format: dto.format,
      status: 'queued',
      fileKey: null,
      fileName: null,
      error: null,
      createdAt: this.clock.nowToSecond(),
      finishedAt: null,
    };
    await this.jobs.insert(job);
    await this.dispatcher.dispatch(JobName.BuildExport, { exportId: job.id }, { jobId: `export-${job.id}` });
    return toView(job);
  }

  async get(actor: Actor, id: string): Promise<ExportView> {
    return toView(await this.mine(actor, id));
  }

  /** The actor's own exports of a meeting, newest first, for the meeting's page. */
  async recentOf(actor: Actor, meetingId: string, limit = 10): Promise<ExportEntry[]> {
    const jobs = await this.jobs.find({ where: { organizationId: actor.organizationId, requestedBy: actor.userId, meetingId }, order: { createdAt: 'DESC' }, take: limit });
    return jobs.map(toEntry);
  }

  /** One of the actor's exports with its meeting, time and file name, for its page. */
  async entry(actor: Actor, id: string): Promise<ExportEntry> {
    return toEntry(await this.mine(actor, id));
  }

  async file(actor: Actor, id: string): Promise<StoredFile> {
    const job = await this.mine(actor, id);
    if (job.status !== 'done' || !job.fileKey) throw AppError.notFound('导出文件');
    return this.files.download(job.fileKey, job.fileName ?? `export.${job.format}`, CONTENT_TYPES[job.format], '导出文件已不在服务器上，请重新导出（若 API 与 worker 分开部署，它们须共用 EXPORT_DIR）');
  }

  /** Builds the file of a queued export (the job's handler). A job already built is left alone. */
  async build(exportId: string): Promise<void> {
    const job = await this.jobs.findOne({ where: { id: exportId } });
    if (!job || job.status === 'done') return;
    await this.jobs.update({ id: job.id }, { status: 'running' });
    // The file holds what the organiser who asked may read: the job acts for them.
    const actor = onBehalfOf(job.requestedBy, job.organizationId);
    const meeting = await this.meetings.getMeeting(actor, job.meetingId);
    const key = await this.files.save(await this.render(actor, job, meeting.title), job.format);
    await this.jobs.update({ id: job.id }, { status: 'done', fileKey: key, fileName: `${meeting.title}${DOCUMENT_NAMES[job.what]}.${job.format}`, finishedAt: this.clock.nowToSecond() });
  }

  async markFailed(exportId: string, error: Error): Promise<void> {
    await this.jobs.update({ id: exportId }, { status: 'failed', error: error.message.slice(0, 500), finishedAt: this.clock.nowToSecond() });
  }

  /** Asks again for exports not yet built (after an outage or a crash); resolves with how many. */
  async sweep(): Promise<number> {
    const now = this.clock.now().getTime();
    const stranded = await this.jobs.find({ where: { status: In(['queued', 'running']), createdAt: LessThan(new Date(now - 60_000)) }, select: { id: true } });
    for (const { id } of stranded) await this.dispatcher.dispatch(JobName.BuildExport, { exportId: id }, { jobId: `export-${id}-${Math.floor(now / 60_000)}` });
    return stranded.length;
  }

  /** Removes the documents past EXPORT_RETENTION_DAYS, file and row; resolves with how many. */
  async removeExpired(): Promise<number> {
    const expired = await this.jobs.find({ where: { status: 'done', finishedAt: LessThan(new Date(this.clock.now().getTime() - this.config.exports.retentionDays * 86_400_000)) } });
    for (const job of expired) {
      await this.files.remove(job.fileKey);
      await this.jobs.delete({ id: job.id });
    }
    if (expired.length) this.logger.log(`removed ${expired.length} expired exports`);
    return expired.length;
  }

  private async render(actor: Actor, job: ExportJob, meetingTitle: string): Promise<Buffer> {
    if (job.what === 'opinion-list') {
      const document = await this.opinionList(actor, job.meetingId, meetingTitle);
      return job.format === 'xlsx' ? tableAsXlsx(document) : tableAsDocx(document);
    }
    if (job.what === 'rectification-ledger') {
      const document = await this.rectificationLedger(actor, job.meetingId, meetingTitle);
      return job.format === 'xlsx' ? tableAsXlsx(document) : tableAsDocx(document);
    }
    if (job.what === 'talk-coverage') return tableAsXlsx(await this.talkCoverage(actor, job.meetingId, meetingTitle));
    return this.report(actor, job.meetingId, meetingTitle);
  }

  /** 意见清单: 序号, 方面, 意见内容, 提出次数, 来源渠道, 指向, 认领人, 问题认识, 整改措施, 完成时限. */
  async opinionList(actor: Actor, meetingId: string, meetingTitle: string): Promise<TableDocument> {
    const items = (await this.items.listItems(actor, meetingId, {})).filter((item) => item.status !== 'set-aside');
    return {
      title: `${meetingTitle}意见清单`,
      columns: [
        { header: '序号', width: 6 },
        { header: '方面', width: 14 },
        { header: '意见内容', width: 50 },
        { header: '提出次数', width: 8 },
        { header: '来源渠道', width: 16 },
        { header: '指向', width: 14 },
        { header: '认领人', width: 16 },
        { header: '问题认识', width: 40 },
        { header: '整改措施', width: 40 },
        { header: '完成时限', width: 12 },
      ],
      rows: items.map((item, index) => {
        const lead = item.claims.find((claim) => claim.kind === 'lead');
        const joint = item.claims.filter((claim) => claim.kind === 'joint').map((claim) => claim.name);
        return [
          index + 1,
          item.aspect,
          item.summary,
          Math.max(item.sourceCount, 1),
          item.channels.map((channel) => CHANNEL_NAMES[channel] ?? channel).join('、'),
          item.target.name,
          [lead ? `${lead.name}（牵头）` : '', ...joint].filter(Boolean).join('、'),
          lead?.answer?.reflection ?? '',
          lead?.answer?.measures ?? '',
          lead?.answer?.dueDate ?? '',
        ];
      }),
    };
  }

  private async talkCoverage(actor: Actor, meetingId: string, meetingTitle: string): Promise<TableDocument> {
    const pairs = await this.talks.requiredTalks(actor, meetingId);
    const team = await this.meetings.getTeam(actor, meetingId);
    const name = (userId: string) => team.find((seat) => seat.userId === userId)?.displayName ?? '';
    return {
      title: `${meetingTitle}谈心谈话情况`,
      columns: [
        { header: '序号', width: 6 },
        { header: '班子成员', width: 14 },
        { header: '谈话对象', width: 16 },
        { header: '对象所在部门', width: 18 },
        { header: '必谈类别', width: 22 },
        { header: '完成情况', width: 10 },
      ],
      rows: pairs.map((pair, index) => [index + 1, name(pair.a), pair.counterpartName, pair.departmentName ?? '', TALK_RULE_NAMES[pair.rule], PAIR_STATUS_NAMES[pair.status]]),
    };
  }

  /**
   * 整改台账 as party offices keep it: 序号, 问题, 整改措施 (numbered in the cell), 责任人, 完成时限,
   * 进展 (the latest report, dated) and 销号情况; printed across the page.
   */
  async rectificationLedger(actor: Actor, meetingId: string, meetingTitle: string): Promise<TableDocument> {
    const entries = await this.rectifications.listEntries(actor, meetingId);
    const owners = await this.users.findUsers(actor, [...new Set(entries.map((entry) => entry.ownerUserId))]);
    const names = new Map(owners.map((user) => [user.id, user.displayName]));
    const dayOf = (at: string) => dayInWords(this.clock.dayOf(new Date(at)));
    return {
      title: `${meetingTitle}整改台账`,
      landscape: true,
      columns: [
        { header: '序号', width: 6 },
        { header: '问题', width: 36 },
        { header: '整改措施', width: 44 },
        { header: '责任人', width: 10 },
        { header: '完成时限', width: 16 },
        { header: '进展', width: 36 },
        { header: '销号情况', width: 18 },
      ],
      rows: entries.map((entry, index) => [
        index + 1,
        entry.problem,
        entry.measures.map((measure, position) => `${position + 1}. ${measure.text}`).join('\n'),
        names.get(entry.ownerUserId) ?? '',
        dayInWords(entry.dueDate),
        progressOf(entry, dayOf),
        closeOutOf(entry, dayOf),
      ]),
    };
  }

  /** 筹备情况报告, with the paragraph reports carry, filled from the data, and the 上一年度整改落实情况 one. */
  private async report(actor: Actor, meetingId: string, meetingTitle: string): Promise<Buffer> {
    const [progress, summary, symposiums, talks, carryOver] = await Promise.all([
      this.progress.progress(actor, meetingId),
      this.items.summary(actor, meetingId),
      this.recorded.listSymposiums(actor, meetingId),
      this.talks.listTalks(actor, meetingId),
      this.rectifications.carryOver(actor, meetingId),
    ]);
    const tokens = progress.surveys.reduce((sum, survey) => sum + survey.tokensIssued, 0);
    const paragraph =
      `会前，召开座谈会${symposiums.length}场，发放征求意见表${tokens}份，设置意见箱${progress.boxes.length}个，` +
      `${summary.sentence}。班子成员之间、班子成员与分管部门负责同志开展谈心谈话${talks.length}人次，` +
      `应谈${progress.talks.required}对，已谈${progress.talks.held + progress.talks.confirmed}对。` +
      `意见清单共${progress.items.published}条已发布，已认领${progress.items.claimed}条，已答复${progress.items.answered}条。`;
    // 上一年度整改落实情况, when the meeting follows an earlier one.
    return reportAsDocx(`${meetingTitle}筹备情况报告`, [paragraph, ...(carryOver.paragraph ? [carryOver.paragraph] : [])]);
  }

  private async mine(actor: Actor, id: string): Promise<ExportJob> {
    const job = await this.jobs.findOne({ where: { id, organizationId: actor.organizationId, requestedBy: actor.userId } });
    if (!job) throw AppError.notFound('导出');
    return job;
  }
}

/** 进展: the owner's latest report with its day, and the reason if it was sent back since. */
function progressOf(entry: RectificationView, dayOf: (at: string) => string): string {
  const lastReport = entry.history.map((event, position) => ({ event, position })).filter(({ event }) => event.kind === 'reported').pop();
  if (!lastReport) return '';
  const { event, position } = lastReport;
  const lines = [`${dayOf(event.at)}：${event.note ?? ''}${event.evidence ? `（佐证：${event.evidence}）` : ''}`];
  const returned = entry.history.slice(position + 1).filter((later) => later.kind === 'returned').pop();
  if (returned) lines.push(`${dayOf(returned.at)}退回：${returned.note ?? ''}`);
  return lines.join('\n');
}

/** 销号情况: closed with its day, reported and waiting, not done, or past its deadline; entries carried in or on say so. */
function closeOutOf(entry: RectificationView, dayOf: (at: string) => string): string {
  const closed = entry.history.filter((event) => event.kind === 'closed').pop();
  const words = {
    closed: closed ? `已销号（${dayOf(closed.at)}）` : '已销号',
    reported: '已报告待销号',
    open: '未完成',
    overdue: '已逾期',
  }[entry.status];
  const carried = entry.carriedOn && entry.status !== 'closed' ? `${words}（已转入下一年度继续整改）` : words;
  return entry.carriedFrom ? `${carried}（上年度转入）` : carried;
}

/** An export as the pages list it: its view and what the page says about it. */
export interface ExportEntry extends ExportView {
  meetingId: string;
  createdAt: Date;
  fileName: string | null;
}

function toEntry(job: ExportJob): ExportEntry {
  return { ...toView(job), meetingId: job.meetingId, createdAt: job.createdAt, fileName: job.fileName };
}

function toView(job: ExportJob): ExportView {
  return {
    id: job.id,
    what: job.what,
    format: job.format,
    status: job.status,
    ...(job.status === 'done' ? { downloadUrl: `/api/v1/exports/${job.id}/file` } : {}),
    ...(job.error ? { error: job.error } : {}),
  };
}
