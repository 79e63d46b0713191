import ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import { Role } from '../../src/common/roles';
import { openBox, submitOpinion } from '../factories/boxes';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

const LIST_COLUMNS = ['序号', '方面', '意见内容', '提出次数', '来源渠道', '指向', '认领人', '问题认识', '整改措施', '完成时限'];

/** The text of a .docx's main part (word/document.xml), read from the ZIP by hand. */
function docxText(file: Buffer): string {
  let offset = 0;
  while (offset + 30 <= file.length && file.readUInt32LE(offset) === 0x04034b50) {
    const method = file.readUInt16LE(offset + 8);
    const size = file.readUInt32LE(offset + 18);
    const nameLength = file.readUInt16LE(offset + 26);
    const extraLength = file.readUInt16LE(offset + 28);
    const name = file.toString('utf8', offset + 30, offset + 30 + nameLength);
    const start = offset + 30 + nameLength + extraLength;
    if (name === 'word/document.xml') {
      const data = file.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8').replace(/<[^>]+>/g, '');
    }
    offset = start + size;
  }
  throw new Error('no word/document.xml in the file (or a ZIP written with data descriptors)');
}

describe(`exports (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let team: TestTeam;
  let meetingId: string;

  beforeAll(async () => {
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '1000' });
    org = await createOrg(t);
    organiser = org.admin;
    meetingId = (await createMeeting(t, organiser)).id;
    team = await createTeam(t, org, meetingId, 3);
    // k = 3: the three are released together.
    const box = await openBox(t, organiser, meetingId, { releaseThreshold: 3 });
    await submitOpinion(t, box.slug, { text: '会议太多太长，文山会海问题突出，基层疲于应付。' });
    await submitOpinion(t, box.slug, { text: '会议太多太长，文山会海问题突出，基层疲于应付。' });
    await submitOpinion(t, box.slug, { text: '公务用车管理不够规范，存在公车私用的苗头。', targetMemberId: team.members[0].id });
    await t.release();
    await t.http.post(`/api/v1/meetings/${meetingId}/items/publish`).set(organiser.auth).expect(200);
    const [item] = (await t.http.get('/api/v1/me/items').set(team.members[0].auth).expect(200)).body.filter((candidate: { target: { id: string | null } }) => candidate.target.id === team.members[0].id);
    await t.http.post(`/api/v1/items/${item.id}/claims`).set(team.members[0].auth).send({ kind: 'lead' }).expect(201);
    await t.http.put(`/api/v1/items/${item.id}/claims/mine`).set(team.members[0].auth).send({ reflection: '对公车管理制度执行不严。', measures: '建立用车台账，每月公开。', dueDate: '2027-01-31' }).expect(200);
  });
  afterAll(() => t.close());

  /** Asks for a document, waits for it, downloads it. */
  async function exported(what: string, format: string, as: TestUser = organiser): Promise<Buffer> {
    const asked = await t.http.post(`/api/v1/meetings/${meetingId}/exports`).set(as.auth).send({ what, format });
    expect({ status: asked.status, state: asked.body.status }).toEqual({ status: 202, state: 'queued' });
    await t.drain();
    const done = await t.http.get(`/api/v1/exports/${asked.body.id}`).set(as.auth).expect(200);
    expect(done.body).toMatchObject({ status: 'done', downloadUrl: `/api/v1/exports/${asked.body.id}/file` });
    const file = await t.http.get(done.body.downloadUrl).set(as.auth).buffer(true).parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
    expect(file.status).toBe(200);
    return file.body as Buffer;
  }

  it('writes the opinion list as xlsx with the columns organisers hand in', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported('opinion-list', 'xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(LIST_COLUMNS);
    const rows = [];
    for (let row = 2; row <= sheet.rowCount; row++) rows.push((sheet.getRow(row).values as unknown[]).slice(1));
    expect(rows).toHaveLength(2);
    const cars = rows.find((row) => String(row[2]).startsWith('公务用车'))!;
    expect(cars.slice(3)).toEqual([1, '意见箱', team.members[0].displayName, `${team.members[0].displayName}（牵头）`, '对公车管理制度执行不严。', '建立用车台账，每月公开。', '2027-01-31']);
    const meetings = rows.find((row) => String(row[2]).startsWith('会议太多'))!;
    expect(meetings[3]).toBe(2);
  });

  it('writes the opinion list as docx, and the talk coverage as xlsx', async () => {
    const text = docxText(await exported('opinion-list', 'docx'));
    for (const column of LIST_COLUMNS) expect(text).toContain(column);
    expect(text).toContain('公务用车管理不够规范');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported('talk-coverage', 'xlsx')) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0].rowCount).toBe(1 + 3);
  });

  it('fills the report\'s paragraph from the data', async () => {
    const text = docxText(await exported('progress-report', 'docx'));
    expect(text).toMatch(/召开座谈会0场，发放征求意见表0份，设置意见箱1个，共收集意见建议3条，归纳为\d+个方面2条。班子成员之间、班子成员与分管部门负责同志开展谈心谈话0人次/);
  });

  it('refuses a format a document does not come in, and is the asker\'s alone', async () => {
    const refused = await t.http.post(`/api/v1/meetings/${meetingId}/exports`).set(organiser.auth).send({ what: 'talk-coverage', format: 'docx' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const asked = await t.http.post(`/api/v1/meetings/${meetingId}/exports`).set(organiser.auth).send({ what: 'opinion-list', format: 'xlsx' }).expect(202);
    await t.drain();
    const colleague = await org.user([Role.Organiser]);
    await t.http.get(`/api/v1/exports/${asked.body.id}`).set(colleague.auth).expect(404);
    await t.http.get(`/api/v1/exports/${asked.body.id}`).set((await createOrg(t)).admin.auth).expect(404);
    const supervisor = await org.user([Role.Supervisor]);
    await t.http.post(`/api/v1/meetings/${meetingId}/exports`).set(supervisor.auth).send({ what: 'opinion-list', format: 'xlsx' }).expect(403);
  });
});
