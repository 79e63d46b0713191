import { Symposium } from './symposium.entity';
import { WrittenSolicitation } from './written-solicitation.entity';

export class SymposiumView {
  id: string;
  meetingId: string;
  heldOn: string;
  audience: string;
  attendeeCount: number;
  opinionCount: number;
}

export class WrittenSolicitationView {
  id: string;
  meetingId: string;
  fromBody: string;
  receivedOn: string;
  opinionCount: number;
}

export function toSymposiumView(symposium: Symposium): SymposiumView {
  const { id, meetingId, heldOn, audience, attendeeCount, opinionCount } = symposium;
  return { id, meetingId, heldOn, audience, attendeeCount, opinionCount };
}

export function toWrittenSolicitationView(written: WrittenSolicitation): WrittenSolicitationView {
  const { id, meetingId, fromBody, receivedOn, opinionCount } = written;
  return { id, meetingId, fromBody, receivedOn, opinionCount };
}
