/**
 * The one queue contract: every queue, every job, every payload. Payloads carry ids only —
 * never a text, a name or anything else about an anonymous writer.
 */
export enum QueueName {
  Notifications = 'notifications',
  Aggregation = 'aggregation',
  Exports = 'exports',
  Reminders = 'reminders',
}

export enum JobName {
  DeliverWebhook = 'webhook.deliver',
  AggregateMeeting = 'aggregation.meeting',
  BuildExport = 'exports.build',
  SendReminders = 'reminders.daily',
}

export interface JobPayloads {
  [JobName.DeliverWebhook]: { deliveryId: string };
  /** Place the meeting's pending raw opinions in its opinion list. */
  [JobName.AggregateMeeting]: { organizationId: string; meetingId: string };
  [JobName.BuildExport]: { exportId: string };
  /** The day (YYYY-MM-DD in TIME_ZONE) whose reminders to send. */
  [JobName.SendReminders]: { day: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.DeliverWebhook]: QueueName.Notifications,
  [JobName.AggregateMeeting]: QueueName.Aggregation,
  [JobName.BuildExport]: QueueName.Exports,
  [JobName.SendReminders]: QueueName.Reminders,
};

export interface DispatchOptions {
  /** Collapses duplicates: a job with the same id still waiting is not added again. */
  jobId?: string;
  delayMs?: number;
}

export interface JobContext {
  id: string;
  name: JobName;
  /** 1 on the first try. */
  attempt: number;
  maxAttempts: number;
}

export interface JobHandler<N extends JobName = JobName> {
  handle(payload: JobPayloads[N], context: JobContext): Promise<void>;
  /** Called once when the last attempt has failed. */
  onExhausted?(payload: JobPayloads[N], error: Error): Promise<void>;
}

/** A failure that retrying cannot mend: the job fails at once. */
export class UnrecoverableJobError extends Error {
  override name = 'UnrecoverableJobError';
}

export interface FailedJobView {
  id: string;
  name: string;
  attempts: number;
  error: string;
  failedAt: string | null;
  payload: unknown;
}

export interface QueueView {
  name: string;
  counts: { waiting: number; active: number; delayed: number; completed: number; failed: number };
  failed: FailedJobView[];
}
