import { DataSource } from 'typeorm';
import { EmbeddingsService } from '../../src/embeddings/embeddings.service';
import { RawOpinion } from '../../src/opinions/raw-opinion.entity';
import { createMeeting } from '../factories/meetings';
import { createOrg, TestOrg } from '../factories/organizations';
import { EmbeddingsTestServer } from '../setup/embeddings-server';
import { isolatedDatabase } from '../setup/database-probe';
import { createTestApp, TestApp } from '../setup/test-app';
import { eventually } from '../setup/private-redis';
import { driverName, unique } from '../setup/test-env';

/** Texts the test model takes as saying one thing, by the thing: they share no word. */
const SAME_THING: Record<string, string> = {
  有的领导长期连轴转干部身心俱疲: '加班',
  双休成了单休周末基本都在单位: '加班',
  公务用车管理不够规范: '公车',
  班子成员之间批评多是一团和气: '批评',
  红红脸出出汗做得远远不够: '批评',
};

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * b[i], 0);
const WARNING = 'clustering goes on lexically';

describe(`an on-premises embedding model (${driverName})`, () => {
  // Texts sharing a label ("组A:") get one vector from the test model, as texts that say the same thing would.
  const server = new Promise<EmbeddingsTestServer>((resolve) => void EmbeddingsTestServer.start({ dimension: 12, groupOf: (text) => SAME_THING[text.replace(/[\p{P}\s]/gu, '')] ?? text.split(':')[0] }).then(resolve));
  let model: EmbeddingsTestServer;
  let t: TestApp;
  let embeddings: EmbeddingsService;
  // On MySQL a database of this file's own: another file's app, which has no model, would otherwise
  // sweep up this file's pending opinions and place them by their words before this worker does.
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  const modelName = unique('test-model-');
  const texts = (prefix: string) => [`组A:${prefix}会议太多`, `组A:${prefix}开会过多过频`, `组B:${prefix}公车私用`, `组C:${prefix}年轻干部培养`, `组D:${prefix}调研走过场`];

  beforeAll(async () => {
    model = await server;
    database = await isolatedDatabase('embeddings');
    t = await createTestApp({ ...database.overrides, EMBEDDINGS_URL: model.url, EMBEDDINGS_MODEL: modelName, EMBEDDINGS_API_KEY: 'sk-test-key', EMBEDDINGS_BATCH: '2', EMBEDDINGS_TIMEOUT_MS: '500' });
    embeddings = t.app.get(EmbeddingsService);
  });
  afterEach(() => model.reset());

  // Each check looks at its own texts only: the tests share one model server and one cache.
  const requestsFor = (texts: string[]) => model.requests.filter((request) => (request.body.input as string[]).every((text) => texts.includes(text)));
  const sentOf = (texts: string[]) => model.texts.filter((text) => texts.includes(text));
  afterAll(async () => {
    await t?.close();
    await model?.close();
    await database?.drop();
  });

  it('embeds each distinct text once, in batches, with the key, and gives unit vectors that put together what the model puts together', async () => {
    const given = texts('一');
    // A repeat and a variant in white space and full-width letters: the same text to the model.
    const vectors = await embeddings.vectorsFor([...given, given[0], ` ${given[2]}\n`, given[3].replace('组C', '组Ｃ')]);
    expect(requestsFor(given)).toHaveLength(3);
    expect(sentOf(given).sort()).toEqual([...given].sort());
    expect(requestsFor(given).every((request) => request.authorization === 'Bearer sk-test-key' && request.body.model === modelName)).toBe(true);
    expect(vectors).not.toBeNull();
    expect(vectors!.size).toBe(7);
    for (const vector of vectors!.values()) expect(dot(vector, vector)).toBeCloseTo(1, 5);
    expect(dot(vectors!.get(given[0])!, vectors!.get(given[1])!)).toBeCloseTo(1, 5);
    expect(dot(vectors!.get(given[0])!, vectors!.get(given[2])!)).toBeLessThan(0.9);
    expect(vectors!.get(` ${given[2]}\n`)).toEqual(vectors!.get(given[2]));
  });

  it('keeps the vectors in the database: a second run sends nothing, a new text alone is sent', async () => {
    const given = texts('二');
    const first = await embeddings.vectorsFor(given);
    model.reset();
    const again = await embeddings.vectorsFor(given);
    expect(requestsFor(given)).toHaveLength(0);
    expect(again).toEqual(first);
    const more = await embeddings.vectorsFor([...given, '组E:二 新的一条']);
    expect(sentOf([...given, '组E:二 新的一条'])).toEqual(['组E:二 新的一条']);
    expect(more!.size).toBe(6);
  });

  it('keeps no text and nothing but the model, the hash, the dimension and the vector', async () => {
    await embeddings.vectorsFor(texts('三'));
    const dataSource = t.app.get(DataSource);
    const columns = dataSource.getMetadata('text_embeddings').columns.map((column) => column.databaseName).sort();
    expect(columns).toEqual(['dimension', 'model', 'textHash', 'vector']);
    const rows: Array<{ textHash: string; dimension: number; vector: Buffer }> = await dataSource.query(`SELECT * FROM text_embeddings WHERE model = ?`, [modelName]);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const row of rows) {
      expect(row.textHash).toMatch(/^[0-9a-f]{64}$/);
      expect(Number(row.dimension)).toBe(12);
      expect(Buffer.from(row.vector)).toHaveLength(48);
    }
  });

  it.each([
    ['fails', 'fail', /answered HTTP 500/],
    ['does not answer in time', 'hang', /no answer within 500 ms/],
    ['answers the wrong shape', 'bad', /indexes do not cover/],
    ['answers a vector of length zero', 'zero', /length zero/],
  ] as const)('goes on without vectors when the endpoint %s: null, a warning naming no text, nothing thrown', async (_, mode, reason) => {
    const given = texts(`四${mode}`);
    model.mode = mode;
    const logsBefore = t.logs.length;
    const started = Date.now();
    await expect(embeddings.vectorsFor(given)).resolves.toBeNull();
    expect(Date.now() - started).toBeLessThan(3000);
    const logged = t.logs.slice(logsBefore).join('\n');
    expect(logged).toContain(WARNING);
    expect(logged).toMatch(reason);
    for (const text of given) expect(logged).not.toContain(text.split(':')[1]);
    expect(logged).not.toContain('sk-test-key');
    expect(await embeddings.status()).toEqual(expect.objectContaining({ configured: true, model: modelName, lastError: expect.stringMatching(reason), lastFailureAt: expect.any(String) }));
    // Nothing stored from a failed answer: the next run asks again.
    model.mode = 'ok';
    model.reset();
    expect(await embeddings.vectorsFor(given)).not.toBeNull();
    expect(sentOf(given).sort()).toEqual([...given].sort());
  });

  describe('in the opinion list', () => {
    let org: TestOrg;
    let meeting: { id: string };
    const record = (texts: string[]) =>
      t.http
        .post(`/api/v1/meetings/${meeting.id}/symposiums`)
        .set(org.admin.auth)
        .send({ heldOn: t.clock.today(), audience: '机关干部', attendeeCount: 12, opinions: texts.map((text) => ({ text })) })
        .expect(201);
    const itemsOf = async (texts: string[]) => {
      const rows = await t.dataSource.getRepository(RawOpinion).find({ where: { meetingId: meeting.id } });
      return texts.map((text) => rows.find((row) => row.text === text)?.itemId ?? 'not placed');
    };
    const queueView = async () => (await t.http.get('/api/v1/admin/queues').set(org.admin.auth).expect(200)).body.embeddings;

    beforeEach(async () => {
      org = await createOrg(t);
      meeting = await createMeeting(t, org.admin);
    });

    it('puts together, in the worker, opinions the model says are one though they share no word, and sends each text once', async () => {
      const overtime = ['有的领导长期连轴转，干部身心俱疲。', '双休成了单休，周末基本都在单位。'];
      await record([...overtime, '公务用车管理不够规范。', '公务用车管理不够规范。']);
      await t.drain();
      const [first, second, car, carAgain] = await itemsOf([...overtime, '公务用车管理不够规范。', '公务用车管理不够规范。']);
      expect({ sameItem: first === second, placed: first !== 'not placed' }).toEqual({ sameItem: true, placed: true });
      expect(car).toBe(carAgain);
      expect(car).not.toBe(first);
      expect(sentOf(['公务用车管理不够规范。'])).toHaveLength(1);
      // The second round: what the model said is in the database, only the new texts are sent.
      model.reset();
      await record(['班子成员之间批评多是一团和气。', '红红脸、出出汗做得远远不够。']);
      await t.drain();
      const [calm, sweat] = await itemsOf(['班子成员之间批评多是一团和气。', '红红脸、出出汗做得远远不够。']);
      expect(calm).toBe(sweat);
      const criticism = ['班子成员之间批评多是一团和气。', '红红脸、出出汗做得远远不够。'];
      expect(sentOf([...criticism, ...overtime, '公务用车管理不够规范。']).sort()).toEqual(criticism.sort());
      expect(await queueView()).toMatchObject({ configured: true, model: modelName, lexicalOnly: false, lastSuccessAt: expect.any(String) });
    });

    it('goes on by words alone when the model fails: every opinion placed, the log and the queue view say so, until the model is back', async () => {
      model.mode = 'fail';
      // Texts the cache does not hold yet (another end of sentence): the model must be asked.
      const overtime = ['有的领导长期连轴转，干部身心俱疲！', '双休成了单休，周末基本都在单位！'];
      await record(overtime);
      await t.drain();
      const [first, second] = await itemsOf(overtime);
      expect({ bothPlaced: first !== 'not placed' && second !== 'not placed', apartByWords: first !== second }).toEqual({ bothPlaced: true, apartByWords: true });
      expect(t.logs.join('\n')).toContain(WARNING);
      expect(await queueView()).toMatchObject({ configured: true, lexicalOnly: true, lastError: expect.stringMatching(/HTTP 500/), lastFailureAt: expect.any(String) });
      model.mode = 'ok';
      // The model back: the next placing says so.
      let round = 0;
      await eventually(async () => {
        round += 1;
        await record([`公务用车管理不够规范（第${round}次）。`]);
        await t.drain();
        return !(await queueView()).lexicalOnly;
      }, 15_000).catch(async () => {
        throw new Error(`the queue view still says lexical only after the model came back: ${JSON.stringify(await queueView())}`);
      });
    });
  });

  it('answers from the cache alone while the endpoint is down', async () => {
    const given = texts('五');
    await embeddings.vectorsFor(given);
    model.reset();
    model.mode = 'fail';
    expect((await embeddings.vectorsFor(given))?.size).toBe(5);
    expect(requestsFor(given)).toHaveLength(0);
  });
});

describe(`without EMBEDDINGS_URL (${driverName})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('gives no vectors, asks nothing, warns nothing and says it is not configured', async () => {
    const embeddings = t.app.get(EmbeddingsService);
    await expect(embeddings.vectorsFor(['会议太多'])).resolves.toBeNull();
    expect(t.logs.join('\n')).not.toContain(WARNING);
    expect(await embeddings.status()).toEqual({ configured: false, model: null, lastFailureAt: null, lastError: null, lastSuccessAt: null });
    const org = await createOrg(t);
    const queues = await t.http.get('/api/v1/admin/queues').set(org.admin.auth).expect(200);
    expect(queues.body.embeddings).toEqual({ configured: false, model: null, lexicalOnly: false, lastFailureAt: null, lastError: null, lastSuccessAt: null });
  });
});
