import { Actor } from '../../common/actor';
import { Clock } from '../../common/clock';
import { UsersService } from '../../users/users.service';
import { RectificationView } from '../rectification.views';
import { PageEntry } from './entry-parts';

/**
 * Reads what the pages show from the service's views: the people's names (the team's and whoever
 * acted), each step's day, and the evidence file's address.
 */
export class EntryReader {
  constructor(
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async read(actor: Actor, entries: Array<RectificationView & { meetingTitle?: string }>, team: Array<{ userId: string; name: string }> = []): Promise<PageEntry[]> {
    const names = new Map(team.map((member) => [member.userId, member.name]));
    const unknown = [...new Set(entries.flatMap((entry) => [entry.ownerUserId, ...entry.history.map((event) => event.actorUserId)]))].filter((id) => !names.has(id));
    if (unknown.length) for (const user of await this.users.findUsers(actor, unknown)) names.set(user.id, user.displayName || user.username);
    const nameOf = (id: string) => names.get(id) ?? '（已不在本单位）';
    return entries.map((entry) => ({
      ...entry,
      ownerName: nameOf(entry.ownerUserId),
      history: entry.history.map((event) => ({
        kind: event.kind,
        day: this.clock.dayOf(new Date(event.at)),
        actorName: nameOf(event.actorUserId),
        note: event.note,
        evidence: event.evidence,
        file: event.evidenceFile ? { href: `/me/rectifications/${entry.id}/evidence/${event.id}`, name: event.evidenceFile.name } : null,
      })),
    }));
  }
}
