import ExcelJS from 'exceljs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '../../src/common/roles';
import { ExportJob } from '../../src/exports/export-job.entity';
import { openBox, submitOpinion } from '../factories/boxes';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { signInToPages } from '../factories/pages';
import { docxText, docxXml } from '../setup/docx';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';
import { binaryBody } from '../setup/binary-body';

const LIST_COLUMNS = ['序号', '方面', '意见内容', '提出次数', '来源渠道', '指向', '认领人', '问题认识', '整改措施', '完成时限'];



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
    const file = await t.http.get(done.body.downloadUrl).set(as.auth).buffer(true).parse(binaryBody);
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

  it('answers 410 FILE_GONE, not a broken download, when the file has left the exports directory', async () => {
    // As when the API and a worker on another server do not share EXPORT_DIR, or someone cleaned it.
    const asked = await t.http.post(`/api/v1/meetings/${meetingId}/exports`).set(organiser.auth).send({ what: 'opinion-list', format: 'xlsx' }).expect(202);
    await t.drain();
    const { fileKey } = await t.dataSource.getRepository(ExportJob).findOneByOrFail({ id: asked.body.id });
    rmSync(join(t.config.exports.dir, fileKey!));
    const gone = await t.http.get(`/api/v1/exports/${asked.body.id}/file`).set(organiser.auth);
    expect({ status: gone.status, code: gone.body.code, message: gone.body.message }).toEqual({ status: 410, code: 'FILE_GONE', message: expect.stringContaining('请重新导出') });
  });
});

const LEDGER_COLUMNS = ['序号', '问题', '整改措施', '责任人', '完成时限', '进展', '销号情况'];

describe(`the rectification ledger export (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let team: TestTeam;
  let meetingId: string;
  const title = '2026年度专题民主生活会';

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-12-20T02:00:00Z');
    org = await createOrg(t);
    const meeting = await createMeeting(t, org.admin, { title });
    meetingId = meeting.id;
    team = await createTeam(t, org, meetingId, 3);
    // One entry from the secretary's answered claim, numbered measures and all.
    const item = await t.http.post(`/api/v1/meetings/${meetingId}/items`).set(org.admin.auth).send({ summary: '调查研究不够深入，下基层次数偏少。', aspect: meeting.aspects[0] }).expect(201);
    await t.http.post(`/api/v1/meetings/${meetingId}/items/publish`).set(org.admin.auth).expect(200);
    await t.http.post(`/api/v1/items/${item.body.id}/claims`).set(team.secretary.auth).send({ kind: 'lead' }).expect(201);
    await t.http
      .put(`/api/v1/items/${item.body.id}/claims/mine`)
      .set(team.secretary.auth)
      .send({ reflection: '调查研究不够深入。', measures: '1. 每季度到基层蹲点调研一次。\n2. 建立班子成员联系点制度。', dueDate: '2027-06-30' })
      .expect(200);
    await t.http.post(`/api/v1/meetings/${meetingId}/rectifications/from-claims`).set(org.admin.auth).expect(200);
    // One typed, reported and closed out; one reported and waiting; one past its deadline.
    const typed = async (problem: string, owner: TestUser, dueDate: string): Promise<string> => {
      t.clock.advance(1000);
      const body = { problem, measures: ['开展专项整治', '建立长效机制'], ownerUserId: owner.id, dueDate };
      return (await t.http.post(`/api/v1/meetings/${meetingId}/rectifications`).set(org.admin.auth).send(body).expect(201)).body.id;
    };
    const closed = await typed('文山会海问题突出。', team.members[0], '2027-03-31');
    await t.http.post(`/api/v1/rectifications/${closed}/reports`).set(team.members[0].auth).send({ note: '会议数量压缩三成。', evidence: '办公室通报第3期' }).expect(201);
    await t.http.post(`/api/v1/rectifications/${closed}/close`).set(org.admin.auth).send({ note: '同意销号。' }).expect(200);
    const reported = await typed('年轻干部培养力度不够。', team.members[1], '2027-05-31');
    await t.http.post(`/api/v1/rectifications/${reported}/reports`).set(team.members[1].auth).send({ note: '制定年轻干部培养计划。' }).expect(201);
    await typed('意识形态工作责任制落实不到位。', team.members[1], '2026-12-01');
  });
  afterAll(() => t.close());

  /** A finished export's file, as the organiser downloads it. */
  async function fileAt(url: string): Promise<Buffer> {
    const file = await t.http.get(url).set(org.admin.auth).buffer(true).parse(binaryBody);
    expect(file.status).toBe(200);
    return file.body as Buffer;
  }

  /** Asks for a meeting's document, waits for it, downloads it. */
  async function exported(format: string, what = 'rectification-ledger', id = meetingId): Promise<Buffer> {
    const asked = await t.http.post(`/api/v1/meetings/${id}/exports`).set(org.admin.auth).send({ what, format }).expect(202);
    await t.drain();
    const done = await t.http.get(`/api/v1/exports/${asked.body.id}`).set(org.admin.auth).expect(200);
    expect(done.body.status).toBe('done');
    return fileAt(done.body.downloadUrl);
  }

  it('writes the ledger as xlsx in the layout party offices use', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported('xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(LEDGER_COLUMNS);
    const rows: unknown[][] = [];
    for (let row = 2; row <= sheet.rowCount; row++) rows.push((sheet.getRow(row).values as unknown[]).slice(1));
    expect(rows.map((row) => row[0])).toEqual([1, 2, 3, 4]);
    const [job] = await t.dataSource.getRepository(ExportJob).find({ where: { meetingId, what: 'rectification-ledger' } });
    expect(job.fileName).toBe(`${title}整改台账.xlsx`);
    const row = (problem: string) => rows.find((candidate) => candidate[1] === problem)!.slice(1);
    expect(row('调查研究不够深入，下基层次数偏少。')).toEqual([
      '调查研究不够深入，下基层次数偏少。',
      '1. 每季度到基层蹲点调研一次。\n2. 建立班子成员联系点制度。',
      team.secretary.displayName,
      '2027年6月30日',
      '',
      '未完成',
    ]);
    expect(row('文山会海问题突出。')).toEqual([
      '文山会海问题突出。',
      '1. 开展专项整治\n2. 建立长效机制',
      team.members[0].displayName,
      '2027年3月31日',
      '2026年12月20日：会议数量压缩三成。（佐证：办公室通报第3期）',
      '已销号（2026年12月20日）',
    ]);
    expect(row('年轻干部培养力度不够。').slice(4)).toEqual(['2026年12月20日：制定年轻干部培养计划。', '已报告待销号']);
    expect(row('意识形态工作责任制落实不到位。').slice(3)).toEqual(['2026年12月1日', '', '已逾期']);
  });

  it('writes the ledger as a landscape docx under the meeting\'s title', async () => {
    const xml = docxXml(await exported('docx'));
    expect(xml).toContain('w:orient="landscape"');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(`${title}整改台账`);
    for (const column of LEDGER_COLUMNS) expect(text).toContain(column);
    // Each measure its own line in the cell, numbered.
    expect(xml).toMatch(/1\. 每季度到基层蹲点调研一次。<\/w:t>.*?<w:p>.*?2\. 建立班子成员联系点制度。/s);
    expect(text).toContain('已销号（2026年12月20日）');
  });

  it('marks the entries carried into next year\'s ledger on both sides, and opens next year\'s report with how the last went', async () => {
    const next = await createMeeting(t, org.admin, { title: '2027年度专题民主生活会', year: 2027, previousMeetingId: meetingId });
    const rowsOf = async (id: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await exported('xlsx', 'rectification-ledger', id)) as unknown as ExcelJS.Buffer);
      const sheet = workbook.worksheets[0];
      const rows = new Map<string, unknown>();
      for (let row = 2; row <= sheet.rowCount; row++) rows.set(String(sheet.getRow(row).getCell(2).value), sheet.getRow(row).getCell(7).value);
      return rows;
    };
    expect(Object.fromEntries(await rowsOf(next.id))).toEqual({
      '调查研究不够深入，下基层次数偏少。': '未完成（上年度转入）',
      '年轻干部培养力度不够。': '已报告待销号（上年度转入）',
      '意识形态工作责任制落实不到位。': '已逾期（上年度转入）',
    });
    const last = await rowsOf(meetingId);
    expect(last.get('文山会海问题突出。')).toBe('已销号（2026年12月20日）');
    expect(last.get('意识形态工作责任制落实不到位。')).toBe('已逾期（已转入下一年度继续整改）');

    expect(docxText(await exported('docx', 'progress-report', next.id))).toContain(`${title}查摆出的问题，共列入整改台账4条，已完成整改并销号1条`);
  });

  it('is offered on the meeting\'s page in both formats', async () => {
    const overview = await t.http.get(`/meetings/${meetingId}`).set('cookie', await signInToPages(t, org.admin.username));
    expect(overview.status).toBe(200);
    expect(overview.text).toContain('导出整改台账 Excel');
    expect(overview.text).toContain('导出整改台账 Word');
  });
});
