import { Injectable } from '@nestjs/common';
import { OutboxSweeper, Sweeper } from '../queue/job-processor.decorator';
import { ReleaseService } from './release.service';

/**
 * Runs the releases on every sweep (once a minute by default), in the worker or, in embedded
 * mode, the api: a fixed time is run once by whichever process reaches it first, and a source
 * that has closed releases within the minute. After an outage the missed time is run late, as
 * one batch, never split by arrival.
 */
@Injectable()
@OutboxSweeper()
export class ReleaseSweeper implements Sweeper {
  constructor(private readonly release: ReleaseService) {}

  async sweep(): Promise<number> {
    await this.release.releaseDue();
    // Released opinions are enqueued by the release itself; nothing here counts as re-enqueued.
    return 0;
  }
}
