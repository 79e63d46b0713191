import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { OpinionChannel, RawOpinion } from './raw-opinion.entity';

/** The opinions one source holds back, as counted for a release. */
export interface HeldSource {
  organizationId: string;
  meetingId: string;
  channel: OpinionChannel;
  sourceId: string;
  opinions: number;
}

/**
 * The held part of the opinion pool (匿名意见暂存): what anonymous sources hold until a release,
 * and the release itself, which makes a source's held opinions pending for aggregation at once.
 * Nothing else reads held opinions but the writer's receipt.
 */
@Injectable()
export class HeldOpinions {
  constructor(@InjectRepository(RawOpinion) private readonly opinions: Repository<RawOpinion>) {}

  /** Every source holding opinions back, with how many (from the index on held and source). */
  async heldBySource(): Promise<HeldSource[]> {
    const rows: Array<Omit<HeldSource, 'opinions'> & { opinions: number | string }> = await this.opinions
      .createQueryBuilder('opinion')
      .select(['opinion.organizationId AS organizationId', 'opinion.meetingId AS meetingId', 'opinion.channel AS channel', 'opinion.sourceId AS sourceId'])
      .addSelect('COUNT(*)', 'opinions')
      .where('opinion.held = :held', { held: 1 })
      .groupBy('opinion.sourceId')
      .addGroupBy('opinion.organizationId')
      .addGroupBy('opinion.meetingId')
      .addGroupBy('opinion.channel')
      .getRawMany();
    return rows.map((row) => ({ ...row, opinions: Number(row.opinions) }));
  }

  /** Releases everything these sources hold, inside the caller's transaction; resolves with how many. */
  async release(manager: EntityManager, sourceIds: string[]): Promise<number> {
    if (sourceIds.length === 0) return 0;
    const result = await manager
      .createQueryBuilder()
      .update(RawOpinion)
      .set({ held: false, pendingAggregation: true })
      .where({ sourceId: In(sourceIds), held: true })
      .execute();
    return result.affected ?? 0;
  }
}

/** What a release needs to know of an anonymous source: its k, and whether it still takes opinions. */
export interface ReleaseRule {
  sourceId: string;
  /** The fewest writers a release may show at once (k). */
  threshold: number;
  open: boolean;
}
