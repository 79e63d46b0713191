import { Role } from '../../src/common/roles';
import { TestApp } from '../setup/test-app';
import { TestOrg, TestUser } from './organizations';

export const DEADLINES = {
  collectUntil: '2026-12-10',
  talksUntil: '2026-12-15',
  claimUntil: '2026-12-18',
  materialsUntil: '2026-12-22',
  heldOn: '2026-12-28',
};

export function meetingBody(overrides: Record<string, unknown> = {}) {
  return { title: '2026年度专题民主生活会', year: 2026, kind: 'democratic-life', aspectPreset: '2023-theme-education', deadlines: DEADLINES, ...overrides };
}

export async function createMeeting(t: TestApp, organiser: TestUser, overrides: Record<string, unknown> = {}): Promise<{ id: string; aspects: string[] }> {
  const response = await t.http.post('/api/v1/meetings').set(organiser.auth).send(meetingBody(overrides));
  if (response.status !== 201) throw new Error(`creating a meeting failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export interface TestTeam {
  secretary: TestUser;
  members: TestUser[];
}

/** A meeting team: one secretary and `size - 1` members, each overseeing one new department. */
export async function createTeam(t: TestApp, org: TestOrg, meetingId: string, size = 3): Promise<TestTeam> {
  const people: TestUser[] = [];
  for (let index = 0; index < size; index += 1) people.push(await org.user([Role.Leader]));
  const members = [];
  for (const [index, person] of people.entries()) {
    const department = await org.department();
    members.push({ userId: person.id, role: index === 0 ? 'secretary' : 'member', oversees: [department.id] });
  }
  const response = await t.http.put(`/api/v1/meetings/${meetingId}/team`).set(org.admin.auth).send({ members });
  if (response.status !== 200) throw new Error(`setting the team failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { secretary: people[0], members: people.slice(1) };
}
