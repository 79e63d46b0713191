import { createHash } from 'node:crypto';
import { FormNonce } from '../../src/opinions/form-nonce.entity';
import { ExpiredFormNoncesSchedule } from '../../src/opinions/expired-form-nonces.schedule';
import { countStoredOpinions, createBoxScene, formNonceOn, receiptOnPage, TestBox } from '../factories/boxes';
import { createOrg } from '../factories/organizations';
import { asText, diffSnapshots, isolatedDatabase, snapshotDatabase, timeFinerThanADay, unjudgedColumns } from '../setup/database-probe';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName, onMysql } from '../setup/test-env';

const DAY_MS = 24 * 3600 * 1000;

describe(`sending a box's form again stores nothing (the one-time form nonce) (${driverName})`, () => {
  let t: TestApp;
  let box: TestBox;

  beforeAll(async () => {
    t = await createTestApp();
    box = (await createBoxScene(t, await createOrg(t))).box;
  });
  afterAll(() => t?.close());

  /** Opens the box page and returns the nonce its form carries. */
  async function openForm(): Promise<string> {
    const page = await t.http.get(`/b/${box.slug}`).expect(200);
    const nonce = formNonceOn(page.text);
    if (!nonce) throw new Error(`the box page's form carries no nonce:\n${page.text}`);
    return nonce;
  }
  const sendForm = (form: Record<string, string>) => t.http.post(`/b/${box.slug}`).type('form').send({ aspect: '', targetMemberId: '', ...form });
  const sendApi = (body: Record<string, unknown>) => t.http.post(`/api/v1/public/boxes/${box.slug}/opinions`).send(body);
  const nonceRows = () => t.dataSource.getRepository(FormNonce).find();

  it('puts a fresh random nonce of at least 128 bits in every form it serves', async () => {
    const nonces = [await openForm(), await openForm(), await openForm()];
    expect(new Set(nonces).size).toBe(3);
    for (const nonce of nonces) expect({ nonce, atLeast22Base64urlCharacters: /^[A-Za-z0-9_-]{22,}$/.test(nonce) }).toEqual({ nonce, atLeast22Base64urlCharacters: true });
  });

  it('takes the form once; sent again (a reload of the receipt page, Back and send) it stores nothing and says so, without a receipt', async () => {
    const nonce = await openForm();
    const before = await countStoredOpinions(t, box.id);
    const first = await sendForm({ text: '重新加载回执页时不应重复提交的意见。', nonce });
    expect({ status: first.status, receipt: receiptOnPage(first.text) }).toEqual({ status: 200, receipt: expect.any(String) });

    const again = await sendForm({ text: '重新加载回执页时不应重复提交的意见。', nonce });
    expect({ status: again.status, receipt: receiptOnPage(again.text), says: again.text.includes('这条意见已经提交过了'), notTwice: again.text.includes('没有重复提交') }).toEqual({
      status: 409,
      receipt: null,
      says: true,
      notTwice: true,
    });
    expect(await countStoredOpinions(t, box.id)).toBe(before + 1);
  });

  it('keeps only a keyed hash of a spent nonce, and the day: not the nonce, nor its plain hash', async () => {
    const nonce = await openForm();
    const before = new Set((await nonceRows()).map((row) => row.nonceHash));
    await sendForm({ text: '检查表单编号存了什么的意见。', nonce }).expect(200);
    const added = (await nonceRows()).filter((row) => !before.has(row.nonceHash));
    const plainHash = createHash('sha256').update(nonce).digest('hex');
    expect(added).toEqual([{ nonceHash: expect.stringMatching(/^[0-9a-f]{64}$/), day: t.clock.today() }]);
    expect({ holdsTheNonce: added[0].nonceHash.includes(nonce), isItsPlainHash: added[0].nonceHash === plainHash }).toEqual({ holdsTheNonce: false, isItsPlainHash: false });
  });

  it('makes API retries safe with an optional nonce: 201 once, then 409 ALREADY_SENT; without one every send is stored as before', async () => {
    const before = await countStoredOpinions(t, box.id);
    const body = { text: '网络不好时客户端重试的意见。', nonce: 'client-chosen-nonce-7f3a9c21' };
    const first = await sendApi(body);
    expect({ status: first.status, body: first.body }).toEqual({ status: 201, body: { receipt: expect.any(String) } });
    const retry = await sendApi(body);
    expect({ status: retry.status, code: retry.body.code, receipt: retry.body.receipt }).toEqual({ status: 409, code: 'ALREADY_SENT', receipt: undefined });
    expect(retry.body.message).toContain('没有重复提交');

    await sendApi({ text: '没有表单编号的意见，照旧。' }).expect(201);
    await sendApi({ text: '没有表单编号的意见，照旧。' }).expect(201);
    expect(await countStoredOpinions(t, box.id)).toBe(before + 3);
  });

  it('stores one of two sends of the same form at the same moment (a double tap), and the others of the same batch all', async () => {
    const before = await countStoredOpinions(t, box.id);
    const twice = await openForm();
    const others = [await openForm(), await openForm(), await openForm()];
    const answers = await Promise.all([
      sendForm({ text: '双击提交按钮的意见。', nonce: twice }),
      sendForm({ text: '双击提交按钮的意见。', nonce: twice }),
      ...others.map((nonce, index) => sendForm({ text: `同时提交的另一条意见${index}。`, nonce })),
    ]);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.slice(0, 2).sort()).toEqual([200, 409]);
    expect(statuses.slice(2)).toEqual([200, 200, 200]);
    expect(await countStoredOpinions(t, box.id)).toBe(before + 4);
  });

  it('sweeps spent nonces away once they are more than 3 days old', async () => {
    const nonce = await openForm();
    await sendForm({ text: '四天前提交的意见，表单编号会被清理。', nonce }).expect(200);
    const schedule = t.app.get(ExpiredFormNoncesSchedule);
    const countBefore = (await nonceRows()).length;
    await schedule.run();
    expect((await nonceRows()).length).toBe(countBefore);

    t.clock.advance(4 * DAY_MS);
    await schedule.run();
    expect(await nonceRows()).toEqual([]);
  });
});

describe(`what a spent form nonce leaves behind (${driverName})`, () => {
  let t: TestApp;
  let box: TestBox;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;

  beforeAll(async () => {
    // A snapshot must see this file's writes only: on MySQL it gets a database of its own.
    database = await isolatedDatabase('tanxin_nonce');
    t = await createTestApp({ TRUST_PROXY: '1', ...database.overrides });
    box = (await createBoxScene(t, await createOrg(t))).box;
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('a page submission with its nonce writes one row to raw_opinions and one to form_nonces, and nothing identifying or finer than a day', async () => {
    const address = '203.0.113.99';
    const nonce = formNonceOn((await t.http.get(`/b/${box.slug}`).expect(200)).text)!;
    const before = await snapshotDatabase(t.dataSource);
    const page = await t.http.post(`/b/${box.slug}`).set({ 'x-forwarded-for': address }).type('form').send({ text: '带表单编号提交的匿名意见。', aspect: '', targetMemberId: '', nonce });
    const receipt = receiptOnPage(page.text);
    expect({ status: page.status, receipt }).toEqual({ status: 200, receipt: expect.any(String) });
    const changes = diffSnapshots(before, await snapshotDatabase(t.dataSource));

    expect([...changes].map(([table, { added, removed }]) => [table, added.length, removed.length]).sort()).toEqual([
      ['form_nonces', 1, 0],
      ['raw_opinions', 1, 0],
    ]);
    const probes = [address, nonce, receipt!, receipt!.replace(/-/g, '')];
    const findings = [...changes].flatMap(([table, { added }]) =>
      added.flatMap((row) =>
        Object.entries(row).flatMap(([column, value]) => [
          ...probes.filter((probe) => asText(value).toLowerCase().includes(probe.toLowerCase())).map((probe) => `${table}.${column} holds ${probe}`),
          ...(timeFinerThanADay(value) ? [`${table}.${column} holds ${timeFinerThanADay(value)}`] : []),
        ]),
      ),
    );
    expect(findings).toEqual([]);
  });

  it('has exactly the judged columns in form_nonces (nonceHash, day), none of which can hold a time of day', async () => {
    expect(await unjudgedColumns(t.dataSource, 'form_nonces', ['nonceHash', 'day'])).toEqual([]);
  });

  if (!onMysql) {
    it('keeps form_nonces WITHOUT ROWID on SQLite: there is no rowid to tell the order of arrival', async () => {
      await expect(t.dataSource.query('SELECT rowid FROM form_nonces')).rejects.toThrow(/no such column: rowid/);
    });
  }
});
