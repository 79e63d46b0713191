import { countStoredOpinions, createBoxScene, openBox, TestBox } from '../factories/boxes';
import { createOrg } from '../factories/organizations';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

const HOUR_MS = 3600 * 1000;
const opinionPath = (slug: string) => `/api/v1/public/boxes/${slug}/opinions`;

/** The start of the next clock hour (a window of PUBLIC_RATE_WINDOW_SECONDS=3600), plus a second. */
function nextWindowStart(now: Date): Date {
  return new Date(Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS + 1000);
}

/** The statuses that were not `expected`, with the attempt's number: [] when all were. */
function unexpected(statuses: number[], expected: number): Array<{ attempt: number; status: number }> {
  return statuses.map((status, index) => ({ attempt: index + 1, status })).filter(({ status }) => status !== expected);
}

describe(`a box's limits with the default settings: an office behind one address gets in, a flood does not (${driverName})`, () => {
  let t: TestApp;
  let box: TestBox;

  beforeAll(async () => {
    // Nothing about the limits is set: these are the defaults an office runs with.
    t = await createTestApp();
    box = (await createBoxScene(t, await createOrg(t))).box;
  });
  afterAll(() => t?.close());

  it('accepts 300 distinct opinions from one address within an hour, refuses the same address once it has 600 accepted, and takes it again in the next hour', async () => {
    t.clock.set(nextWindowStart(t.clock.now()));
    const send = (text: string) => t.http.post(opinionPath(box.slug)).send({ text });

    // 300 colleagues behind the office's NAT, one after another over 55 minutes.
    const colleagues: number[] = [];
    for (let index = 1; index <= 300; index += 1) {
      colleagues.push((await send(`第${index}位同事的意见：希望会议少一些，调研多一些（${index}）。`)).status);
      t.clock.advance(11_000);
    }
    expect(unexpected(colleagues, 201)).toEqual([]);

    // A script in the same hour: it gets the rest of the address's allowance, then 429.
    const flood: number[] = [];
    for (let index = 1; index <= 300; index += 1) flood.push((await send(`脚本灌水第${index}条，内容各不相同。`)).status);
    expect(unexpected(flood, 201)).toEqual([]);
    const refused = await send('脚本灌水第301条。');
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    const retryAfter = Number(refused.headers['retry-after']);
    const windowLeft = Math.ceil((nextWindowStart(t.clock.now()).getTime() - 1000 - t.clock.now().getTime()) / 1000);
    expect({ retryAfter }).toEqual({ retryAfter: windowLeft });
    expect(refused.body.message).toMatch(/提交太频繁，请 \d+ 分钟后再试/);
    expect(await countStoredOpinions(t, box.id)).toBe(600);

    t.clock.advance(windowLeft * 1000);
    expect((await send('下一个小时的第一条意见。')).status).toBe(201);
  }, 180_000);
});

describe(`a box's limits count accepted opinions only (${driverName})`, () => {
  let t: TestApp;
  let box: TestBox;
  let codedBox: TestBox;
  let scene: Awaited<ReturnType<typeof createBoxScene>>;
  let clientNumber = 0;
  /** A client address of its own (the app trusts one proxy: the right-most X-Forwarded-For is the client). */
  const newClient = () => ({ 'x-forwarded-for': `198.51.100.${(clientNumber += 1)}` });
  const send = (slug: string, client: Record<string, string>, body: Record<string, unknown>) => t.http.post(opinionPath(slug)).set(client).send(body);

  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: '1', BOX_SUBMIT_RATE_LIMIT: '3', ACCESS_CODE_FAILURE_LIMIT: '3', BOX_SUBMIT_CEILING: '5' });
    scene = await createBoxScene(t, await createOrg(t));
    box = scene.box;
    codedBox = await openBox(t, scene.organiser, scene.meeting.id, { title: '会议室意见箱', accessCode: 'ROOM42' });
  });
  afterAll(() => t?.close());

  it('does not count refused attempts (too short, blank, wrong code, sent twice): the client still has all 3 of its opinions', async () => {
    const client = newClient();
    const refusals = [
      (await send(box.slug, client, { text: '太短' })).status,
      (await send(box.slug, client, { text: '     ' })).status,
      (await send(box.slug, client, { text: '长度足够但格式不对的表单编号。', nonce: 'short' })).status,
      (await send(codedBox.slug, client, { text: '访问码不对的意见。', accessCode: 'WRONG1' })).status,
      (await send(codedBox.slug, client, { text: '没有访问码的意见。' })).status,
    ];
    expect(refusals).toEqual([400, 400, 400, 403, 403]);

    const nonce = 'retry-safe-nonce-0001';
    const accepted = [(await send(box.slug, client, { text: '带表单编号的第一条意见。', nonce })).status];
    // The same nonce again: stored nothing, so it counts nothing either.
    expect((await send(box.slug, client, { text: '带表单编号的第一条意见。', nonce })).status).toBe(409);
    for (const index of [2, 3]) accepted.push((await send(box.slug, client, { text: `被接受的第${index}条意见。` })).status);
    expect(accepted).toEqual([201, 201, 201]);

    const fourth = await send(box.slug, client, { text: '第四条意见，超过了每小时的数量。' });
    expect({ status: fourth.status, code: fourth.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
  });

  it('limits wrong access codes by the failures alone: after 3 the client is refused even with the right code, while others and other boxes go on', async () => {
    const guesser = newClient();
    const guesses: number[] = [];
    for (const code of ['AAAA11', 'BBBB22', 'CCCC33']) guesses.push((await send(codedBox.slug, guesser, { text: '猜访问码的意见。', accessCode: code })).status);
    expect(guesses).toEqual([403, 403, 403]);

    const right = await send(codedBox.slug, guesser, { text: '终于猜对了访问码。', accessCode: 'room42' });
    expect({ status: right.status, code: right.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(right.body.message).toContain('访问码输错的次数太多');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);

    // The failures were not submissions: the same client still writes to a box without a code.
    expect((await send(box.slug, guesser, { text: '在没有访问码的意见箱里写的意见。' })).status).toBe(201);
    // And a colleague with the code from the poster is not affected.
    expect((await send(codedBox.slug, newClient(), { text: '按海报上的访问码提交的意见。', accessCode: 'ROOM42' })).status).toBe(201);
  });

  it('caps a box at 5 accepted opinions per window from all addresses together, and says so; another box still takes them', async () => {
    const flooded = await openBox(t, scene.organiser, scene.meeting.id, { title: '被灌水的意见箱' });
    const statuses: number[] = [];
    for (let index = 1; index <= 5; index += 1) statuses.push((await send(flooded.slug, newClient(), { text: `换地址灌水的第${index}条意见。` })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201]);

    const sixth = newClient();
    const capped = await send(flooded.slug, sixth, { text: '换地址灌水的第6条意见。' });
    expect({ status: capped.status, code: capped.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(capped.body.message).toContain('这个意见箱这段时间收到的意见太多');
    expect(await countStoredOpinions(t, flooded.id)).toBe(5);
    expect((await send(box.slug, sixth, { text: '另一个意见箱照常接收。' })).status).toBe(201);
  });
});
