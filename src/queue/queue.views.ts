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

/**
 * The embedding model clustering asks (EMBEDDINGS_URL), and how it last answered in any process.
 * `lexicalOnly`: its last answer was a failure, so the aggregation queue's runs since then placed
 * opinions by their words alone (none was held back).
 */
export class EmbeddingsStatusView {
  configured: boolean;
  model: string | null;
  lexicalOnly: boolean;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  /** Why it last failed, in words that name no text. */
  lastError: string | null;
}

/** The queue driver (`inline` or `bullmq`), each queue's counts and failed jobs, and the embedding model's state. */
export class QueuesView {
  driver: 'inline' | 'bullmq';
  queues: QueueView[];
  embeddings: EmbeddingsStatusView;
}
