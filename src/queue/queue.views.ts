import { ApiProperty } from '@nestjs/swagger';

export class FailedJobView {
  id: string;
  name: string;
  attempts: number;
  error: string;
  failedAt: string | null;
  /** The job's payload: ids only (see JobPayloads). */
  @ApiProperty({ type: 'object', additionalProperties: true })
  payload: unknown;
}

export class QueueCountsView {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

export class QueueView {
  name: string;
  counts: QueueCountsView;
  failed: FailedJobView[];
}

/** The queue driver (`inline` or `bullmq`) and each queue's counts and failed jobs. */
export class QueuesView {
  driver: 'inline' | 'bullmq';
  queues: QueueView[];
}
