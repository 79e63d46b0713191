import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { newId } from '../common/ids';
import { insertRows } from '../database/multi-row-insert';
import { AggregationTrigger } from './aggregation-trigger';
import { FormNonce } from './form-nonce.entity';
import { chosenAspect, chosenTarget, OpinionChoices } from './opinion-rules';
import { OpinionWriter } from './opinion-writer';
import { OpinionChannel, RawOpinion } from './raw-opinion.entity';

/** The box, survey, talk, symposium or written solicitation opinions came through, and whose it is. */
export interface OpinionSource {
  organizationId: string;
  meetingId: string;
  sourceId: string;
}

/** One opinion as a channel hands it over: the words, and what the writer chose. */
export interface OpinionEntry {
  text: string;
  aspect?: string | null;
  targetMemberId?: string | null;
  /**
   * Another source for this entry alone: a talk's opinion its speaker did not agree to have
   * attributed goes under the meeting, not the talk (and so not its two people).
   */
  sourceId?: string;
}

export interface CheckOptions {
  /** The day it arrived (YYYY-MM-DD): never a finer time. */
  day: string;
  /** From an anonymous source (a box, an anonymous survey): held until released, see `check`. */
  anonymous: boolean;
  /**
   * The meeting's aspects and team, to check each entry's choices against (400 naming the field).
   * Without them the channel decided the aspect itself (a survey question's) and the entry is taken as it is.
   */
  choices?: OpinionChoices;
  /** How the request names the entries, for a 400's field: `opinions` gives `opinions.2.aspect`; without it `aspect`. */
  field?: string;
  /** Keyed hash of the writer's receipt code (回执码), for a single entry. */
  receiptHash?: string;
}

export interface AcceptOptions extends CheckOptions {
  /** The form's spent one-time nonce, stored in the same transaction as the opinion (group commit only). */
  nonce?: FormNonce;
  /**
   * The caller's own rows (the talk, the symposium record), written first in the same transaction
   * as the opinions: both are stored, or neither. Without it the opinions go by group commit.
   */
  writeAlongside?: (manager: EntityManager) => Promise<unknown>;
}

/** Opinions checked and built, not yet written: what `insertWithin` writes and `arrived` signals. */
export interface CheckedOpinions {
  readonly organizationId: string;
  readonly meetingId: string;
  readonly held: boolean;
  readonly rows: readonly RawOpinion[];
}

/** What an organiser reads of a released opinion: the words, the choices, the day; nothing else. */
export type ReleasedOpinion = Pick<RawOpinion, 'id' | 'text' | 'aspect' | 'targetMemberId' | 'receivedOn'>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The one way into the opinion pool (意见): every channel hands its opinions here, and only here
 * are raw-opinion rows built and written. So the anonymity rules of a stored opinion hold in one
 * place: a random id, the day and never the time, no account, address or session, a receipt's
 * keyed hash at most; an opinion from an anonymous source is held (匿名意见暂存) — in no count,
 * item or list, and not pending for aggregation — until its source releases a batch of at least
 * k (see HeldOpinions); every other opinion is pending at once and asks for aggregation once it
 * is committed.
 */
@Injectable()
export class OpinionPool {
  constructor(
    @InjectRepository(RawOpinion) private readonly opinions: Repository<RawOpinion>,
    private readonly dataSource: DataSource,
    private readonly writer: OpinionWriter,
    private readonly aggregation: AggregationTrigger,
  ) {}

  /**
   * Checks, builds, writes and signals: by group commit (with the form nonce, if any), or with
   * `writeAlongside` in one transaction with the caller's rows. Every entry is checked before
   * anything is written: one bad choice refuses them all. Aggregation is asked for after the commit.
   */
  async accept(channel: OpinionChannel, source: OpinionSource, entries: readonly OpinionEntry[], options: AcceptOptions): Promise<void> {
    const checked = this.check(channel, source, entries, options);
    const { writeAlongside, nonce } = options;
    if (writeAlongside) {
      if (nonce) throw new Error('A form nonce is spent by group commit only');
      await this.dataSource.transaction(async (manager) => {
        await writeAlongside(manager);
        await this.insertWithin(manager, [checked]);
      });
    } else {
      if (nonce && checked.rows.length !== 1) throw new Error('A form nonce belongs to one opinion');
      await Promise.all(checked.rows.map((row) => this.writer.write(row, nonce)));
    }
    this.arrived(checked);
  }

  /**
   * The rows for these entries, with the writer's choices checked (400 naming the first bad
   * field); nothing is written. For a channel that writes them in its own transaction
   * (`insertWithin`) and signals after its commit (`arrived`), as surveys do.
   */
  check(channel: OpinionChannel, source: OpinionSource, entries: readonly OpinionEntry[], options: CheckOptions): CheckedOpinions {
    if (!DAY.test(options.day)) throw new Error(`An opinion is dated by the day only, not ${options.day}`);
    if (options.receiptHash !== undefined && entries.length !== 1) throw new Error('A receipt belongs to one opinion');
    const { choices, anonymous } = options;
    const field = (index: number, name: string) => (options.field ? `${options.field}.${index}.${name}` : name);
    const rows = entries.map(
      (entry, index): RawOpinion => ({
        id: newId(),
        organizationId: source.organizationId,
        meetingId: source.meetingId,
        channel,
        sourceId: entry.sourceId ?? source.sourceId,
        text: entry.text,
        aspect: choices ? chosenAspect(choices, entry.aspect, field(index, 'aspect')) : (entry.aspect ?? null),
        targetMemberId: choices ? chosenTarget(choices, entry.targetMemberId, field(index, 'targetMemberId')) : (entry.targetMemberId ?? null),
        receivedOn: options.day,
        receiptHash: options.receiptHash ?? null,
        itemId: null,
        // Held until its source releases a batch (统一整理): nothing anyone else reads changes now.
        pendingAggregation: !anonymous,
        held: anonymous,
      }),
    );
    return { organizationId: source.organizationId, meetingId: source.meetingId, held: anonymous, rows };
  }

  /** Writes checked opinions inside the caller's transaction, all of them in one multi-row INSERT. */
  insertWithin(manager: EntityManager, checked: readonly CheckedOpinions[]): Promise<void> {
    return insertRows(manager, RawOpinion, checked.flatMap((batch) => batch.rows));
  }

  /** After the caller's commit: asks for aggregation when the opinions are pending (not held). */
  arrived(checked: CheckedOpinions): void {
    if (!checked.held && checked.rows.length > 0) this.aggregation.opinionsArrived(checked.organizationId, checked.meetingId);
  }

  /** How many of a source's opinions have been released (a held one counts nowhere). */
  releasedCount(channel: OpinionChannel, sourceId: string): Promise<number> {
    return this.opinions.count({ where: { sourceId, channel, held: false } });
  }

  /** A source's released opinions, ordered by their random id: the order says nothing about arrival. */
  releasedOpinions(channel: OpinionChannel, sourceId: string): Promise<ReleasedOpinion[]> {
    return this.opinions.find({
      where: { sourceId, channel, held: false },
      select: { id: true, text: true, aspect: true, targetMemberId: true, receivedOn: true },
      order: { id: 'ASC' },
    });
  }
}
