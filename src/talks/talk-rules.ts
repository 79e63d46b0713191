import { TalkRule, TalkRuleSettings } from '../meetings/talk-rule-settings';
import { TeamRole } from '../meetings/team-member.entity';

// The rules themselves are a meeting's settings (meetings/talk-rule-settings.ts); here is what they require.
export { DEFAULT_TALK_RULES, TALK_RULES, talkRulesOf } from '../meetings/talk-rule-settings';
export type { TalkRule, TalkRuleSettings } from '../meetings/talk-rule-settings';

export type CounterpartRole = 'secretary' | 'member' | 'department-head' | 'branch-member';

/** One person on the team, as the rules need them. */
export interface TeamSeat {
  userId: string;
  name: string;
  role: TeamRole;
  /** Ids of the departments they oversee (分管). */
  oversees: string[];
  branchId: string | null;
}

/** A department's head (主要负责同志): an account, or only a name. */
export interface DepartmentHead {
  departmentId: string;
  departmentName: string;
  headUserId: string | null;
  headName: string;
}

export interface BranchPerson {
  userId: string;
  name: string;
  branchId: string;
}

/** The other side of a required talk. Without an account (`userId` null) they are known by name. */
export interface Counterpart {
  /** Stable within a meeting: `user:<id>` or `name:<name>`. */
  key: string;
  userId: string | null;
  name: string;
  role: CounterpartRole;
  /** For a department head: the department that makes the talk required. */
  departmentName?: string;
}

/** One required pair: a talk between `a` and the counterpart, in either direction, satisfies it. */
export interface RequiredTalk {
  /** The same for A–B and B–A. */
  pairKey: string;
  a: string;
  counterpart: Counterpart;
  rule: TalkRule;
}

export function userKey(userId: string): string {
  return `user:${userId}`;
}

export function nameKey(name: string): string {
  return `name:${normaliseName(name)}`;
}

/** Names compare without surrounding or inner spaces: 王 刚 and 王刚 are one person. */
export function normaliseName(name: string): string {
  return name.replace(/\s+/g, '');
}

export function pairKeyOf(a: string, counterpartKey: string): string {
  const left = userKey(a);
  return left < counterpartKey ? `${left}|${counterpartKey}` : `${counterpartKey}|${left}`;
}

/**
 * The required pairs for a team under the meeting's rules, each pair once: when two rules
 * require the same two people to talk, the first rule in TALK_RULES names it. Members are taken
 * in team order, so the list reads like the organiser's own table.
 */
export function requiredTalks(team: readonly TeamSeat[], heads: readonly DepartmentHead[], branchPeople: readonly BranchPerson[], rules: TalkRuleSettings): RequiredTalk[] {
  const pairs = new Map<string, RequiredTalk>();
  const add = (a: TeamSeat, counterpart: Counterpart, rule: TalkRule) => {
    if (counterpart.userId === a.userId) return;
    const pairKey = pairKeyOf(a.userId, counterpart.key);
    if (!pairs.has(pairKey)) pairs.set(pairKey, { pairKey, a: a.userId, counterpart, rule });
  };
  const asCounterpart = (seat: TeamSeat): Counterpart => ({ key: userKey(seat.userId), userId: seat.userId, name: seat.name, role: seat.role === 'secretary' ? 'secretary' : 'member' });

  const secretary = team.find((seat) => seat.role === 'secretary');
  const members = team.filter((seat) => seat.role !== 'secretary');
  if (rules['secretary-member'] && secretary) for (const member of members) add(secretary, asCounterpart(member), 'secretary-member');
  if (rules['member-member']) {
    members.forEach((member, index) => {
      for (const other of members.slice(index + 1)) add(member, asCounterpart(other), 'member-member');
    });
  }
  if (rules['department-head']) {
    for (const seat of team) {
      for (const departmentId of seat.oversees) {
        const head = heads.find((candidate) => candidate.departmentId === departmentId);
        if (!head) continue;
        // A head known by name only who is this member himself needs no talk with himself.
        if (!head.headUserId && normaliseName(head.headName) === normaliseName(seat.name)) continue;
        const key = head.headUserId ? userKey(head.headUserId) : nameKey(head.headName);
        add(seat, { key, userId: head.headUserId, name: head.headName, role: 'department-head', departmentName: head.departmentName }, 'department-head');
      }
    }
  }
  if (rules.branch) {
    for (const seat of team) {
      if (!seat.branchId) continue;
      for (const person of branchPeople.filter((candidate) => candidate.branchId === seat.branchId)) {
        add(seat, { key: userKey(person.userId), userId: person.userId, name: person.name, role: 'branch-member' }, 'branch');
      }
    }
  }
  return [...pairs.values()];
}

/** What a logged talk tells the matrix: who talked, and whether the counterpart has confirmed it. */
export interface TalkTrace {
  loggedBy: string;
  counterpartUserId: string | null;
  counterpartName: string | null;
  confirmed: boolean;
}

export type PairStatus = 'pending' | 'held' | 'confirmed';

/** Each pair's status: `held` once a talk between the two is logged by either side, `confirmed` once one is confirmed. */
export function pairStatuses(talks: readonly TalkTrace[]): (pairKey: string) => PairStatus {
  const statuses = new Map<string, PairStatus>();
  for (const talk of talks) {
    const counterpartKey = talk.counterpartUserId ? userKey(talk.counterpartUserId) : nameKey(talk.counterpartName ?? '');
    const key = pairKeyOf(talk.loggedBy, counterpartKey);
    if (talk.confirmed) statuses.set(key, 'confirmed');
    else if (!statuses.has(key)) statuses.set(key, 'held');
  }
  return (pairKey) => statuses.get(pairKey) ?? 'pending';
}
