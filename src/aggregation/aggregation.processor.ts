import { Injectable } from '@nestjs/common';
import { ProcessesJob } from '../queue/job-processor.decorator';
import { JobHandler, JobName, JobPayloads } from '../queue/jobs';
import { AggregationService } from './aggregation.service';

/** The `aggregation` queue's job: place a meeting's pending opinions. Idempotent: only pending opinions are touched. */
@Injectable()
@ProcessesJob(JobName.AggregateMeeting)
export class AggregationProcessor implements JobHandler<JobName.AggregateMeeting> {
  constructor(private readonly aggregation: AggregationService) {}

  async handle({ organizationId, meetingId }: JobPayloads[JobName.AggregateMeeting]): Promise<void> {
    await this.aggregation.aggregateMeeting(organizationId, meetingId);
  }
}
