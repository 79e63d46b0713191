import { Injectable } from '@nestjs/common';
import { JobDispatcher } from '../queue/job-dispatcher';
import { JobName } from '../queue/jobs';

/** How long new opinions of a meeting wait to be placed together, in milliseconds. */
const GATHER_MS = 500;

/**
 * Asks for a meeting's pending opinions to be placed in its opinion list. A burst of submissions
 * makes one job per meeting per half second, not one each: the job places everything pending
 * when it runs. The opinions are already stored (the outbox), so a lost request costs nothing
 * but time: the sweeper asks again.
 */
@Injectable()
export class AggregationTrigger {
  private readonly lastAsked = new Map<string, number>();

  constructor(private readonly dispatcher: JobDispatcher) {}

  opinionsArrived(organizationId: string, meetingId: string): void {
    const now = Date.now();
    if ((this.lastAsked.get(meetingId) ?? 0) > now - GATHER_MS) return;
    if (this.lastAsked.size > 10_000) this.lastAsked.clear();
    this.lastAsked.set(meetingId, now);
    // One job id per meeting and half second: other api processes asking meanwhile add nothing.
    const jobId = `aggregate-${meetingId}-${Math.floor(now / GATHER_MS)}`;
    void this.dispatcher.dispatch(JobName.AggregateMeeting, { organizationId, meetingId }, { jobId, delayMs: GATHER_MS });
  }
}
