import { Role } from '../../src/common/roles';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { redirectedTo, signInToPages } from '../factories/pages';
import { docxXml } from '../setup/docx';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';
import { binaryBody } from '../setup/binary-body';


/** Each paragraph's text, in order. */
const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => match[0].replace(/<[^>]+>/g, '')).filter(Boolean);

interface Draft {
  title: string;
  sections: Array<{ key: string; title: string; paragraphs: string[] }>;
  coverage: { claimed: number; answered: number; missing: string[]; missingItems: Array<{ id: string; summary: string }> };
  version: number | null;
}

describe(`对照检查材料 drafts from the claims (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let team: TestTeam;
  let member: TestUser;
  let meetingId: string;
  let aspects: string[];
  const items: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrg(t);
    const meeting = await createMeeting(t, org.admin);
    meetingId = meeting.id;
    aspects = meeting.aspects;
    team = await createTeam(t, org, meetingId, 3);
    member = team.members[0];
    // Made in the reverse of the meeting's order: the draft puts them back in it.
    const later = await t.http.post(`/api/v1/meetings/${meetingId}/items`).set(org.admin.auth).send({ summary: '深入基层调研不够，下基层次数偏少。', aspect: aspects[2], targetMemberId: member.id }).expect(201);
    const earlier = await t.http.post(`/api/v1/meetings/${meetingId}/items`).set(org.admin.auth).send({ summary: '理论学习不够系统，学用结合不紧。', aspect: aspects[0], targetMemberId: member.id }).expect(201);
    items.push(later.body.id, earlier.body.id);
    await t.http.post(`/api/v1/meetings/${meetingId}/items/publish`).set(org.admin.auth).expect(200);
    for (const [id, answer] of [
      [later.body.id, { reflection: '对调查研究重视不够，习惯于听汇报、看材料。', measures: '每季度到分管领域基层蹲点调研不少于一次。', dueDate: '2027-06-30' }],
      [earlier.body.id, { reflection: '理论学习满足于完成规定动作，学深悟透不够。', measures: '制定个人学习计划，每月撰写一篇学习体会。', dueDate: '2027-03-31' }],
    ] as const) {
      await t.http.post(`/api/v1/items/${id}/claims`).set(member.auth).send({ kind: 'lead' }).expect(201);
      await t.http.put(`/api/v1/items/${id}/claims/mine`).set(member.auth).send(answer).expect(200);
    }
  });
  afterAll(() => t.close());

  const path = (who: string, rest = '') => `/api/v1/meetings/${meetingId}/materials/${who}/draft${rest}`;
  const section = (draft: Draft, key: string) => draft.sections.find((candidate) => candidate.key === key)!.paragraphs;

  it('assembles the problems by aspect in the meeting\'s order, the measures with their deadlines, and covers both claims', async () => {
    const draft: Draft = (await t.http.get(path(member.id)).set(member.auth).expect(200)).body;
    expect(draft.title).toBe(`${member.displayName}同志2026年度民主生活会个人对照检查材料`);
    expect(draft.sections.map((candidate) => candidate.title)).toEqual(['一、上年度整改措施落实情况', '二、存在的问题', '三、产生问题的原因分析', '四、今后的努力方向和整改措施']);
    expect(section(draft, 'problems')).toEqual([
      `（一）在“${aspects[0]}”方面。`,
      '一是理论学习满足于完成规定动作，学深悟透不够。比如：理论学习不够系统，学用结合不紧。',
      `（二）在“${aspects[2]}”方面。`,
      '一是对调查研究重视不够，习惯于听汇报、看材料。比如：深入基层调研不够，下基层次数偏少。',
    ]);
    expect(section(draft, 'measures')).toEqual(['（一）制定个人学习计划，每月撰写一篇学习体会。（完成时限：2027年3月31日）', '（二）每季度到分管领域基层蹲点调研不少于一次。（完成时限：2027年6月30日）']);
    expect(section(draft, 'causes')).toEqual(['（请结合自身实际补充）']);
    expect(section(draft, 'carry-over')).toEqual(['（请结合自身实际补充）']);
    expect(draft.coverage).toEqual({ claimed: 2, answered: 2, missing: [], missingItems: [] });
    expect(draft.version).toBeNull();
    // The secretary and the organiser read it too.
    await t.http.get(path(member.id)).set(team.secretary.auth).expect(200);
    await t.http.get(path(member.id)).set(org.admin.auth).expect(200);
  });

  it('keeps each save as a new version, and the coverage follows the edited text', async () => {
    const draft: Draft = (await t.http.get(path(member.id)).set(member.auth).expect(200)).body;
    const problems = section(draft, 'problems').slice(0, 2);
    const first = await t.http.put(path(member.id)).set(member.auth).send({ sections: [{ key: 'causes', paragraphs: ['一是理想信念有所放松。', '  ', '二是宗旨意识有所淡化。'] }] }).expect(200);
    expect(first.body).toMatchObject({ version: 1, coverage: { claimed: 2, answered: 2 } });
    expect(section(first.body, 'causes')).toEqual(['一是理想信念有所放松。', '二是宗旨意识有所淡化。']);
    const second = await t.http.put(path(member.id)).set(member.auth).send({ sections: [{ key: 'problems', paragraphs: problems }] }).expect(200);
    expect(second.body).toMatchObject({ version: 2, coverage: { claimed: 2, answered: 1, missing: [items[0]], missingItems: [{ id: items[0], summary: '深入基层调研不够，下基层次数偏少。' }] } });
    const again: Draft = (await t.http.get(path(member.id)).set(member.auth).expect(200)).body;
    expect(again.version).toBe(2);
    expect(section(again, 'problems')).toEqual(problems);
    expect(section(again, 'causes')).toEqual(['一是理想信念有所放松。', '二是宗旨意识有所淡化。']);
    // The organiser's board says so, member by member: 1 of the 2 claimed items answered.
    const board = await t.http.get(`/meetings/${meetingId}/board`).set('cookie', await signInToPages(t, org.admin.username)).expect(200);
    const row = board.text.match(new RegExp(`<tr>(?:(?!</tr>).)*${member.displayName}(?:(?!</tr>).)*</tr>`, 's'))?.[0] ?? '';
    expect({ header: board.text.includes('材料回应认领'), row: row.replace(/<[^>]+>/g, ' ') }).toEqual({ header: true, row: expect.stringMatching(/\b1\/2\b/) });
  });

  it('writes the docx with the same text, and its layout', async () => {
    const draft: Draft = (await t.http.get(path(member.id)).set(member.auth).expect(200)).body;
    const response = await t.http.get(path(member.id, '.docx')).set(member.auth).buffer(true).parse(binaryBody);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers['content-disposition']).toContain(`attachment; filename*=UTF-8''${encodeURIComponent(draft.title)}.docx`);
    const xml = docxXml(response.body as Buffer);
    expect(paragraphsOf(xml)).toEqual([draft.title, ...draft.sections.flatMap((candidate) => [candidate.title, ...candidate.paragraphs])]);
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:firstLine="640"');
    expect(xml).toContain('w:jc w:val="center"');
  });

  it('asks for a confirmation before a draft with unanswered items is submitted, and records it', async () => {
    const refused = await t.http.post(`/api/v1/meetings/${meetingId}/materials/${member.id}/status`).set(member.auth).send({ status: 'submitted' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'UNCOVERED_ITEMS' });
    expect(refused.body.message).toContain('深入基层调研不够');
    const submitted = await t.http.post(`/api/v1/meetings/${meetingId}/materials/${member.id}/status`).set(member.auth).send({ status: 'submitted', confirmUncovered: true }).expect(200);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.history.at(-1).note).toBe('以草稿第2版提交，经确认尚有 1 条认领事项未回应：“深入基层调研不够，下基层次数偏少。”');
  });

  it('drafts the team\'s material for the secretary from the team items; the organiser reads it', async () => {
    const item = await t.http.post(`/api/v1/meetings/${meetingId}/items`).set(org.admin.auth).send({ summary: '会议文件多，基层负担重。', aspect: aspects[1] }).expect(201);
    await t.http.post(`/api/v1/meetings/${meetingId}/items/publish`).set(org.admin.auth).expect(200);
    await t.http.post(`/api/v1/items/${item.body.id}/claims`).set(team.secretary.auth).send({ kind: 'lead' }).expect(201);
    await t.http.put(`/api/v1/items/${item.body.id}/claims/mine`).set(team.secretary.auth).send({ reflection: '班子落实精文减会要求不够有力。', measures: '严控发文数量和会议规模。', dueDate: '2027-06-30' }).expect(200);
    const draft: Draft = (await t.http.get(path('team')).set(team.secretary.auth).expect(200)).body;
    expect(draft.title).toBe('领导班子2026年度民主生活会对照检查材料');
    expect(section(draft, 'problems')).toEqual([`（一）在“${aspects[1]}”方面。`, '一是班子落实精文减会要求不够有力。比如：会议文件多，基层负担重。']);
    expect(draft.coverage).toMatchObject({ claimed: 1, answered: 1 });
    await t.http.get(path('team')).set(org.admin.auth).expect(200);
    await t.http.put(path('team')).set(team.secretary.auth).send({ sections: [{ key: 'causes', paragraphs: ['班子自身建设抓得不够紧。'] }] }).expect(200);
    expect((await t.http.put(path('team')).set(org.admin.auth).send({ sections: [] })).status).toBe(403);
    expect((await t.http.get(path('team')).set(member.auth)).status).toBe(403);
  });

  it('submits the team\'s saved draft as the 领导班子对照检查材料 when no file is uploaded, for the organisers to review', async () => {
    const status = `/api/v1/meetings/${meetingId}/materials/${team.secretary.id}/status?kind=team`;
    const submitted = await t.http.post(status).set(team.secretary.auth).send({ status: 'submitted' }).expect(200);
    expect({ kind: submitted.body.kind, status: submitted.body.status, note: submitted.body.history.at(-1).note }).toEqual({ kind: 'team', status: 'submitted', note: '以草稿第1版提交' });
    expect((await t.http.post(status).set(team.secretary.auth).send({ status: 'approved' })).status).toBe(403);
    expect((await t.http.post(status).set(org.admin.auth).send({ status: 'approved' }).expect(200)).body.status).toBe('approved');
  });

  it('is the member\'s alone to write: a fellow member 404, the secretary 403 on writing, another organisation 404, the 督导组 403', async () => {
    const fellow = team.members[1];
    expect((await t.http.get(path(member.id)).set(fellow.auth)).body.code).toBe('NOT_FOUND');
    expect((await t.http.get(path(member.id, '.docx')).set(fellow.auth)).status).toBe(404);
    expect((await t.http.put(path(member.id)).set(team.secretary.auth).send({ sections: [] })).status).toBe(403);
    expect((await t.http.put(path(member.id)).set(org.admin.auth).send({ sections: [] })).status).toBe(403);
    const supervisor = await org.user([Role.Supervisor]);
    expect((await t.http.get(path(member.id)).set(supervisor.auth)).status).toBe(403);
    const other = await createOrg(t);
    expect((await t.http.get(path(member.id)).set(other.admin.auth)).status).toBe(404);
    expect((await t.http.get(path('team')).set(other.admin.auth)).status).toBe(404);
    expect((await t.http.get(`/api/v1/meetings/${meetingId}/materials/nobody/draft`).set(member.auth)).status).toBe(404);
  });

  it('shows the draft on /me/material, saves it from the form as a new version, and downloads the Word document', async () => {
    const writer = team.members[1];
    const cookie = await signInToPages(t, writer.username);
    const page = await t.http.get('/me/material').set('cookie', cookie).expect(200);
    expect(page.text).toContain(`草稿：${writer.displayName}同志2026年度民主生活会个人对照检查材料`);
    expect(page.text).toContain('已回应 0/0 条认领事项');
    expect(page.text).toContain('二、存在的问题');
    const saved = await t.http.post(`/me/material/${meetingId}/${writer.id}/draft`).set('cookie', cookie).type('form').send({ causes: '一是学习不够。\r\n\r\n二是要求不严。', problems: '（一）在“理论学习”方面。' });
    expect(redirectedTo(saved)).toBe(`/me/material?done=saved&draft=draft-${meetingId}-${writer.id}#draft-${meetingId}-${writer.id}`);
    const draft: Draft = (await t.http.get(path(writer.id)).set(writer.auth).expect(200)).body;
    expect({ version: draft.version, causes: section(draft, 'causes'), carry: section(draft, 'carry-over') }).toEqual({ version: 1, causes: ['一是学习不够。', '二是要求不严。'], carry: ['（请结合自身实际补充）'] });
    const after = await t.http.get('/me/material?done=saved').set('cookie', cookie).expect(200);
    expect(after.text).toContain('第1版 · 保存于');
    expect(after.text).toContain('将以草稿第1版作为材料提交');
    const secretaryPage = await t.http.get('/me/material').set('cookie', await signInToPages(t, team.secretary.username)).expect(200);
    expect(secretaryPage.text).toContain('领导班子2026年度民主生活会对照检查材料');
    const file = await t.http.get(`/me/material/${meetingId}/${writer.id}/draft.docx`).set('cookie', cookie);
    expect({ status: file.status, type: file.headers['content-type'] }).toEqual({ status: 200, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const other = await t.http.get(`/me/material/${meetingId}/${member.id}/draft.docx`).set('cookie', cookie);
    expect(other.status).toBe(404);
  });

  it('answers a refused save from the form with the page: the reason once, in the draft, and the text as typed', async () => {
    const writer = team.members[1];
    const cookie = await signInToPages(t, writer.username);
    const before: Draft = (await t.http.get(path(writer.id)).set(writer.auth).expect(200)).body;
    const typed = `一是学习不够。\n${'长'.repeat(5001)}`;
    const refused = await t.http.post(`/me/material/${meetingId}/${writer.id}/draft`).set('cookie', cookie).type('form').send({ causes: typed, problems: '（一）在“理论学习”方面。' });
    expect(refused.status).toBe(400);
    const reasons = refused.text.match(/class="alert error"[^>]*>[^<]*5000/g) ?? [];
    expect({ reasonsShown: reasons.length }).toEqual({ reasonsShown: 1 });
    const draft = refused.text.slice(refused.text.indexOf(`id="draft-${meetingId}-${writer.id}"`));
    expect(draft).toMatch(/^id="draft-[^"]+" open>/);
    expect(draft.indexOf('5000')).toBeLessThan(draft.indexOf('<form'));
    expect(draft).toContain(`${'长'.repeat(5001)}</textarea>`);
    expect(draft).toContain('（一）在“理论学习”方面。</textarea>');
    expect((await t.http.get(path(writer.id)).set(writer.auth).expect(200)).body.version).toBe(before.version);
  });

  describe('the 发言提纲\'s draft (?kind=outline)', () => {
    const outline = (who: string, rest = '') => `${path(who, rest)}?kind=outline`;

    it('tells the claimed problems briefly, leaves a line for each fellow member to write, and carries the measures', async () => {
      const draft: Draft = (await t.http.get(outline(member.id)).set(member.auth).expect(200)).body;
      expect(draft.title).toBe(`${member.displayName}同志在2026年度民主生活会上的发言提纲`);
      expect(draft.sections.map((one) => [one.key, one.title])).toEqual([
        ['self-criticism', '一、对照检查（自我批评）'],
        ['criticism', '二、对班子其他成员的批评意见'],
        ['direction', '三、今后的努力方向'],
      ]);
      // In the meeting's order of aspects, as the material tells them; no 比如 here.
      expect(section(draft, 'self-criticism')).toEqual(['一是理论学习满足于完成规定动作，学深悟透不够。', '二是对调查研究重视不够，习惯于听汇报、看材料。']);
      const fellows = [team.secretary, ...team.members].filter((one) => one.id !== member.id);
      expect(section(draft, 'criticism')).toEqual(fellows.map((one) => `对${one.displayName}同志：（请结合自身实际补充）`));
      expect(section(draft, 'direction')).toEqual(['（一）制定个人学习计划，每月撰写一篇学习体会。（完成时限：2027年3月31日）', '（二）每季度到分管领域基层蹲点调研不少于一次。（完成时限：2027年6月30日）']);
      expect(draft.coverage).toMatchObject({ claimed: 2, answered: 2, missing: [] });
    });

    it('keeps its versions apart from the 对照检查材料\'s, refuses the material\'s sections, and submits the saved draft as the 发言提纲', async () => {
      const checkBefore: Draft = (await t.http.get(path(member.id)).set(member.auth).expect(200)).body;
      const fellow = team.members[1];
      const saved = await t.http.put(outline(member.id)).set(member.auth).send({ sections: [{ key: 'criticism', paragraphs: [`对${fellow.displayName}同志：抓落实有时不够有力。`] }] }).expect(200);
      expect({ version: saved.body.version, criticism: section(saved.body, 'criticism'), kept: section(saved.body, 'self-criticism').length }).toEqual({ version: 1, criticism: [`对${fellow.displayName}同志：抓落实有时不够有力。`], kept: 2 });
      expect((await t.http.get(path(member.id)).set(member.auth).expect(200)).body.version).toBe(checkBefore.version);
      const foreign = await t.http.put(outline(member.id)).set(member.auth).send({ sections: [{ key: 'causes', paragraphs: ['原因'] }] });
      expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(foreign.body.message).toContain('发言提纲草稿没有“causes”这一部分');
      expect((await t.http.get(`${path(member.id)}?kind=speech`).set(member.auth)).status).toBe(400);
      expect((await t.http.get(outline('team')).set(team.secretary.auth)).status).toBe(404);
      const submitted = await t.http.post(`/api/v1/meetings/${meetingId}/materials/${member.id}/status?kind=outline`).set(member.auth).send({ status: 'submitted' }).expect(200);
      expect({ kind: submitted.body.kind, status: submitted.body.status, note: submitted.body.history.at(-1).note }).toEqual({ kind: 'outline', status: 'submitted', note: '以草稿第1版提交' });
      const docx = await t.http.get(outline(member.id, '.docx')).set(member.auth).buffer(true).parse(binaryBody);
      expect(paragraphsOf(docxXml(docx.body as Buffer))[0]).toBe(`${member.displayName}同志在2026年度民主生活会上的发言提纲`);
    });

    it('shows the draft under the 发言提纲 on /me/material and saves it from the form', async () => {
      const writer = team.members[1];
      const cookie = await signInToPages(t, writer.username);
      const page = (await t.http.get('/me/material').set('cookie', cookie).expect(200)).text;
      expect(page).toContain(`id="draft-outline-${meetingId}-${writer.id}"`);
      expect(page).toContain(`action="/me/material/${meetingId}/${writer.id}/draft?kind=outline"`);
      const saved = await t.http.post(`/me/material/${meetingId}/${writer.id}/draft?kind=outline`).set('cookie', cookie).type('form').send({ 'self-criticism': '一是学习不够深入。' });
      expect(redirectedTo(saved)).toBe(`/me/material?done=saved&draft=draft-outline-${meetingId}-${writer.id}#draft-outline-${meetingId}-${writer.id}`);
      expect(section((await t.http.get(outline(writer.id)).set(writer.auth).expect(200)).body, 'self-criticism')).toEqual(['一是学习不够深入。']);
    });
  });

  it.each<[string, unknown]>([
    ['an unknown section', { sections: [{ key: 'preface', paragraphs: ['前言'] }] }],
    ['a paragraph over 5000 characters', { sections: [{ key: 'causes', paragraphs: ['长'.repeat(5001)] }] }],
    ['over 200 paragraphs', { sections: [{ key: 'causes', paragraphs: Array.from({ length: 201 }, () => '一段') }] }],
    ['a paragraph that is not text', { sections: [{ key: 'causes', paragraphs: [42] }] }],
    ['a section twice', { sections: [{ key: 'causes', paragraphs: ['一'] }, { key: 'causes', paragraphs: ['二'] }] }],
    ['no sections', {}],
  ])('refuses %s with 400 and a Chinese message, keeping no version', async (_case, body) => {
    const before: Draft = (await t.http.get(path(team.members[1].id)).set(team.members[1].auth).expect(200)).body;
    const response = await t.http.put(path(team.members[1].id)).set(team.members[1].auth).send(body as object);
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(response.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await t.http.get(path(team.members[1].id)).set(team.members[1].auth).expect(200)).body.version).toBe(before.version);
  });
});
