import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { JobDispatcher } from '../queue/job-dispatcher';
import { ProcessesJob, Scheduled, ScheduledTask } from '../queue/job-processor.decorator';
import { JobHandler, JobName, JobPayloads, ScheduledTaskName } from '../queue/jobs';
import { RemindersService } from './reminders.service';

/** The `reminders` queue's daily job. Running it twice the same day sends nothing twice. */
@Injectable()
@ProcessesJob(JobName.SendReminders)
export class RemindersProcessor implements JobHandler<JobName.SendReminders> {
  constructor(private readonly reminders: RemindersService) {}

  async handle({ day }: JobPayloads[JobName.SendReminders]): Promise<void> {
    await this.reminders.sendReminders(day);
  }
}

/**
 * Makes the job repeat daily: on every tick after REMINDER_HOUR (in TIME_ZONE) it asks for the
 * day's job, under one job id per day, so the queue keeps one however often it is asked, by
 * however many workers; after a restart or an outage the day's reminders still go.
 */
@Injectable()
@Scheduled(ScheduledTaskName.DailyReminders)
export class DailyReminderSchedule implements ScheduledTask {
  constructor(
    private readonly dispatcher: JobDispatcher,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<number> {
    if (!this.config.reminders.enabled || this.clock.hour() < this.config.reminders.hour) return 0;
    const day = this.clock.today();
    return (await this.dispatcher.dispatch(JobName.SendReminders, { day }, { jobId: `reminders-${day}` })) ? 1 : 0;
  }
}
