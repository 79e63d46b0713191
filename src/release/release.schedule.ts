import { Injectable } from '@nestjs/common';
import { Scheduled, ScheduledTask } from '../queue/job-processor.decorator';
import { ScheduledTaskName } from '../queue/jobs';
import { ReleaseService } from './release.service';

/**
 * Runs the releases on every tick (once a minute by default), in the worker or, in embedded mode,
 * the api: a fixed time is run once by whichever tick reaches it first (the time is a row, marked
 * run in the release's transaction), and a source that has closed releases within the minute.
 * After an outage the missed time is run late, as one batch, never split by arrival.
 */
@Injectable()
@Scheduled(ScheduledTaskName.Release)
export class ReleaseSchedule implements ScheduledTask {
  constructor(private readonly release: ReleaseService) {}

  run(): Promise<number> {
    return this.release.releaseDue();
  }
}
