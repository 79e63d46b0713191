import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BoxReleaseRules } from '../boxes/box-release-rules';
import { Clock } from '../common/clock';
import { isUniqueViolation } from '../database/unique-violation';
import { HeldOpinions, ReleaseRule } from '../opinions/held-opinions';
import { ReleaseTimes } from '../opinions/release-times';
import { JobDispatcher } from '../queue/job-dispatcher';
import { JobName } from '../queue/jobs';
import { QuestionsService } from '../questions/questions.service';
import { SurveyRelease } from '../surveys/survey-release';
import { ReleaseSlot } from './release-slot.entity';

/** A source holding writers back, as a release weighs it. */
interface HeldBatch {
  organizationId: string;
  meetingId: string;
  sourceId: string;
  /** Writers held: opinions for a box, people's answers for a survey. */
  writers: number;
  rule: ReleaseRule;
}

/**
 * 统一整理: releases held anonymous opinions in batches, so that nothing an organiser, supervisor
 * or leader reads changes when one person writes.
 *
 * - At each fixed time (RELEASE_HOURS in TIME_ZONE) every anonymous source holding at least its
 *   k writers releases them all at once; a source holding fewer waits for a later time.
 * - When a source closes (its closing time, an organiser closing it, the meeting held), it
 *   releases what it holds at once, if that is at least k.
 * - A source that closes holding fewer than k never releases them: showing them would show fewer
 *   than k at once. They stay sealed, counted nowhere; their writers' receipts say so.
 *
 * Nobody can ask for a release: there is no route to one. The released opinions become pending
 * for aggregation, which places them in the opinion list straight after.
 *
 * Writers' replies to organisers' questions (追问) go out at each fixed time too, all of them at
 * once and only then: never on a source's closing, never at the moment one is written. No k
 * weighs them, since a reply is already tied to its question's opinion and a batch would hide
 * nothing more; what the fixed time hides is when the writer answered (and so that they were
 * the one who opened the page just then).
 */
@Injectable()
export class ReleaseService {
  private readonly logger = new Logger(ReleaseService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly held: HeldOpinions,
    private readonly boxes: BoxReleaseRules,
    private readonly surveys: SurveyRelease,
    private readonly dispatcher: JobDispatcher,
    private readonly clock: Clock,
    private readonly times: ReleaseTimes,
    private readonly questions: QuestionsService,
  ) {}

  /**
   * Runs the latest fixed time if no process has run it yet, then releases the sources that have
   * closed since; resolves with how many writers' opinions were released.
   */
  async releaseDue(): Promise<number> {
    const slot = this.times.latest(this.clock.now());
    if (!(await this.slotRun(slot.key))) return this.runSlot(slot.key);
    // Closed sources go now, not at the next time: they will take nothing more.
    return this.release((await this.heldBatches()).filter((batch) => !batch.rule.open), null);
  }

  /**
   * Runs one fixed time: every source holding at least its k goes out, and the time is marked run
   * in the same transaction, so of two processes reaching it only one releases anything.
   * `organizationIds` limits it to those organisations' sources (for the test suite).
   */
  async runSlot(slot: string, organizationIds?: readonly string[]): Promise<number> {
    const batches = await this.heldBatches();
    // Some organisations only: the test suite's files share one database and release their own.
    return this.release(organizationIds ? batches.filter((batch) => organizationIds.includes(batch.organizationId)) : batches, slot, organizationIds);
  }

  /**
   * Seeding only: the demo's made-up writers are released as they are written, so a first start
   * shows a filled list. No route leads here, and k still holds.
   */
  async releaseSeeded(sourceIds: string[]): Promise<number> {
    return this.release((await this.heldBatches()).filter((batch) => sourceIds.includes(batch.sourceId)), null);
  }

  /** The demo's: its held replies passed on now, dated today, as a fixed time would (no slot is recorded). */
  releaseSeededReplies(organizationIds: readonly string[]): Promise<number> {
    return this.dataSource.transaction((manager: EntityManager) => this.questions.releaseHeldReplies(manager, this.clock.today(), organizationIds));
  }

  /**
   * Releases every batch of at least k, marking the fixed time run (when one is given) in the same
   * transaction; at a fixed time, every held reply too (of `organizationIds` only, when given).
   */
  private async release(batches: HeldBatch[], slot: string | null, organizationIds?: readonly string[]): Promise<number> {
    const due = batches.filter((batch) => batch.writers >= batch.rule.threshold);
    const sourceIds = due.map((batch) => batch.sourceId);
    let replies = 0;
    try {
      await this.dataSource.transaction(async (manager: EntityManager) => {
        if (slot) await manager.insert(ReleaseSlot, { slot });
        await this.held.release(manager, sourceIds);
        await this.surveys.release(manager, sourceIds);
        // Replies at fixed times only, dated with the day of the release: never the day written.
        if (slot) replies = await this.questions.releaseHeldReplies(manager, this.clock.today(), organizationIds);
      });
    } catch (error) {
      if (slot && isUniqueViolation(error)) return 0;
      throw error;
    }
    if (replies > 0) this.logger.log(`released ${replies} held repl${replies === 1 ? 'y' : 'ies'} to questions at ${slot}`);
    if (due.length === 0) return 0;
    const writers = due.reduce((sum, batch) => sum + batch.writers, 0);
    this.logger.log(`released ${writers} held opinion(s) or answer(s) from ${due.length} source(s)${slot ? ` at ${slot}` : ' on closing'}`);
    for (const meetingId of new Set(due.map((batch) => batch.meetingId))) {
      const batchesOfMeeting = due.filter((batch) => batch.meetingId === meetingId);
      // The job id names the release (its time, or the sources that closed), never an arrival.
      const release = slot ? slot.replace(/[^0-9T]/g, '') : `closed-${batchesOfMeeting.map((batch) => batch.sourceId).sort().join('-')}`;
      await this.dispatcher.dispatch(JobName.AggregateMeeting, { organizationId: batchesOfMeeting[0].organizationId, meetingId }, { jobId: `aggregate-release-${meetingId}-${release}` });
    }
    return writers;
  }

  /** Every anonymous source holding writers back, with its k and whether it is still open. */
  private async heldBatches(): Promise<HeldBatch[]> {
    const [opinions, answers] = await Promise.all([this.held.heldBySource(), this.surveys.heldAnswers()]);
    const boxOpinions = opinions.filter((source) => source.channel === 'box');
    const rules = new Map(
      [...(await this.boxes.rules(boxOpinions.map((source) => source.sourceId))), ...(await this.surveys.rules(answers.map((survey) => survey.surveyId)))].map((rule) => [rule.sourceId, rule]),
    );
    const batches: HeldBatch[] = [
      ...boxOpinions.map((source) => ({ organizationId: source.organizationId, meetingId: source.meetingId, sourceId: source.sourceId, writers: source.opinions })),
      ...answers.map((survey) => ({ organizationId: survey.organizationId, meetingId: survey.meetingId, sourceId: survey.surveyId, writers: survey.responses })),
    ].flatMap((batch) => {
      const rule = rules.get(batch.sourceId);
      return rule ? [{ ...batch, rule }] : [];
    });
    return batches;
  }

  private async slotRun(slot: string): Promise<boolean> {
    return (await this.dataSource.getRepository(ReleaseSlot).count({ where: { slot } })) > 0;
  }
}
