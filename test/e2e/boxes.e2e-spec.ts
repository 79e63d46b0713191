import { Role } from '../../src/common/roles';
import {
  countStoredOpinions,
  createBoxScene,
  ONE_DAY_MS,
  openBox,
  RECEIPT_FORMAT,
  receiptOnPage,
  storedOpinions,
  submitOpinion,
  submitOpinionByPage,
  TestBox,
  BoxScene,
} from '../factories/boxes';
import { createMeeting, createTeam } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';
import { binaryBody } from '../setup/binary-body';

const TEAM = '领导班子（整体）';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

const opinionPath = (slug: string) => `/api/v1/public/boxes/${slug}/opinions`;

describe(`anonymous boxes (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let scene: BoxScene;
  let organiser: TestUser;

  beforeAll(async () => {
    // Limits out of the way here: the rate limits have their own app below.
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '100000', RECEIPT_LOOKUP_RATE_LIMIT: '100000', PUBLIC_READ_RATE_LIMIT: '100000' });
    org = await createOrg(t);
    scene = await createBoxScene(t, org);
    organiser = scene.organiser;
  });
  afterAll(() => t.close());

  /** A new box on the scene's meeting. */
  const newBox = (body: Record<string, unknown> = {}) => openBox(t, organiser, scene.meeting.id, body);

  describe('opening a box', () => {
    it('opens a box with the defaults: threshold 5, open, no access code or closing time, a link ending in a slug of at least 16 characters', async () => {
      const response = await t.http.post(`/api/v1/meetings/${scene.meeting.id}/boxes`).set(organiser.auth).send({ title: '  机关意见箱  ' }).expect(201);
      const box = response.body;
      expect(box).toEqual({
        id: expect.any(String),
        meetingId: scene.meeting.id,
        title: '机关意见箱',
        slug: expect.stringMatching(/^[a-z0-9]{16,}$/),
        url: expect.any(String),
        qrCodeUrl: `/api/v1/boxes/${box.id}/qr`,
        accessCode: null,
        closesAt: null,
        closedAt: null,
        open: true,
        releaseThreshold: 5,
        count: { opinions: 0 },
      });
      expect(box.url).toMatch(new RegExp(`^https?://[^/]+/b/${box.slug}$`));
      const read = await t.http.get(`/api/v1/boxes/${box.id}`).set(organiser.auth).expect(200);
      expect(read.body).toEqual(box);
    });

    it('gives every box its own slug', async () => {
      const [a, b] = [await newBox(), await newBox()];
      expect(a.slug).not.toBe(b.slug);
      expect(a.id).not.toBe(b.id);
    });

    it('opens a box with an access code, a closing time (any offset, kept as the same instant) and a threshold', async () => {
      const box = await newBox({ accessCode: 'Hall2026', closesAt: '2099-12-10T18:00:00+08:00', releaseThreshold: 3 });
      expect(box).toMatchObject({ accessCode: 'Hall2026', closesAt: '2099-12-10T10:00:00.000Z', releaseThreshold: 3, open: true });
      const read = await t.http.get(`/api/v1/boxes/${box.id}`).set(organiser.auth).expect(200);
      expect(read.body).toMatchObject({ accessCode: 'Hall2026', closesAt: '2099-12-10T10:00:00.000Z', releaseThreshold: 3 });
    });

    it.each([
      ['no title', { title: undefined }, 'title'],
      ['an empty title', { title: '' }, 'title'],
      ['a title of 201 characters', { title: '箱'.repeat(201) }, 'title'],
      ['a title that is a number', { title: 42 }, 'title'],
      ['an access code of 3 characters', { accessCode: 'ab1' }, 'accessCode'],
      ['an access code of 21 characters', { accessCode: 'a'.repeat(21) }, 'accessCode'],
      ['an access code with a dash', { accessCode: 'ab-123' }, 'accessCode'],
      ['an access code with Chinese characters', { accessCode: '访问码一二' }, 'accessCode'],
      ['a closing time that is not a date-time', { closesAt: 'next friday' }, 'closesAt'],
      ['a closing time in the past', { closesAt: '2020-01-01T00:00:00Z' }, 'closesAt'],
      ['a threshold of 2', { releaseThreshold: 2 }, 'releaseThreshold'],
      ['a threshold of 101', { releaseThreshold: 101 }, 'releaseThreshold'],
      ['a fractional threshold', { releaseThreshold: 4.5 }, 'releaseThreshold'],
      ['a threshold given as text', { releaseThreshold: '5' }, 'releaseThreshold'],
      ['an unknown field', { colour: 'red' }, 'colour'],
    ])('refuses a box with %s (400 VALIDATION_FAILED naming the field), opening nothing', async (_case, overrides, field) => {
      const before = (await t.http.get(`/api/v1/meetings/${scene.meeting.id}/boxes`).set(organiser.auth).expect(200)).body.length;
      const response = await t.http
        .post(`/api/v1/meetings/${scene.meeting.id}/boxes`)
        .set(organiser.auth)
        .send({ title: '意见箱', ...overrides });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      const after = (await t.http.get(`/api/v1/meetings/${scene.meeting.id}/boxes`).set(organiser.auth).expect(200)).body.length;
      expect(after).toBe(before);
    });

    it('answers 404 for a box on a meeting that does not exist', async () => {
      const response = await t.http.post(`/api/v1/meetings/${UNKNOWN_UUID}/boxes`).set(organiser.auth).send({ title: '意见箱' });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    });
  });

  describe("the organiser's view", () => {
    it('counts only released opinions: nothing while they are held, whatever the day, then the batch at a release', async () => {
      const box = await newBox({ releaseThreshold: 3 });
      await submitOpinion(t, box.slug, { text: '第一条意见：会议太多。' });
      await submitOpinion(t, box.slug, { text: '第二条意见：文件太长。' });
      const countOf = async () => (await t.http.get(`/api/v1/boxes/${box.id}`).set(organiser.auth).expect(200)).body.count;
      const listed = async () => (await t.http.get(`/api/v1/meetings/${scene.meeting.id}/boxes`).set(organiser.auth).expect(200)).body.find((entry: TestBox) => entry.id === box.id)?.count;

      expect({ one: await countOf(), list: await listed() }).toEqual({ one: { opinions: 0 }, list: { opinions: 0 } });
      t.clock.advance(ONE_DAY_MS);
      expect(await countOf()).toEqual({ opinions: 0 });
      // Two held are fewer than k = 3: a release leaves them waiting.
      await t.release();
      expect(await countOf()).toEqual({ opinions: 0 });

      await submitOpinion(t, box.slug, { text: '第三条意见：下基层少。' });
      expect(await countOf()).toEqual({ opinions: 0 });
      await t.release();
      expect({ one: await countOf(), list: await listed() }).toEqual({ one: { opinions: 3 }, list: { opinions: 3 } });
    });

    it('lists the meeting\'s boxes to organisers and supervisors', async () => {
      const box = await newBox({ title: '督导组可见的意见箱' });
      const supervisor = await org.user([Role.Supervisor]);
      for (const reader of [organiser, supervisor]) {
        const list = await t.http.get(`/api/v1/meetings/${scene.meeting.id}/boxes`).set(reader.auth).expect(200);
        expect(list.body.map((entry: TestBox) => entry.id)).toContain(box.id);
        expect(list.body.every((entry: TestBox) => entry.meetingId === scene.meeting.id)).toBe(true);
        expect((await t.http.get(`/api/v1/boxes/${box.id}`).set(reader.auth).expect(200)).body.title).toBe('督导组可见的意见箱');
      }
    });

    it('closes a box: 200 with open false and a closing time; closing it again changes nothing', async () => {
      const box = await newBox();
      const first = await t.http.post(`/api/v1/boxes/${box.id}/close`).set(organiser.auth).expect(200);
      expect(first.body).toMatchObject({ id: box.id, open: false, closedAt: expect.any(String), count: { opinions: 0 } });
      const toSecond = (iso: string) => iso.slice(0, 19);
      expect(Math.abs(Date.parse(first.body.closedAt) - t.clock.now().getTime())).toBeLessThan(5_000);

      t.clock.advance(5_000);
      const again = await t.http.post(`/api/v1/boxes/${box.id}/close`).set(organiser.auth).expect(200);
      const read = await t.http.get(`/api/v1/boxes/${box.id}`).set(organiser.auth).expect(200);
      expect(again.body).toEqual(read.body);
      expect({ ...again.body, closedAt: toSecond(again.body.closedAt) }).toEqual({ ...first.body, closedAt: toSecond(first.body.closedAt) });
    });

    it('answers with a box\'s times as they are stored: the close and open answers show what later reads show', async () => {
      const box = await newBox({ closesAt: '2099-06-30T09:30:15.250Z' });
      const closed = await t.http.post(`/api/v1/boxes/${box.id}/close`).set(organiser.auth).expect(200);
      const read = await t.http.get(`/api/v1/boxes/${box.id}`).set(organiser.auth).expect(200);
      expect({ closesAt: box.closesAt, closedAt: closed.body.closedAt }).toEqual({ closesAt: read.body.closesAt, closedAt: read.body.closedAt });
    });

    it('answers 404 NOT_FOUND for a box that does not exist, and for an id that cannot be one, on every route', async () => {
      const paths = [
        `/api/v1/boxes/${UNKNOWN_UUID}`,
        '/api/v1/boxes/not-a-box',
        `/api/v1/boxes/${UNKNOWN_UUID}/opinions`,
        `/api/v1/boxes/${UNKNOWN_UUID}/qr`,
        `/api/v1/boxes/${UNKNOWN_UUID}/qr?format=png`,
      ];
      for (const path of paths) {
        const response = await t.http.get(path).set(organiser.auth);
        expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
      }
      const close = await t.http.post(`/api/v1/boxes/${UNKNOWN_UUID}/close`).set(organiser.auth);
      expect(close.status).toBe(404);
    });

    it('serves the QR code as SVG by default and as PNG on request, different for each box', async () => {
      const svg = await t.http.get(scene.box.qrCodeUrl).set(organiser.auth).buffer(true).parse(binaryBody).expect(200);
      expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
      const svgText = (svg.body as Buffer).toString('utf8');
      expect(svgText).toMatch(/<svg[\s\S]*<\/svg>\s*$/);

      const png = await t.http.get(`${scene.box.qrCodeUrl}?format=png`).set(organiser.auth).buffer(true).parse(binaryBody).expect(200);
      expect(png.headers['content-type']).toBe('image/png');
      expect((png.body as Buffer).subarray(0, 8)).toEqual(PNG_MAGIC);
      expect((png.body as Buffer).length).toBeGreaterThan(200);

      const other = await newBox();
      const otherSvg = await t.http.get(other.qrCodeUrl).set(organiser.auth).buffer(true).parse(binaryBody).expect(200);
      expect((otherSvg.body as Buffer).toString('utf8')).not.toBe(svgText);
    });
  });

  describe('the public description', () => {
    it('describes a box to writers: title, meeting, the meeting\'s aspects, the team then each member, no access code needed, open', async () => {
      const response = await t.http.get(`/api/v1/public/boxes/${scene.box.slug}`).expect(200);
      const { secretary, members } = scene.team;
      expect(response.body).toEqual({
        title: scene.box.title,
        meetingTitle: scene.meeting.title,
        aspects: scene.meeting.aspects,
        targets: [
          { id: null, name: TEAM },
          { id: secretary.id, name: secretary.displayName },
          ...members.map((member) => ({ id: member.id, name: member.displayName })),
        ],
        accessCodeRequired: false,
        open: true,
      });
      expect(scene.meeting.aspects).toHaveLength(6);
    });

    it('says when an access code is required, without giving it away', async () => {
      const box = await newBox({ accessCode: 'Secret42' });
      const response = await t.http.get(`/api/v1/public/boxes/${box.slug}`).expect(200);
      expect(response.body.accessCodeRequired).toBe(true);
      expect(JSON.stringify(response.body).toLowerCase()).not.toContain('secret42');
    });

    it('says when a box is closed', async () => {
      const box = await newBox();
      await t.http.post(`/api/v1/boxes/${box.id}/close`).set(organiser.auth).expect(200);
      expect((await t.http.get(`/api/v1/public/boxes/${box.slug}`).expect(200)).body.open).toBe(false);
    });

    it.each([
      ['an unknown slug', 'abcdefghjkmnpqrs'],
      ['a slug that cannot be one', 'x'],
      ['a box id instead of its slug', UNKNOWN_UUID],
    ])('answers 404 NOT_FOUND for %s', async (_case, slug) => {
      const response = await t.http.get(`/api/v1/public/boxes/${slug}`);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
      const submit = await t.http.post(opinionPath(slug)).send({ text: '这是一条测试意见。' });
      expect({ status: submit.status, code: submit.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    });
  });

  describe('submitting and receipts', () => {
    it('takes an opinion (201) and stores it with the chosen aspect and member, the day, a hashed receipt and the outbox mark', async () => {
      const box = await newBox();
      const member = scene.team.members[0];
      const today = t.clock.today();
      const response = await t.http.post(opinionPath(box.slug)).send({ text: '调研多集中在机关，下基层少。', aspect: '工作作风', targetMemberId: member.id }).expect(201);
      expect(Object.keys(response.body)).toEqual(['receipt']);
      expect(response.body.receipt).toMatch(RECEIPT_FORMAT);

      const rows = await storedOpinions(t, box.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        organizationId: org.id,
        meetingId: scene.meeting.id,
        channel: 'box',
        sourceId: box.id,
        text: '调研多集中在机关，下基层少。',
        aspect: '工作作风',
        targetMemberId: member.id,
        receivedOn: today,
        receiptHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const receiptForms = [response.body.receipt, response.body.receipt.replace(/-/g, ''), response.body.receipt.toLowerCase()];
      for (const form of receiptForms) expect(rows[0].receiptHash).not.toContain(form.toLowerCase());
    });

    it('stores the text trimmed, with no aspect and the team as target when none is chosen', async () => {
      const box = await newBox();
      await submitOpinion(t, box.slug, { text: '   \n 希望多关心青年职工的成长。 \t ' });
      const [row] = await storedOpinions(t, box.id);
      expect(row).toMatchObject({ text: '希望多关心青年职工的成长。', aspect: null, targetMemberId: null });
    });

    it('accepts exactly 2000 characters, also with surrounding spaces', async () => {
      const box = await newBox();
      await submitOpinion(t, box.slug, { text: '意'.repeat(2000) });
      await submitOpinion(t, box.slug, { text: `  ${'见'.repeat(2000)}  ` });
      const texts = (await storedOpinions(t, box.id)).map((row) => row.text).sort();
      expect(texts).toEqual(['意'.repeat(2000), '见'.repeat(2000)].sort());
    });

    it('gives each opinion its own receipt; a receipt looks up as received, also lower-case or without dashes; an unknown one is 404', async () => {
      const box = await newBox();
      const receipt = await submitOpinion(t, box.slug);
      const second = await submitOpinion(t, box.slug);
      expect(second).not.toBe(receipt);
      for (const form of [receipt, receipt.toLowerCase(), receipt.replace(/-/g, ''), receipt.replace(/-/g, '').toLowerCase()]) {
        const response = await t.http.get(`/api/v1/public/receipts/${form}`);
        expect({ form, status: response.status, body: response.body }).toEqual({ form, status: 200, body: { status: 'received', held: expect.stringContaining('统一整理') } });
      }
      for (const unknown of ['0000-0000-0000-0000', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', 'not-a-receipt', '1234']) {
        const response = await t.http.get(`/api/v1/public/receipts/${unknown}`);
        expect({ unknown, status: response.status, code: response.body.code }).toEqual({ unknown, status: 404, code: 'NOT_FOUND' });
      }
    });
  });

  describe('the release threshold', () => {
    it('keeps a box sealed (423) below its threshold and then lists exactly id, text, aspect, target and day, ordered by id', async () => {
      const box = await newBox({ releaseThreshold: 3 });
      const [secretary, member] = [scene.team.secretary, scene.team.members[1]];
      const today = t.clock.today();
      await submitOpinion(t, box.slug, { text: '理论学习联系实际不够。', aspect: '理论学习' });
      await submitOpinion(t, box.slug, { text: '协调推动跨部门难题不够有力。', aspect: '担当作为', targetMemberId: member.id });

      const sealed = await t.http.get(`/api/v1/boxes/${box.id}/opinions`).set(organiser.auth);
      expect({ status: sealed.status, code: sealed.body.code }).toEqual({ status: 423, code: 'BELOW_RELEASE_THRESHOLD' });
      expect(sealed.body.message).toEqual(expect.any(String));
      expect(JSON.stringify(sealed.body)).not.toContain('理论学习联系实际不够');

      await submitOpinion(t, box.slug, { text: '主要负责同志听取普通职工意见的渠道不畅。', targetMemberId: secretary.id });
      // Three held reach k; they are read only once a release has let them out.
      expect((await t.http.get(`/api/v1/boxes/${box.id}/opinions`).set(organiser.auth)).status).toBe(423);
      expect(await t.release()).toBe(3);
      const released = await t.http.get(`/api/v1/boxes/${box.id}/opinions`).set(organiser.auth).expect(200);
      expect(released.body).toHaveLength(3);
      for (const item of released.body) expect(Object.keys(item).sort()).toEqual(['aspect', 'day', 'id', 'target', 'text']);
      const ids = released.body.map((item: { id: string }) => item.id);
      expect(ids).toEqual([...ids].sort());
      const byText = (text: string) => released.body.find((item: { text: string }) => item.text === text);
      expect(byText('理论学习联系实际不够。')).toMatchObject({ aspect: '理论学习', target: { id: null, name: TEAM }, day: today });
      expect(byText('协调推动跨部门难题不够有力。')).toMatchObject({ aspect: '担当作为', target: { id: member.id, name: member.displayName }, day: today });
      expect(byText('主要负责同志听取普通职工意见的渠道不畅。')).toMatchObject({ aspect: null, target: { id: secretary.id, name: secretary.displayName }, day: today });
    });

    it('keeps a box with the default threshold sealed at 4 opinions, through a release, and opens it at the release after the 5th', async () => {
      const box = await newBox();
      for (let index = 1; index <= 4; index += 1) await submitOpinion(t, box.slug, { text: `第${index}条默认门槛意见。` });
      await t.release();
      expect((await t.http.get(`/api/v1/boxes/${box.id}/opinions`).set(organiser.auth)).status).toBe(423);
      await submitOpinion(t, box.slug, { text: '第5条默认门槛意见。' });
      await t.release();
      expect((await t.http.get(`/api/v1/boxes/${box.id}/opinions`).set(organiser.auth).expect(200)).body).toHaveLength(5);
    });
  });

  describe('access codes', () => {
    it('refuses a missing or wrong access code with 403 ACCESS_CODE_REQUIRED and takes the right one in any case', async () => {
      const box = await newBox({ accessCode: 'Poster2026' });
      const missing = await t.http.post(opinionPath(box.slug)).send({ text: '没有访问码的意见。' });
      expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 403, code: 'ACCESS_CODE_REQUIRED' });
      const wrong = await t.http.post(opinionPath(box.slug)).send({ text: '访问码错误的意见。', accessCode: 'Poster2025' });
      expect({ status: wrong.status, code: wrong.body.code }).toEqual({ status: 403, code: 'ACCESS_CODE_REQUIRED' });
      const prefix = await t.http.post(opinionPath(box.slug)).send({ text: '访问码只对了一半。', accessCode: 'Poster' });
      expect(prefix.status).toBe(403);
      expect(await countStoredOpinions(t, box.id)).toBe(0);

      await submitOpinion(t, box.slug, { text: '访问码正确的意见。', accessCode: 'Poster2026' });
      await submitOpinion(t, box.slug, { text: '访问码小写的意见。', accessCode: 'poster2026' });
      await submitOpinion(t, box.slug, { text: '访问码大写的意见。', accessCode: 'POSTER2026' });
      expect(await countStoredOpinions(t, box.id)).toBe(3);
    });
  });

  describe('closed boxes', () => {
    it('answers 409 BOX_CLOSED once the organiser has closed the box, storing nothing', async () => {
      const box = await newBox();
      await submitOpinion(t, box.slug);
      await t.http.post(`/api/v1/boxes/${box.id}/close`).set(organiser.auth).expect(200);
      const response = await t.http.post(opinionPath(box.slug)).send({ text: '关闭之后的意见。' });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 409, code: 'BOX_CLOSED' });
      expect(await countStoredOpinions(t, box.id)).toBe(1);
    });

    it('answers 409 BOX_CLOSED once its closing time has passed, and shows the box closed, its one opinion sealed (fewer than k)', async () => {
      const closesAt = new Date(Math.floor(t.clock.now().getTime() / 1000) * 1000 + 3600_000).toISOString();
      const box = await newBox({ closesAt });
      expect(box.closesAt).toBe(closesAt);
      await submitOpinion(t, box.slug, { text: '关闭之前的意见。' });

      t.clock.advance(2 * 3600_000);
      const response = await t.http.post(opinionPath(box.slug)).send({ text: '关闭之后的意见。' });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 409, code: 'BOX_CLOSED' });
      expect(await countStoredOpinions(t, box.id)).toBe(1);
      const read = await t.http.get(`/api/v1/boxes/${box.id}`).set(organiser.auth).expect(200);
      expect(read.body).toMatchObject({ open: false, closedAt: null, closesAt, count: { opinions: 0 } });
      expect((await t.http.get(`/api/v1/public/boxes/${box.slug}`).expect(200)).body.open).toBe(false);
    });

    it('stops taking opinions as soon as the meeting is held, even right after the box was read', async () => {
      const heldScene = await createBoxScene(t, org);
      await t.http.get(`/api/v1/public/boxes/${heldScene.box.slug}`).expect(200);
      await t.http.post(`/api/v1/meetings/${heldScene.meeting.id}/phase`).set(heldScene.organiser.auth).send({ phase: 'held' }).expect(200);
      const response = await t.http.post(opinionPath(heldScene.box.slug)).send({ text: '会议开过之后的意见。' });
      expect({ status: response.status, code: response.body.code, stored: await countStoredOpinions(t, heldScene.box.id) }).toEqual({
        status: 409,
        code: 'BOX_CLOSED',
        stored: 0,
      });
    });

    it('lets writers choose a member added to the team, even right after the box was read', async () => {
      const teamScene = await createBoxScene(t, org);
      await t.http.get(`/api/v1/public/boxes/${teamScene.box.slug}`).expect(200);
      const newcomer = await org.user([Role.Leader]);
      const current = await t.http.get(`/api/v1/meetings/${teamScene.meeting.id}/team`).set(teamScene.organiser.auth).expect(200);
      const members = current.body.map((member: { userId: string; role: string; oversees: Array<{ id: string } | string> }) => ({
        userId: member.userId,
        role: member.role,
        oversees: member.oversees.map((department) => (typeof department === 'string' ? department : department.id)),
      }));
      await t.http
        .put(`/api/v1/meetings/${teamScene.meeting.id}/team`)
        .set(teamScene.organiser.auth)
        .send({ members: [...members, { userId: newcomer.id, role: 'member', oversees: [] }] })
        .expect(200);
      const response = await t.http.post(opinionPath(teamScene.box.slug)).send({ text: '关于新任班子成员的意见。', targetMemberId: newcomer.id });
      expect({ status: response.status, body: response.status === 201 ? 'receipt' : response.body }).toEqual({ status: 201, body: 'receipt' });
    });
  });

  describe('bad submissions', () => {
    let outsider: TestUser;
    let foreignLeader: TestUser;

    beforeAll(async () => {
      // A leader of this organisation on no team of this meeting, and a member of another organisation's team.
      outsider = await org.user([Role.Leader]);
      const otherOrg = await createOrg(t);
      const otherMeeting = await createMeeting(t, otherOrg.admin);
      foreignLeader = (await createTeam(t, otherOrg, otherMeeting.id, 2)).secretary;
    });

    const cases: Array<[string, () => object | string, string | null, string]> = [
      ['an empty text', () => ({ text: '' }), 'text', 'VALIDATION_FAILED'],
      ['no text at all', () => ({ aspect: '工作作风' }), 'text', 'VALIDATION_FAILED'],
      ['a text of 4 characters', () => ({ text: '会议太多' }), 'text', 'VALIDATION_FAILED'],
      ['5 spaces and 3 characters', () => ({ text: '     会议多' }), 'text', 'VALIDATION_FAILED'],
      ['only spaces and line breaks', () => ({ text: ' \n\t '.repeat(5) }), 'text', 'VALIDATION_FAILED'],
      ['a text of 2001 characters', () => ({ text: '意'.repeat(2001) }), 'text', 'VALIDATION_FAILED'],
      ['an aspect that is not of the meeting', () => ({ text: '这是一条测试意见。', aspect: '不存在的方面' }), 'aspect', 'VALIDATION_FAILED'],
      ['a member id that is nobody', () => ({ text: '这是一条测试意见。', targetMemberId: UNKNOWN_UUID }), 'targetMemberId', 'VALIDATION_FAILED'],
      ['a leader who is not on this team', () => ({ text: '这是一条测试意见。', targetMemberId: outsider.id }), 'targetMemberId', 'VALIDATION_FAILED'],
      ["a member of another organisation's team", () => ({ text: '这是一条测试意见。', targetMemberId: foreignLeader.id }), 'targetMemberId', 'VALIDATION_FAILED'],
      ['an unknown field', () => ({ text: '这是一条测试意见。', name: '张三' }), 'name', 'VALIDATION_FAILED'],
      ['a text that is a number', () => ({ text: 1234567 }), 'text', 'VALIDATION_FAILED'],
      ['an aspect that is an array', () => ({ text: '这是一条测试意见。', aspect: ['工作作风'] }), 'aspect', 'VALIDATION_FAILED'],
      ['a member id that is a number', () => ({ text: '这是一条测试意见。', targetMemberId: 42 }), 'targetMemberId', 'VALIDATION_FAILED'],
      ['an access code that is an object', () => ({ text: '这是一条测试意见。', accessCode: { code: 'x' } }), 'accessCode', 'VALIDATION_FAILED'],
      ['a body that is an array', () => [{ text: '这是一条测试意见。' }], null, 'VALIDATION_FAILED'],
      ['malformed JSON', () => '{"text": "这是一条测试意见。"', null, 'MALFORMED_JSON'],
    ];

    it.each(cases)('answers %s with 400 and stores nothing', async (_case, body, field, code) => {
      const before = await countStoredOpinions(t, scene.box.id);
      const payload = body();
      const request = t.http.post(opinionPath(scene.box.slug)).set('content-type', 'application/json');
      const response = await request.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code });
      expect(response.body.message).toEqual(expect.any(String));
      if (field) expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await countStoredOpinions(t, scene.box.id)).toBe(before);
    });

    it('answers a form-encoded body on the API with 415, storing nothing', async () => {
      const before = await countStoredOpinions(t, scene.box.id);
      const response = await t.http.post(opinionPath(scene.box.slug)).type('form').send({ text: '这是一条表单提交的意见。' });
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(await countStoredOpinions(t, scene.box.id)).toBe(before);
    });
  });

  describe('pages', () => {
    it('serves the box page (GET /b/:slug): the form with the meeting\'s aspects and the team, nothing from elsewhere', async () => {
      const response = await t.http.get(`/b/${scene.box.slug}`).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      // Kept for Back (see BoxPagesController.form), revalidated on every new visit.
      expect(response.headers['cache-control']).toBe('private, no-cache');
      expect(response.text).toContain(`action="/b/${scene.box.slug}/opinions"`);
      for (const aspect of scene.meeting.aspects) expect(response.text).toContain(`<option value="${aspect}">${aspect}</option>`);
      expect(response.text).toContain(TEAM);
      for (const member of scene.team.members) expect(response.text).toContain(`value="${member.id}"`);
      expect(response.text).not.toMatch(/(src|href)="(https?:)?\/\//);
    });

    it('answers an unknown box page with a 404 page', async () => {
      const response = await t.http.get('/b/abcdefghjkmnpqrs').expect(404);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('class="alert error"');
    });

    it('takes an opinion from the form (200 with the receipt) and stores it with the chosen aspect and member', async () => {
      const box = await newBox();
      const member = scene.team.members[0];
      const response = await t.http
        .post(`/b/${box.slug}`)
        .type('form')
        .send({ text: '  公务接待制度执行要更严格。 ', aspect: '廉洁自律', targetMemberId: member.id });
      expect(response.status).toBe(200);
      const receipt = receiptOnPage(response.text);
      expect(receipt).toMatch(RECEIPT_FORMAT);
      const rows = await storedOpinions(t, box.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ text: '公务接待制度执行要更严格。', aspect: '廉洁自律', targetMemberId: member.id, receivedOn: t.clock.today() });
      expect((await t.http.get(`/api/v1/public/receipts/${receipt}`).expect(200)).body).toEqual({ status: 'received', held: expect.stringContaining('统一整理') });
    });

    it('reads the form\'s empty choices as no aspect and the team', async () => {
      const box = await newBox();
      await submitOpinionByPage(t, box.slug, { text: '希望领导多下基层。', aspect: '', targetMemberId: '' });
      expect(await storedOpinions(t, box.id)).toEqual([expect.objectContaining({ aspect: null, targetMemberId: null })]);
    });

    it('shows the form again with 400 and an error for a too short text, keeping it (escaped) and storing nothing', async () => {
      const box = await newBox();
      const response = await t.http.post(`/b/${box.slug}`).type('form').send({ text: '<b>', aspect: '', targetMemberId: '' });
      expect(response.status).toBe(400);
      expect(response.text).toMatch(/<p class="alert error"[^>]*>[^<]*至少 5 个字/);
      expect(response.text).toContain('&lt;b&gt;</textarea>');
      expect(response.text).not.toContain('<b></textarea>');
      expect(receiptOnPage(response.text)).toBeNull();
      expect(await countStoredOpinions(t, box.id)).toBe(0);
    });

    it('shows the form again with 403 for a wrong access code, and 200 for the right one', async () => {
      const box = await newBox({ accessCode: 'Door7788' });
      const wrong = await t.http.post(`/b/${box.slug}`).type('form').send({ text: '访问码错误的意见。', accessCode: 'door7789' });
      expect(wrong.status).toBe(403);
      expect(wrong.text).toContain('class="alert error"');
      expect(await countStoredOpinions(t, box.id)).toBe(0);
      await submitOpinionByPage(t, box.slug, { text: '访问码正确的意见。', accessCode: 'door7788' });
      expect(await countStoredOpinions(t, box.id)).toBe(1);
    });

    it('answers a closed box\'s form with 409 and the closed notice, storing nothing', async () => {
      const box = await newBox();
      await t.http.post(`/api/v1/boxes/${box.id}/close`).set(organiser.auth).expect(200);
      expect((await t.http.get(`/b/${box.slug}`).expect(200)).text).toContain('已经关闭');
      const response = await t.http.post(`/b/${box.slug}`).type('form').send({ text: '关闭之后的意见。' });
      expect(response.status).toBe(409);
      expect(response.text).toContain('已经关闭');
      expect(response.text).not.toContain('id="opinion-form"');
      expect(await countStoredOpinions(t, box.id)).toBe(0);
    });

    it('serves the receipt page (GET /r) and looks a receipt up by form (POST /r): received, 404 for an unknown one, 400 for none', async () => {
      const form = await t.http.get('/r').expect(200);
      expect(form.headers['content-type']).toMatch(/^text\/html/);
      expect(form.text).toContain('id="receipt-form"');

      const receipt = await submitOpinion(t, scene.box.slug, { text: '用于查询回执的意见。' });
      for (const code of [receipt, receipt.toLowerCase().replace(/-/g, '')]) {
        const found = await t.http.post('/r').type('form').send({ receipt: code });
        expect({ code, status: found.status }).toEqual({ code, status: 200 });
        expect(found.text).toContain('data-status="received"');
      }
      const unknown = await t.http.post('/r').type('form').send({ receipt: '0000-0000-0000-0000' });
      expect(unknown.status).toBe(404);
      expect(unknown.text).toContain('class="alert error"');
      expect(unknown.text).not.toContain('data-status=');
      expect((await t.http.post('/r').type('form').send({ receipt: '' })).status).toBe(400);
    });
  });

  describe('roles and organisations', () => {
    let otherOrganiser: TestUser;
    beforeAll(async () => {
      const otherOrg = await createOrg(t);
      otherOrganiser = otherOrg.admin;
    });

    const organiserRoutes = (box: TestBox, meetingId: string): Array<['get' | 'post', string, object?]> => [
      ['post', `/api/v1/meetings/${meetingId}/boxes`, { title: '别人的意见箱' }],
      ['get', `/api/v1/meetings/${meetingId}/boxes`],
      ['get', `/api/v1/boxes/${box.id}`],
      ['post', `/api/v1/boxes/${box.id}/close`],
      ['get', `/api/v1/boxes/${box.id}/qr`],
      ['get', `/api/v1/boxes/${box.id}/opinions`],
    ];

    it("answers another organisation's organiser with 404 on every box route, and leaves the box open", async () => {
      const box = await newBox();
      for (const [method, path, body] of organiserRoutes(box, scene.meeting.id)) {
        const response = await t.http[method](path).set(otherOrganiser.auth).send(body);
        expect({ method, path, status: response.status, code: response.body.code }).toEqual({ method, path, status: 404, code: 'NOT_FOUND' });
      }
      expect((await t.http.get(`/api/v1/boxes/${box.id}`).set(organiser.auth).expect(200)).body.open).toBe(true);
    });

    it.each([Role.Leader, Role.Staff])('answers a %s with 403 on every organiser route', async (role) => {
      const person = await org.user([role]);
      const box = await newBox();
      for (const [method, path, body] of organiserRoutes(box, scene.meeting.id)) {
        const response = await t.http[method](path).set(person.auth).send(body);
        expect({ method, path, status: response.status, code: response.body.code }).toEqual({ method, path, status: 403, code: 'FORBIDDEN' });
      }
      expect((await t.http.get(`/api/v1/boxes/${box.id}`).set(organiser.auth).expect(200)).body.open).toBe(true);
    });

    it('lets a supervisor read boxes but not open, close, print or read their contents', async () => {
      const supervisor = await org.user([Role.Supervisor]);
      const box = await newBox();
      const allowed = new Set([`get /api/v1/meetings/${scene.meeting.id}/boxes`, `get /api/v1/boxes/${box.id}`]);
      for (const [method, path, body] of organiserRoutes(box, scene.meeting.id)) {
        const response = await t.http[method](path).set(supervisor.auth).send(body);
        const expected = allowed.has(`${method} ${path}`) ? 200 : 403;
        expect({ method, path, status: response.status }).toEqual({ method, path, status: expected });
      }
    });

    it('needs a login on the organiser routes (401) but none on the public ones', async () => {
      const response = await t.http.get(`/api/v1/boxes/${scene.box.id}`);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
      await t.http.get(`/api/v1/public/boxes/${scene.box.slug}`).expect(200);
    });
  });
});

describe(`rate limits of the public box routes (${driverName})`, () => {
  let t: TestApp;
  let box: TestBox;
  let clientNumber = 0;
  /** A client address of its own for each test (the app trusts X-Forwarded-For), so counters start at zero. */
  const newClient = () => ({ 'x-forwarded-for': `198.51.100.${(clientNumber += 1)}` });

  beforeAll(async () => {
    t = await createTestApp({ BOX_SUBMIT_RATE_LIMIT: '3', RECEIPT_LOOKUP_RATE_LIMIT: '3', TRUST_PROXY: 'true' });
    const org = await createOrg(t);
    box = (await createBoxScene(t, org)).box;
  });
  afterAll(() => t.close());

  it('answers the 4th submission within the window with 429 RATE_LIMITED and a Retry-After, and does not store it', async () => {
    const client = newClient();
    const before = await countStoredOpinions(t, box.id);
    for (let index = 1; index <= 3; index += 1) await submitOpinion(t, box.slug, { text: `限流测试意见${index}。` }, client);
    const limited = await t.http.post(opinionPath(box.slug)).set(client).send({ text: '限流测试意见4。' });
    expect({ status: limited.status, code: limited.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(t.config.anonymity.publicRateWindowSeconds);
    expect(await countStoredOpinions(t, box.id)).toBe(before + 3);
  });

  it('counts each client on its own', async () => {
    const [first, second] = [newClient(), newClient()];
    for (let index = 1; index <= 3; index += 1) await submitOpinion(t, box.slug, { text: `第一个人的意见${index}。` }, first);
    expect((await t.http.post(opinionPath(box.slug)).set(first).send({ text: '第一个人的第四条意见。' })).status).toBe(429);
    await submitOpinion(t, box.slug, { text: '第二个人的意见。' }, second);
  });

  it('shares the counter between the API and the box page', async () => {
    const client = newClient();
    await submitOpinion(t, box.slug, { text: '接口提交的意见一。' }, client);
    await submitOpinionByPage(t, box.slug, { text: '页面提交的意见一。' }, client);
    await submitOpinion(t, box.slug, { text: '接口提交的意见二。' }, client);
    const before = await countStoredOpinions(t, box.id);
    const page = await t.http.post(`/b/${box.slug}`).set(client).type('form').send({ text: '页面提交的意见二。' });
    expect(page.status).toBe(429);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
    expect(receiptOnPage(page.text)).toBeNull();
    expect((await t.http.post(opinionPath(box.slug)).set(client).send({ text: '接口提交的意见三。' })).status).toBe(429);
    expect(await countStoredOpinions(t, box.id)).toBe(before);
  });

  it('limits receipt look-ups the same way, API and page together', async () => {
    const writer = newClient();
    const receipt = await submitOpinion(t, box.slug, { text: '用于查询回执的意见。' }, writer);
    const client = newClient();
    await t.http.get(`/api/v1/public/receipts/${receipt}`).set(client).expect(200);
    await t.http.get('/api/v1/public/receipts/0000-0000-0000-0000').set(client).expect(404);
    await t.http.post('/r').set(client).type('form').send({ receipt }).expect(200);
    const limited = await t.http.get(`/api/v1/public/receipts/${receipt}`).set(client);
    expect({ status: limited.status, code: limited.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await t.http.post('/r').set(client).type('form').send({ receipt })).status).toBe(429);
    await t.http.get(`/api/v1/public/receipts/${receipt}`).set(newClient()).expect(200);
  });
});
