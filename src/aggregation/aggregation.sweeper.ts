import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobDispatcher } from '../queue/job-dispatcher';
import { OutboxSweeper, Sweeper } from '../queue/job-processor.decorator';
import { JobName } from '../queue/jobs';
import { RawOpinion } from '../opinions/raw-opinion.entity';

/** Asks again for every meeting with opinions still pending: after a Redis outage, a worker crash or a lost job. */
@Injectable()
@OutboxSweeper()
export class AggregationSweeper implements Sweeper {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: JobDispatcher,
  ) {}

  async sweep(): Promise<number> {
    const meetings: Array<{ organizationId: string; meetingId: string }> = await this.dataSource
      .getRepository(RawOpinion)
      .createQueryBuilder('opinion')
      .select('opinion.organizationId', 'organizationId')
      .addSelect('opinion.meetingId', 'meetingId')
      .where('opinion.pendingAggregation = :pending', { pending: 1 })
      .groupBy('opinion.organizationId')
      .addGroupBy('opinion.meetingId')
      .getRawMany();
    const bucket = Math.floor(Date.now() / 60_000);
    for (const { organizationId, meetingId } of meetings) {
      await this.dispatcher.dispatch(JobName.AggregateMeeting, { organizationId, meetingId }, { jobId: `aggregate-sweep-${meetingId}-${bucket}` });
    }
    return meetings.length;
  }
}
