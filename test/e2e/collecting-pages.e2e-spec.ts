import { Role } from '../../src/common/roles';
import { dayInWords } from '../../src/web/dates';
import { RawOpinion } from '../../src/opinions/raw-opinion.entity';
import { Symposium } from '../../src/recorded-opinions/symposium.entity';
import { Box } from '../../src/boxes/box.entity';
import { Survey } from '../../src/surveys/survey.entity';
import { SurveyToken } from '../../src/surveys/survey-token.entity';
import { submitOpinion } from '../factories/boxes';
import { createMeeting, createTeam, TestTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { redirectedTo, signInToPages } from '../factories/pages';
import { answer, createSurvey, issueTokens } from '../factories/surveys';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';
import { binaryBody } from '../setup/binary-body';

/** The words of a page without its markup, for asserting what a person reads. */
const wordsOf = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe(`the organiser's collecting pages: boxes, poster, surveys, records (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let team: TestTeam;
  let meeting: { id: string; aspects: string[] };
  let cookie: string;

  beforeAll(async () => {
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '1000', SURVEY_SUBMIT_RATE_LIMIT: '1000' });
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    meeting = await createMeeting(t, organiser, { title: '2026年度<专题>民主生活会' });
    team = await createTeam(t, org, meeting.id, 3);
    cookie = await signInToPages(t, organiser.username);
  });
  afterAll(() => t.close());

  const get = (path: string) => t.http.get(path).set('cookie', cookie);
  const post = (path: string, form: Record<string, string>) => t.http.post(path).set('cookie', cookie).type('form').send(form);

  describe('意见箱 /meetings/:id/boxes', () => {
    it('says no box is open yet and offers the form to open one', async () => {
      const page = await get(`/meetings/${meeting.id}/boxes`).expect(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.text).toContain('意见箱尚未开启');
      expect(page.text).toContain('2026年度&lt;专题&gt;民主生活会');
      expect(page.text).toMatch(/<form method="post" action="\/meetings\/[0-9a-f-]{36}\/boxes">/);
      for (const name of ['title', 'releaseThreshold', 'accessCode', 'closesAt']) expect({ field: name, present: page.text.includes(`name="${name}"`) }).toEqual({ field: name, present: true });
    });

    it('opens a box from the form, then lists it with its state, k and released count, never what is held', async () => {
      const opened = await post(`/meetings/${meeting.id}/boxes`, { title: '机关意见箱', releaseThreshold: '3', accessCode: '', closesAt: '' });
      expect(redirectedTo(opened)).toBe(`/meetings/${meeting.id}/boxes?done=open`);
      const box = await t.dataSource.getRepository(Box).findOneByOrFail({ meetingId: meeting.id, title: '机关意见箱' });
      expect({ threshold: box.releaseThreshold, accessCode: box.accessCode }).toEqual({ threshold: 3, accessCode: null });

      // Two held opinions: below k, so they are in no count on the page.
      await submitOpinion(t, box.slug);
      await submitOpinion(t, box.slug, { text: '调研多集中在机关，下基层一线偏少。' });
      const page = await get(`/meetings/${meeting.id}/boxes?done=open`).expect(200);
      expect(page.text).toContain('意见箱已开启');
      const row = new RegExp(`<tr id="box-${box.id}">([\\s\\S]*?)</tr>`).exec(page.text)?.[1] ?? '';
      expect(wordsOf(row)).toMatch(/机关意见箱 开放中 无 3 条 0 条 填写页面 海报 关闭意见箱/);
      expect(row).toContain(`href="/b/${box.slug}"`);
      expect(row).toContain(`href="/boxes/${box.id}/poster"`);
      expect(row).toContain(`href="/boxes/${box.id}/close"`);
      expect(page.text).not.toContain('2 条');
    });

    it('refuses a bad form with the message in words, keeps what was typed and stores nothing', async () => {
      const before = await t.dataSource.getRepository(Box).countBy({ meetingId: meeting.id });
      const refused = await post(`/meetings/${meeting.id}/boxes`, { title: '带访问码的意见箱', releaseThreshold: '2', accessCode: 'AB', closesAt: '' });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('访问码 应为 4 到 20 位字母或数字');
      expect(refused.text).toContain('公开门槛 过小');
      expect(refused.text).toContain('value="带访问码的意见箱"');
      expect(refused.text).toContain('value="AB"');
      expect(await t.dataSource.getRepository(Box).countBy({ meetingId: meeting.id })).toBe(before);
    });

    it('takes a closing time in the organisation\'s time zone', async () => {
      const opened = await post(`/meetings/${meeting.id}/boxes`, { title: '限时意见箱', releaseThreshold: '5', accessCode: 'DANGWEI2026', closesAt: '2027-01-10T18:00' });
      expect(redirectedTo(opened)).toBe(`/meetings/${meeting.id}/boxes?done=open`);
      const box = await t.dataSource.getRepository(Box).findOneByOrFail({ meetingId: meeting.id, title: '限时意见箱' });
      expect({ closesAt: box.closesAt?.toISOString(), accessCode: box.accessCode }).toEqual({ closesAt: '2027-01-10T10:00:00.000Z', accessCode: 'DANGWEI2026' });
      const page = await get(`/meetings/${meeting.id}/boxes`).expect(200);
      expect(page.text).toContain('2027年1月10日 18:00 自动关闭');
    });

    it('closes a box only after a confirmation page, then shows it closed', async () => {
      const box = await t.dataSource.getRepository(Box).findOneByOrFail({ meetingId: meeting.id, title: '限时意见箱' });
      const confirm = await get(`/boxes/${box.id}/close`).expect(200);
      expect(confirm.text).toContain('确定要关闭“限时意见箱”吗？');
      expect(confirm.text).toContain(`<form method="post" action="/boxes/${box.id}/close"`);
      expect(confirm.text).toContain('确定关闭');
      expect((await t.dataSource.getRepository(Box).findOneByOrFail({ id: box.id })).closedAt).toBeNull();

      expect(redirectedTo(await post(`/boxes/${box.id}/close`, {}))).toBe(`/meetings/${meeting.id}/boxes?done=close`);
      const page = await get(`/meetings/${meeting.id}/boxes?done=close`).expect(200);
      expect(page.text).toContain('意见箱已关闭。');
      const row = new RegExp(`<tr id="box-${box.id}">([\\s\\S]*?)</tr>`).exec(page.text)?.[1] ?? '';
      expect(wordsOf(row)).toContain('已关闭');
      expect(row).not.toContain('关闭意见箱');
      const again = await get(`/boxes/${box.id}/close`).expect(200);
      expect(again.text).toContain('“限时意见箱”已经关闭。');
      expect(again.text).not.toContain('确定关闭');
    });

    it('refuses the pages to a leader and another organisation\'s organiser', async () => {
      const leaderCookie = await signInToPages(t, team.members[0].username);
      const forbidden = await t.http.get(`/meetings/${meeting.id}/boxes`).set('cookie', leaderCookie);
      expect(forbidden.status).toBe(403);
      expect(forbidden.text).toContain('意见箱的管理页面供组织者使用');
      const box = await t.dataSource.getRepository(Box).findOneByOrFail({ meetingId: meeting.id, title: '机关意见箱' });
      expect((await t.http.get(`/boxes/${box.id}/poster`).set('cookie', leaderCookie)).status).toBe(403);

      const other = await createOrg(t);
      const stranger = await other.user([Role.Organiser]);
      const strangerCookie = await signInToPages(t, stranger.username);
      expect((await t.http.get(`/meetings/${meeting.id}/boxes`).set('cookie', strangerCookie)).status).toBe(404);
      expect((await t.http.get(`/boxes/${box.id}/poster`).set('cookie', strangerCookie)).status).toBe(404);
      expect((await t.http.post(`/boxes/${box.id}/close`).set('cookie', strangerCookie).type('form').send({})).status).toBe(404);
    });
  });

  describe('the poster /boxes/:id/poster', () => {
    it('prints the box, the meeting, a QR code, the address, the promise and when opinions are read', async () => {
      const box = await t.dataSource.getRepository(Box).findOneByOrFail({ meetingId: meeting.id, title: '机关意见箱' });
      const poster = await get(`/boxes/${box.id}/poster`).expect(200);
      expect(poster.headers['content-type']).toBe('text/html; charset=utf-8');
      const text = poster.text;
      expect(text).toContain('<h1>机关意见箱</h1>');
      expect(text).toContain('2026年度&lt;专题&gt;民主生活会');
      expect(text).toMatch(/<div class="qr"[^>]*><svg [^>]*viewBox/);
      expect(text).toContain(`<p class="url" id="poster-url">${t.config.publicBaseUrl}/b/${box.slug}</p>`);
      expect(text).toContain('不记录姓名、账号、IP 地址、设备，只记录日期。');
      expect(text).toContain('组织者看不到是谁写的。');
      expect(text).toContain(`收到后给回执码，可凭回执码在 ${t.config.publicBaseUrl}/r 查询办理情况。`);
      expect(wordsOf(text)).toMatch(/意见满 3 条后，在每天 \d\d:00(、\d\d:00)* 统一整理/);
      expect(text).toMatch(/@page\{size:A4/);
      expect(text).not.toContain('访问码：');
      expect(text).not.toMatch(/<script/);
    });

    it('prints the access code when the box has one', async () => {
      const box = await t.dataSource.getRepository(Box).findOneByOrFail({ meetingId: meeting.id, title: '限时意见箱' });
      const poster = await get(`/boxes/${box.id}/poster`).expect(200);
      expect(poster.text).toContain('访问码：<strong id="poster-access-code">DANGWEI2026</strong>');
    });

    it('warns on screen only, not in print, that the address is localhost while PUBLIC_BASE_URL is unset', async () => {
      const box = await t.dataSource.getRepository(Box).findOneByOrFail({ meetingId: meeting.id, title: '机关意见箱' });
      const poster = await get(`/boxes/${box.id}/poster`).expect(200);
      expect(t.config.publicBaseUrlGiven).toBe(false);
      expect(poster.text).toMatch(/<div class="screen-only bar">[\s\S]*id="localhost-warning"[\s\S]*PUBLIC_BASE_URL[\s\S]*<\/div>\s*<article class="poster">/);
      expect(poster.text).toMatch(/@media print\{[^@]*\.screen-only\{display:none\}/);
    });
  });

  describe('征求意见表 /meetings/:id/surveys and /surveys/:id', () => {
    it('creates the ready-made survey with one button and lands on its page', async () => {
      const list = await get(`/meetings/${meeting.id}/surveys`).expect(200);
      expect(list.text).toContain('还没有征求意见表');
      expect(list.text).toContain('按模板创建征求意见表');
      const created = await post(`/meetings/${meeting.id}/surveys/from-template`, {});
      const location = redirectedTo(created);
      expect(location).toMatch(/^\/surveys\/[0-9a-f-]{36}\?done=create$/);
      const page = await get(location).expect(200);
      expect(page.text).toContain('征求意见表已创建');
      expect(page.text).toContain(`题目（${meeting.aspects.length + 2} 道）`);
      expect(page.text).toContain('生成填写码并打开打印页');
    });

    it('creates a custom survey, one text question a line, and refuses one with no questions', async () => {
      const before = await t.dataSource.getRepository(Survey).countBy({ meetingId: meeting.id });
      const refused = await post(`/meetings/${meeting.id}/surveys`, { title: '机关作风问卷', anonymous: 'yes', questions: '  \n ' });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('请至少写一道题，每行一道');
      expect(refused.text).toContain('value="机关作风问卷"');
      expect(await t.dataSource.getRepository(Survey).countBy({ meetingId: meeting.id })).toBe(before);

      const created = await post(`/meetings/${meeting.id}/surveys`, { title: '机关作风问卷', anonymous: 'no', questions: '会风文风方面有何意见？\r\n\r\n调查研究方面有何意见？\r\n' });
      const location = redirectedTo(created);
      const survey = await t.dataSource.getRepository(Survey).findOneByOrFail({ id: location.slice(9, 45) });
      expect({ anonymous: survey.anonymous, questions: survey.questions.map((question) => [question.kind, question.prompt, question.required]) }).toEqual({
        anonymous: false,
        questions: [
          ['text', '会风文风方面有何意见？', false],
          ['text', '调查研究方面有何意见？', false],
        ],
      });
      const list = await get(`/meetings/${meeting.id}/surveys`).expect(200);
      expect(wordsOf(new RegExp(`<tr id="survey-${survey.id}">([\\s\\S]*?)</tr>`).exec(list.text)?.[1] ?? '')).toMatch(/机关作风问卷 2 道题 实名 收集中 0 0 发放填写码与结果 关闭/);
    });

    it('explains the question format beside the box, with an example and the meeting\'s aspects', async () => {
      const list = await get(`/meetings/${meeting.id}/surveys`).expect(200);
      const help = /<aside id="question-format"[\s\S]*?<\/aside>/.exec(list.text)?.[0] ?? '';
      expect(list.text).toContain('aria-describedby="question-format"');
      expect(wordsOf(help)).toContain('[单选] 或 [多选] 写在题目后面，再写选项，选项之间用 / 隔开（2 到 20 个）');
      expect(wordsOf(help)).toContain(`本次会议的方面：${meeting.aspects.join('、')}`);
      expect(help).toContain('1. 您对班子整体工作作风的评价 [单选] 满意 / 基本满意 / 不满意\n');
      expect(list.text).toContain('<button type="submit" name="step" value="preview" class="quiet" id="preview-survey">预览题目</button>');
      expect(list.text).toContain('<button type="submit" name="step" value="create" id="create-survey">创建征求意见表</button>');
    });

    it('previews single-choice, multiple-choice, rating and required text questions, creates them, and the public page asks them', async () => {
      const aspect = meeting.aspects[1];
      const questions = [
        '1. 您对班子整体工作作风的评价 [单选] 满意 / 基本满意 / 不满意',
        '2. 您认为班子最需要改进的方面 [多选] 理论学习 / 工作作风 / 廉洁自律',
        '',
        '3. 班子的总体评价 【评分】',
        `4. 对班子的意见建议 [必填] [方面：${aspect}]`,
      ].join('\r\n');
      const form = { title: '班子作风征求意见表', anonymous: 'yes', questions };
      const before = await t.dataSource.getRepository(Survey).countBy({ meetingId: meeting.id });

      const previewed = await post(`/meetings/${meeting.id}/surveys`, { ...form, step: 'preview' });
      expect(previewed.status).toBe(200);
      const preview = wordsOf(/<section id="survey-preview"[\s\S]*?<\/section>/.exec(previewed.text)?.[0] ?? '');
      expect(preview).toContain('预览：共 4 道题');
      expect(preview).toContain('您对班子整体工作作风的评价 单选题 可不答 ○ 满意 ○ 基本满意 ○ 不满意');
      expect(preview).toContain('您认为班子最需要改进的方面 多选题 可不答 □ 理论学习 □ 工作作风 □ 廉洁自律');
      expect(preview).toContain('班子的总体评价 评分题 可不答 1（很不满意）到 5（很满意）');
      expect(preview).toContain(`对班子的意见建议 文字题 必答 方面：${aspect}`);
      expect(previewed.text).toContain('value="班子作风征求意见表"');
      expect(previewed.text).toContain(`>\n${questions}</textarea>`);
      expect(await t.dataSource.getRepository(Survey).countBy({ meetingId: meeting.id })).toBe(before);

      const location = redirectedTo(await post(`/meetings/${meeting.id}/surveys`, { ...form, step: 'create' }));
      expect(location).toMatch(/^\/surveys\/[0-9a-f-]{36}\?done=create$/);
      const survey = await t.dataSource.getRepository(Survey).findOneByOrFail({ id: location.slice(9, 45) });
      expect(survey.questions.map(({ kind, prompt, options, required, aspect: filedUnder }) => [kind, prompt, options, required, filedUnder])).toEqual([
        ['single', '您对班子整体工作作风的评价', ['满意', '基本满意', '不满意'], false, null],
        ['multi', '您认为班子最需要改进的方面', ['理论学习', '工作作风', '廉洁自律'], false, null],
        ['rating', '班子的总体评价', null, false, null],
        ['text', '对班子的意见建议', null, true, aspect],
      ]);

      const [token] = await issueTokens(t, organiser, survey.id, 1);
      const page = await t.http.get(`/s/${token}`).expect(200);
      expect(page.text).toContain('<h1>班子作风征求意见表</h1>');
      const question = (index: number) => /<fieldset[\s\S]*?<\/fieldset>/g[Symbol.match](page.text)?.[index] ?? '';
      expect(wordsOf(question(0))).toContain('1. 您对班子整体工作作风的评价 （选填） 满意 基本满意 不满意');
      expect(question(0).match(/type="radio"/g)).toHaveLength(3);
      expect(wordsOf(question(1))).toContain('2. 您认为班子最需要改进的方面 （选填） 可多选 理论学习 工作作风 廉洁自律');
      expect(question(1).match(/type="checkbox"/g)).toHaveLength(3);
      expect(question(2).match(/type="radio"/g)).toHaveLength(5);
      expect(question(3)).toContain('4. 对班子的意见建议 <span class="required" title="必答">*</span>');
      expect(question(3)).toMatch(/<textarea id="q3" name="q3"[^>]* required/);
    });

    it('refuses a choice question without options and an unknown aspect by their lines, keeps what was typed and stores nothing', async () => {
      const before = await t.dataSource.getRepository(Survey).countBy({ meetingId: meeting.id });
      const questions = '您对班子的总体评价 [单选]\n\n其他意见建议 [方面：会风文风]\n选项写多了 [多选] ' + Array.from({ length: 21 }, (_, index) => `选项${index + 1}`).join(' / ');
      for (const step of ['preview', 'create']) {
        const refused = await post(`/meetings/${meeting.id}/surveys`, { title: '有误的问卷', anonymous: 'no', questions, step });
        expect({ step, status: refused.status }).toEqual({ step, status: 400 });
        expect(wordsOf(refused.text)).toContain(
          `第 1 行：单选题需要至少 2 个选项，写在 [单选] 后面，用 / 隔开；第 3 行：“会风文风”不是本次会议的对照检查方面，可选：${meeting.aspects.join('、')}；第 4 行：最多 20 个选项（现在 21 个）`,
        );
        expect(refused.text).toContain('value="有误的问卷"');
        expect(refused.text).toContain('<option value="no" selected>实名</option>');
        expect(refused.text).toContain(`>\n${questions}</textarea>`);
        expect(refused.text).not.toContain('id="survey-preview"');
      }
      expect(await t.dataSource.getRepository(Survey).countBy({ meetingId: meeting.id })).toBe(before);
    });

    it('closes and reopens a survey from the list', async () => {
      const survey = await createSurvey(t, organiser, meeting.id, { title: '开关测试', questions: [{ kind: 'text', prompt: '意见？' }] });
      expect(redirectedTo(await post(`/surveys/${survey.id}/close`, { back: 'list' }))).toBe(`/meetings/${meeting.id}/surveys?done=close`);
      let list = await get(`/meetings/${meeting.id}/surveys?done=close`).expect(200);
      expect(list.text).toContain('征求意见表已关闭。');
      expect(wordsOf(new RegExp(`<tr id="survey-${survey.id}">([\\s\\S]*?)</tr>`).exec(list.text)?.[1] ?? '')).toContain('已关闭');
      const closedPage = await get(`/surveys/${survey.id}`).expect(200);
      expect(closedPage.text).toContain('征求意见表已关闭，不能再发放填写码。');
      expect(redirectedTo(await post(`/surveys/${survey.id}/open`, { back: 'survey' }))).toBe(`/surveys/${survey.id}?done=open`);
      list = await get(`/meetings/${meeting.id}/surveys`).expect(200);
      expect(wordsOf(new RegExp(`<tr id="survey-${survey.id}">([\\s\\S]*?)</tr>`).exec(list.text)?.[1] ?? '')).toContain('收集中');
    });

    it('issues tokens by department as the print sheet or the xlsx, with the page cookie', async () => {
      const department = await org.department();
      const survey = await createSurvey(t, organiser, meeting.id, { title: '填写码测试', questions: [{ kind: 'text', prompt: '意见？' }] });
      const page = await get(`/surveys/${survey.id}`).expect(200);
      expect(page.text).toContain(`<option value="${department.id}">${department.name}</option>`);

      const sheet = await post(`/surveys/${survey.id}/tokens`, { count: '3', departmentId: department.id, format: 'html' }).expect(200);
      expect(sheet.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(sheet.headers['cache-control']).toBe('no-store');
      expect(sheet.text.match(/<section class="card">/g)).toHaveLength(3);
      expect(sheet.text).toContain(`填写码 3 张（${department.name}）`);
      expect(sheet.text).toContain(`href="/surveys/${survey.id}"`);
      expect(sheet.text).toContain('PUBLIC_BASE_URL');

      const xlsx = await post(`/surveys/${survey.id}/tokens`, { count: '2', departmentId: '', format: 'xlsx' }).buffer(true).parse(binaryBody);
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(xlsx.headers['content-disposition']).toContain('attachment');
      expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
      expect(await t.dataSource.getRepository(SurveyToken).countBy({ surveyId: survey.id })).toBe(5);

      const refused = await post(`/surveys/${survey.id}/tokens`, { count: '0', departmentId: '', format: 'html' });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('数量 过小');
      expect(await t.dataSource.getRepository(SurveyToken).countBy({ surveyId: survey.id })).toBe(5);
    });

    it('keeps the token sheet\'s cards, footnote included, inside the A4 cutting lines', async () => {
      const survey = await createSurvey(t, organiser, meeting.id, { title: '一个很长很长的征求意见表标题，用来检验卡片上的文字不会越过裁切线', questions: [{ kind: 'text', prompt: '意见？' }] });
      const sheet = await post(`/surveys/${survey.id}/tokens`, { count: '1', departmentId: '', format: 'html' }).expect(200);
      // Four 70 mm rows fit the 281 mm inside the page's 8 mm margins; the card clips rather than overflow.
      expect(sheet.text).toContain('@page{size:A4;margin:8mm}');
      expect(sheet.text).toMatch(/\.card\{[^}]*height:70mm;overflow:hidden/);
      expect(sheet.text).toMatch(/\.note\{[^}]*margin:auto 0 0/);
    });

    it('shows results under the small-group rule, in its own words', async () => {
      const [first, second, third] = [await org.department(), await org.department(), await org.department()];
      const survey = await createSurvey(t, organiser, meeting.id, { title: '结果测试', anonymous: false, questions: [{ kind: 'single', prompt: '总体评价', options: ['好', '一般'] }] });
      const answerAll = async (tokens: string[]) => {
        for (const token of tokens) await answer(t, token, { answers: [{ questionIndex: 0, value: '好' }] });
      };
      await answerAll(await issueTokens(t, organiser, survey.id, 5, first.id));
      await answerAll((await issueTokens(t, organiser, survey.id, 7, second.id)).slice(0, 6));
      await answerAll((await issueTokens(t, organiser, survey.id, 3, third.id)).slice(0, 2));
      const page = await get(`/surveys/${survey.id}`).expect(200);
      const words = wordsOf(page.text);
      expect(words).toContain('已发填写码 15 个，收回 13 份');
      expect(words).toContain('为保护匿名，回答不足 5 份的部门不单独显示');
      // The third's 2 answers would show by subtraction: the smallest shown group joins it.
      expect(words).toContain(`${second.name} 7 6 85.7%`);
      expect(words).toContain(`${first.name} 5 不单独显示`);
      expect(words).toContain(`${third.name} 3 不单独显示`);
      expect(words).toContain('2 个部门回答份数太少，不单独显示，合计 7 份已计入总数。');
    });
  });

  describe('座谈会与书面征询 /meetings/:id/records', () => {
    it('records a symposium pasted one opinion a line, each line one opinion', async () => {
      const page = await get(`/meetings/${meeting.id}/records`).expect(200);
      expect(page.text).toContain('还没有录入座谈会。');
      const pasted = ['会议偏多偏长，文山会海仍然存在。', '', '  调研多在机关，下基层一线偏少。  ', '干部培养选拔渠道不够宽。'].join('\r\n');
      const recorded = await post(`/meetings/${meeting.id}/records/symposiums`, { heldOn: t.clock.today(), attendeeCount: '12', audience: '中层干部', opinions: pasted, aspect: '', targetMemberId: team.members[0].id });
      expect(redirectedTo(recorded)).toBe(`/meetings/${meeting.id}/records?done=symposium&count=3#symposiums`);

      const symposium = await t.dataSource.getRepository(Symposium).findOneByOrFail({ meetingId: meeting.id });
      const opinions = await t.dataSource.getRepository(RawOpinion).findBy({ sourceId: symposium.id, channel: 'symposium' });
      expect(opinions.map((opinion) => [opinion.text, opinion.targetMemberId]).sort()).toEqual(
        [
          ['会议偏多偏长，文山会海仍然存在。', team.members[0].id],
          ['调研多在机关，下基层一线偏少。', team.members[0].id],
          ['干部培养选拔渠道不够宽。', team.members[0].id],
        ].sort(),
      );
      const after = await get(`/meetings/${meeting.id}/records?done=symposium&count=3`).expect(200);
      expect(after.text).toContain('座谈会记录已保存，共 3 条意见。');
      expect(wordsOf(/<table id="symposiums">[\s\S]*?<\/table>/.exec(after.text)?.[0] ?? '')).toContain(`${dayInWords(t.clock.today())} 中层干部 12 人 3 条`);
    });

    it('refuses a too-short line by its number, keeps everything typed and stores nothing', async () => {
      const before = await t.dataSource.getRepository(Symposium).countBy({ meetingId: meeting.id });
      const refused = await post(`/meetings/${meeting.id}/records/symposiums`, { heldOn: t.clock.today(), attendeeCount: '8', audience: '普通职工代表', opinions: '食堂饭菜品种单一，价格偏高。\n很好', aspect: '', targetMemberId: '' });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('第 2 条“很好”：意见内容至少 5 个字');
      expect(refused.text).toContain('value="普通职工代表"');
      expect(refused.text).toContain('食堂饭菜品种单一，价格偏高。\n很好</textarea>');
      expect(await t.dataSource.getRepository(Symposium).countBy({ meetingId: meeting.id })).toBe(before);

      const future = await post(`/meetings/${meeting.id}/records/symposiums`, { heldOn: '2999-01-01', attendeeCount: '8', audience: '普通职工代表', opinions: '食堂饭菜品种单一，价格偏高。', aspect: '', targetMemberId: '' });
      expect(future.status).toBe(400);
      expect(future.text).toContain('座谈会日期应为今天或之前的有效日期');
    });

    it('records a written solicitation with the aspect chosen for the batch, and lists it', async () => {
      const aspect = meeting.aspects[1];
      const recorded = await post(`/meetings/${meeting.id}/records/written`, { fromBody: '纪检监察组', opinions: '落实中央八项规定精神还需加强。\n对下属单位监督检查不够经常。', aspect, targetMemberId: '' });
      expect(redirectedTo(recorded)).toBe(`/meetings/${meeting.id}/records?done=written&count=2#written-list`);
      const page = await get(`/meetings/${meeting.id}/records`).expect(200);
      expect(wordsOf(/<table id="written-list">[\s\S]*?<\/table>/.exec(page.text)?.[0] ?? '')).toContain(`${dayInWords(t.clock.today())} 纪检监察组 2 条`);
      const stored = await t.dataSource.getRepository(RawOpinion).findBy({ meetingId: meeting.id, channel: 'written' });
      expect(stored.map((opinion) => opinion.aspect)).toEqual([aspect, aspect]);
    });
  });
});

describe(`the poster with PUBLIC_BASE_URL set (${driverName})`, () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('prints that address and shows no localhost warning', async () => {
    t = await createTestApp({ PUBLIC_BASE_URL: 'https://tanxin.example.org' });
    const org = await createOrg(t);
    const organiser = await org.user([Role.Organiser]);
    const meeting = await createMeeting(t, organiser);
    const cookie = await signInToPages(t, organiser.username);
    // The site's own origin: a form posted from it is same-origin.
    const opened = await t.http.post(`/meetings/${meeting.id}/boxes`).set('cookie', cookie).type('form').send({ title: '意见箱', releaseThreshold: '', accessCode: '', closesAt: '' });
    expect(redirectedTo(opened)).toBe(`/meetings/${meeting.id}/boxes?done=open`);
    const box = await t.dataSource.getRepository(Box).findOneByOrFail({ meetingId: meeting.id });
    expect(box.releaseThreshold).toBe(5);
    const poster = await t.http.get(`/boxes/${box.id}/poster`).set('cookie', cookie).expect(200);
    expect(poster.text).toContain(`<p class="url" id="poster-url">https://tanxin.example.org/b/${box.slug}</p>`);
    expect(poster.text).not.toContain('localhost-warning');
    expect(wordsOf(poster.text)).toMatch(/意见满 5 条后/);
  });
});
