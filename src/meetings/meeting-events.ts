import { Injectable } from '@nestjs/common';
import { Observable } from 'rxjs';
import { ChangeBus, ChangeTopic } from '../core/change-bus';

/**
 * Tells every process (through the change bus) that a meeting's phase, aspects or team changed,
 * so caches built from it (the boxes' and surveys' directories, the talks' requirements) forget
 * it at once instead of waiting for their expiry.
 */
@Injectable()
export class MeetingEvents {
  constructor(private readonly bus: ChangeBus) {}

  get changed(): Observable<string> {
    return this.bus.on(ChangeTopic.Meeting);
  }

  announceChange(meetingId: string): Promise<void> {
    return this.bus.publish(ChangeTopic.Meeting, meetingId);
  }
}
