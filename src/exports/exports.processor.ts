import { Injectable } from '@nestjs/common';
import { OutboxSweeper, ProcessesJob, Sweeper } from '../queue/job-processor.decorator';
import { JobHandler, JobName, JobPayloads } from '../queue/jobs';
import { ExportsService } from './exports.service';

type Payload = JobPayloads[JobName.BuildExport];

/** The `exports` queue's job: build one document. A document already built is not built again. */
@Injectable()
@ProcessesJob(JobName.BuildExport)
export class ExportsProcessor implements JobHandler<JobName.BuildExport> {
  constructor(private readonly exports: ExportsService) {}

  handle({ exportId }: Payload): Promise<void> {
    return this.exports.build(exportId);
  }

  async onExhausted({ exportId }: Payload, error: Error): Promise<void> {
    await this.exports.markFailed(exportId, error);
  }
}

/** Builds exports left queued by an outage or a crash. */
@Injectable()
@OutboxSweeper()
export class ExportsSweeper implements Sweeper {
  constructor(private readonly exports: ExportsService) {}

  sweep(): Promise<number> {
    return this.exports.sweep();
  }
}
