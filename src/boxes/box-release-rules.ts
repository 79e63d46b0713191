import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { MeetingsService } from '../meetings/meetings.service';
import { ReleaseRule } from '../opinions/held-opinions';
import { Box } from './box.entity';
import { isBoxOpen } from './box-state';

/** Each box's k and whether it is still open, for the release of held opinions. */
@Injectable()
export class BoxReleaseRules {
  constructor(
    @InjectRepository(Box) private readonly boxes: Repository<Box>,
    private readonly meetings: MeetingsService,
    private readonly clock: Clock,
  ) {}

  async rules(boxIds: string[]): Promise<ReleaseRule[]> {
    if (boxIds.length === 0) return [];
    const boxes = await this.boxes.find({ where: { id: In(boxIds) } });
    const now = this.clock.now();
    return Promise.all(
      boxes.map(async (box) => {
        const meeting = await this.meetings.findMeeting(box.organizationId, box.meetingId);
        return { sourceId: box.id, threshold: box.releaseThreshold, open: meeting ? isBoxOpen(box, meeting.phase, now) : false };
      }),
    );
  }
}
