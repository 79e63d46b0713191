import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

/**
 * Tells this process that a meeting's phase, aspects or team changed, so caches built from it
 * (the boxes' directory) forget it at once instead of waiting for their expiry.
 */
@Injectable()
export class MeetingEvents {
  private readonly changes = new Subject<string>();

  get changed(): Observable<string> {
    return this.changes.asObservable();
  }

  announceChange(meetingId: string): void {
    this.changes.next(meetingId);
  }
}
