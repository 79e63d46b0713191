import { Injectable } from '@nestjs/common';
import { Scheduled, ScheduledTask } from '../queue/job-processor.decorator';
import { ScheduledTaskName } from '../queue/jobs';
import { ExportsService } from './exports.service';

/** Removes exported documents past EXPORT_RETENTION_DAYS (on the Clock), on every tick. */
@Injectable()
@Scheduled(ScheduledTaskName.ExpiredExports)
export class ExpiredExportsSchedule implements ScheduledTask {
  constructor(private readonly exports: ExportsService) {}

  run(): Promise<number> {
    return this.exports.removeExpired();
  }
}
