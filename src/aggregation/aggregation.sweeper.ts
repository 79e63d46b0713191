import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { JobDispatcher } from '../queue/job-dispatcher';
import { OutboxSweeper, Sweeper } from '../queue/job-processor.decorator';
import { JobName } from '../queue/jobs';
import { OpinionPlacements } from '../opinions/opinion-placements';

/** Asks again for every meeting with opinions still pending: after a Redis outage, a worker crash or a lost job. */
@Injectable()
@OutboxSweeper()
export class AggregationSweeper implements Sweeper {
  constructor(
    private readonly placements: OpinionPlacements,
    private readonly dispatcher: JobDispatcher,
    private readonly clock: Clock,
  ) {}

  async sweep(): Promise<number> {
    const meetings = await this.placements.meetingsWithPending();
    // One ask per meeting per minute, however many processes sweep.
    const bucket = Math.floor(this.clock.now().getTime() / 60_000);
    for (const { organizationId, meetingId } of meetings) {
      await this.dispatcher.dispatch(JobName.AggregateMeeting, { organizationId, meetingId }, { jobId: `aggregate-sweep-${meetingId}-${bucket}` });
    }
    return meetings.length;
  }
}
