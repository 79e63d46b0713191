/**
 * The one queue contract: every queue, every job, every payload. Payloads carry ids only —
 * never a text, a name or anything else about an anonymous writer.
 */
export enum QueueName {
  Notifications = 'notifications',
  Aggregation = 'aggregation',
  Exports = 'exports',
  Reminders = 'reminders',
  /** The scheduled tasks' ticks (see ScheduledTaskName): one job per task and tick. */
  Schedule = 'schedule',
}

export enum JobName {
  DeliverWebhook = 'webhook.deliver',
  AggregateMeeting = 'aggregation.meeting',
  BuildExport = 'exports.build',
  SendReminders = 'reminders.daily',
  RunScheduledTask = 'schedule.run',
}

/**
 * The scheduled tasks: work that runs on the clock, not work left pending (that is the outbox
 * sweepers'). Each is one `@Scheduled` provider, ticked every SCHEDULE_INTERVAL_MS by one
 * repeatable job however many workers run (BullMQ), or by a timer in the api (inline driver).
 */
export enum ScheduledTaskName {
  /** 统一整理: the fixed release times, and the sources that have closed. */
  Release = 'release',
  /** Asks for the day's reminders job once REMINDER_HOUR has passed. */
  DailyReminders = 'reminders.schedule',
  /** Removes exported files past EXPORT_RETENTION_DAYS. */
  ExpiredExports = 'exports.expire',
  /** Removes spent form nonces once no browser sends their form again. */
  ExpiredFormNonces = 'form-nonces.expire',
}

export interface JobPayloads {
  [JobName.DeliverWebhook]: { deliveryId: string };
  /** Place the meeting's pending raw opinions in its opinion list. */
  [JobName.AggregateMeeting]: { organizationId: string; meetingId: string };
  [JobName.BuildExport]: { exportId: string };
  /** The day (YYYY-MM-DD in TIME_ZONE) whose reminders to send. */
  [JobName.SendReminders]: { day: string };
  /** One tick of a scheduled task. */
  [JobName.RunScheduledTask]: { task: ScheduledTaskName };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.DeliverWebhook]: QueueName.Notifications,
  [JobName.AggregateMeeting]: QueueName.Aggregation,
  [JobName.BuildExport]: QueueName.Exports,
  [JobName.SendReminders]: QueueName.Reminders,
  [JobName.RunScheduledTask]: QueueName.Schedule,
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
