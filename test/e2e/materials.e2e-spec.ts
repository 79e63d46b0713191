import { readdirSync } from 'node:fs';
import { Role } from '../../src/common/roles';
import { CONTENT_TYPES, docx, PDF, zip } from '../factories/files';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';
import { binaryBody } from '../setup/binary-body';

const DOCX = docx('王刚同志对照检查材料');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300)]);
const ZIP_NOT_WORD = zip({ '[Content_Types].xml': CONTENT_TYPES(''), 'xl/workbook.xml': '<workbook/>' });
const UPLOAD_LIMIT = 8 * 1024;

describe(`check materials (对照检查材料) (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let team: TestTeam;
  let meetingId: string;

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_MAX_BYTES: String(UPLOAD_LIMIT) });
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    meetingId = (await createMeeting(t, organiser)).id;
    team = await createTeam(t, org, meetingId, 4);
  });
  afterAll(() => t.close());

  const path = (member: TestUser, rest = '') => `/api/v1/meetings/${meetingId}/materials/${member.id}${rest}`;
  const move = (by: TestUser, member: TestUser, status: string, comment?: string) => t.http.post(path(member, '/status')).set(by.auth).send({ status, ...(comment ? { comment } : {}) });
  const upload = (by: TestUser, member: TestUser, content: Buffer, contentType: string, name = '对照检查材料.pdf') =>
    t.http.put(path(member, `/file?name=${encodeURIComponent(name)}`)).set(by.auth).set('content-type', contentType).send(content);
  const filesOnDisk = () => {
    try {
      return readdirSync(t.config.uploads.dir).sort();
    } catch {
      return [];
    }
  };

  it('lists every team member\'s material, not started until they start', async () => {
    const response = await t.http.get(`/api/v1/meetings/${meetingId}/materials`).set(organiser.auth).expect(200);
    expect(response.body.map((material: { name: string; status: string; reviewedBy: string }) => [material.name, material.status, material.reviewedBy])).toEqual([
      [team.secretary.displayName, 'not-started', 'organiser'],
      ...team.members.map((member) => [member.displayName, 'not-started', 'secretary']),
    ]);
  });

  it('goes drafting → submitted → returned with comments → submitted → approved, each step by its party, all recorded', async () => {
    const member = team.members[0];
    await move(member, member, 'drafting').expect(200);
    await move(member, member, 'submitted').expect(200);
    const noComment = await move(team.secretary, member, 'returned');
    expect({ status: noComment.status, code: noComment.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const returned = await move(team.secretary, member, 'returned', '对照检查不够深刻，要联系分管工作实际。').expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: '对照检查不够深刻，要联系分管工作实际。' });
    await move(member, member, 'submitted').expect(200);
    const approved = await move(team.secretary, member, 'approved').expect(200);
    expect(approved.body.history.map((event: { from: string; to: string; by: { userId: string } }) => `${event.from}→${event.to} by ${event.by.userId === member.id ? 'member' : 'secretary'}`)).toEqual([
      'not-started→drafting by member',
      'drafting→submitted by member',
      'submitted→returned by secretary',
      'returned→submitted by member',
      'submitted→approved by secretary',
    ]);
    expect(approved.body.history.every((event: { at: string }) => !Number.isNaN(Date.parse(event.at)))).toBe(true);
  });

  it.each<[string, string, string[]]>([
    ['approve what was never submitted', 'approved', []],
    ['return a draft', 'returned', ['drafting']],
    ['go back to drafting once approved', 'drafting', ['submitted', 'approved']],
    ['submit twice', 'submitted', ['submitted']],
    ['go back to not started', 'not-started', ['drafting']],
  ])('refuses to %s with 409 ILLEGAL_TRANSITION and changes nothing', async (_case, to, steps) => {
    const member = team.members[1];
    // Fresh material each time: a new meeting with the same team.
    const fresh = (await createMeeting(t, organiser)).id;
    await t.http
      .put(`/api/v1/meetings/${fresh}/team`)
      .set(organiser.auth)
      .send({ members: [{ userId: team.secretary.id, role: 'secretary', oversees: [] }, { userId: member.id, role: 'member', oversees: [] }] })
      .expect(200);
    for (const status of steps) {
      const by = status === 'approved' || status === 'returned' ? team.secretary : member;
      await t.http.post(`/api/v1/meetings/${fresh}/materials/${member.id}/status`).set(by.auth).send({ status, comment: '意见' }).expect(200);
    }
    const before = (await t.http.get(`/api/v1/meetings/${fresh}/materials/${member.id}`).set(organiser.auth).expect(200)).body;
    const by = to === 'approved' || to === 'returned' ? team.secretary : member;
    const refused = await t.http.post(`/api/v1/meetings/${fresh}/materials/${member.id}/status`).set(by.auth).send({ status: to, comment: '意见' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'ILLEGAL_TRANSITION' });
    expect((await t.http.get(`/api/v1/meetings/${fresh}/materials/${member.id}`).set(organiser.auth).expect(200)).body).toEqual(before);
  });

  it('lets only the right party make a move: 403 for the wrong one, 404 for someone who may not see it', async () => {
    const member = team.members[2];
    await move(member, member, 'submitted').expect(200);
    const selfApproval = await move(member, member, 'approved');
    expect({ status: selfApproval.status, code: selfApproval.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const byOrganiser = await move(organiser, member, 'approved');
    expect(byOrganiser.status).toBe(403);
    const byPeer = await move(team.members[0], member, 'approved');
    expect(byPeer.status).toBe(404);
    await t.http.get(path(member)).set(team.members[0].auth).expect(404);
    const stranger = (await createOrg(t)).admin;
    await t.http.get(path(member)).set(stranger.auth).expect(404);
  });

  it('has the secretary\'s material reviewed by an organiser or supervisor, not by the secretary', async () => {
    const { secretary } = team;
    await move(secretary, secretary, 'submitted').expect(200);
    expect((await move(secretary, secretary, 'approved')).status).toBe(403);
    const supervisor = await org.user([Role.Supervisor]);
    await move(supervisor, secretary, 'returned', '请补充查摆问题的具体事例。').expect(200);
    await move(secretary, secretary, 'submitted').expect(200);
    await move(organiser, secretary, 'approved').expect(200);
  });

  describe('the file', () => {
    it('takes a PDF by its content, starts the draft, and gives it back byte for byte', async () => {
      const member = team.members[0];
      const fresh = (await createMeeting(t, organiser)).id;
      await t.http.put(`/api/v1/meetings/${fresh}/team`).set(organiser.auth).send({ members: [{ userId: team.secretary.id, role: 'secretary', oversees: [] }, { userId: member.id, role: 'member', oversees: [] }] }).expect(200);
      const url = `/api/v1/meetings/${fresh}/materials/${member.id}`;
      const before = filesOnDisk();
      const uploaded = await t.http.put(`${url}/file?name=${encodeURIComponent('王刚 对照检查材料.pdf')}`).set(member.auth).set('content-type', 'application/pdf').send(PDF).expect(200);
      expect(uploaded.body).toMatchObject({ status: 'drafting', file: { name: '王刚 对照检查材料.pdf', type: 'pdf', size: PDF.length } });
      expect(filesOnDisk().length).toBe(before.length + 1);

      const download = await t.http.get(`${url}/file`).set(team.secretary.auth).buffer(true).parse(binaryBody);
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);

      const replaced = await t.http.put(`${url}/file?name=material.docx`).set(member.auth).set('content-type', 'application/octet-stream').send(DOCX).expect(200);
      expect(replaced.body.file).toEqual({ name: 'material.docx', type: 'docx', size: DOCX.length });
      expect(filesOnDisk().length).toBe(before.length + 1);

      await t.http.post(`${url}/status`).set(member.auth).send({ status: 'submitted' }).expect(200);
      const late = await t.http.put(`${url}/file`).set(member.auth).set('content-type', 'application/pdf').send(PDF);
      expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'ILLEGAL_TRANSITION' });
    });

    it.each<[string, Buffer, string, number]>([
      ['a PNG declared as a PDF', PNG, 'application/pdf', 415],
      ['a PNG as itself', PNG, 'image/png', 415],
      ['text declared as a PDF', Buffer.from('这不是PDF文件'), 'application/pdf', 415],
      ['a ZIP that is not a Word document', ZIP_NOT_WORD, 'application/octet-stream', 415],
      ['a Word document declared as a PDF', DOCX, 'application/pdf', 415],
      ['a PDF over the size limit', Buffer.concat([PDF, Buffer.alloc(UPLOAD_LIMIT)]), 'application/pdf', 413],
    ])('refuses %s (%#) and keeps nothing on disk', async (_case, content, contentType, status) => {
      const member = team.members[1];
      const before = filesOnDisk();
      const materialBefore = (await t.http.get(path(member)).set(member.auth).expect(200)).body;
      const response = await upload(member, member, content, contentType);
      expect({ status: response.status, code: response.body.code }).toEqual({ status, code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE' });
      expect(filesOnDisk()).toEqual(before);
      expect((await t.http.get(path(member)).set(member.auth).expect(200)).body).toEqual(materialBefore);
    });

    it('is uploaded by its author only', async () => {
      const response = await upload(team.secretary, team.members[2], PDF, 'application/pdf');
      expect(response.status).toBe(403);
    });
  });
});
