import { Role } from '../../src/common/roles';
import { createMeeting } from '../factories/meetings';
import { createOrg, TestOrg, TestUser } from '../factories/organizations';
import { createSurvey, fullAnswers, issueTokens, surveyBody } from '../factories/surveys';
import { asText, Changes, diffSnapshots, isolatedDatabase, Row, snapshotDatabase, timeFinerThanADay, unjudgedColumns } from '../setup/database-probe';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName, onMysql } from '../setup/test-env';

/**
 * An anonymous survey's answer, looked at the way someone with the database would: can it be
 * joined back to the token it came with, and so to the person the token was handed to? The
 * tests read the schema and the rows, so adding a link (a column, a copied value, a time) fails
 * them until someone has judged it safe.
 */

/** The columns of survey_responses, each judged unable to lead back to a token. */
// `held`: one flag shared by every answer of a batch until its release; it tells nothing of anyone.
const RESPONSE_COLUMNS = ['id', 'organizationId', 'surveyId', 'departmentId', 'tokenId', 'answers', 'receivedOn', 'held'];
/** The columns of survey_tokens: nothing in them says when, or for which answer, a token was used. */
const TOKEN_COLUMNS = ['id', 'organizationId', 'surveyId', 'tokenHash', 'departmentId', 'used'];
/** The only tables an answer may write to. */
const TABLES_AN_ANSWER_MAY_WRITE = ['raw_opinions', 'survey_responses', 'survey_tokens'];
/** What an answer and its token may have in common: the organiser chose the department when issuing it. */
const SHARED_WITH_ITS_TOKEN = ['organizationId', 'surveyId', 'departmentId'];

const USER_AGENT = 'Mozilla/5.0 (Linux; Android 14) TanxinSurveyProbe/3.2.1';
const FORWARDED_FOR = '198.51.100.23';

describe(`what an anonymous survey answer leaves behind (${driverName})`, () => {
  let t: TestApp;
  let org: TestOrg;
  let organiser: TestUser;
  let staff: TestUser;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let surveyId: string;
  let departmentId: string;
  let tokens: string[];

  beforeAll(async () => {
    database = await isolatedDatabase('tanxin_survey_anon');
    t = await createTestApp({ TRUST_PROXY: 'true', ...database.overrides });
    org = await createOrg(t);
    organiser = await org.user([Role.Organiser]);
    staff = await org.user([Role.Staff]);
    const meeting = await createMeeting(t, organiser);
    surveyId = (await createSurvey(t, organiser, meeting.id, surveyBody(meeting.aspects[0]))).id;
    departmentId = (await org.department()).id;
    tokens = await issueTokens(t, organiser, surveyId, 4, departmentId);
  });

  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const respondentHeaders = () => ({ 'user-agent': USER_AGENT, 'x-forwarded-for': FORWARDED_FOR, authorization: staff.auth.authorization });

  /** Runs an answer between two snapshots of the whole database and the log. */
  async function observe(answer: () => Promise<void>): Promise<{ changes: Changes; logLines: string[] }> {
    // Earlier work finished first: the log taken around the answer holds only what it wrote.
    await t.drain();
    const before = await snapshotDatabase(t.dataSource);
    const logsBefore = t.logs.length;
    await answer();
    return { changes: diffSnapshots(before, await snapshotDatabase(t.dataSource)), logLines: t.logs.slice(logsBefore) };
  }

  const answers: Array<{ route: string; tokenIndex: number; maskedUrl: string; text: string; send(token: string, text: string): Promise<void> }> = [
    {
      route: 'POST /api/v1/public/surveys/:token/responses',
      tokenIndex: 0,
      maskedUrl: '/api/v1/public/surveys/:param/responses',
      text: '接口填写：机关部门服务基层的意识还要加强，办事流程偏长。',
      async send(token, text) {
        const response = await t.http.post(`/api/v1/public/surveys/${token}/responses`).set(respondentHeaders()).send(fullAnswers({ 3: text }));
        if (response.status !== 201) throw new Error(`the answer failed: ${response.status} ${JSON.stringify(response.body)}`);
      },
    },
    {
      route: 'POST /s/:token',
      tokenIndex: 1,
      maskedUrl: '/s/:param',
      text: '页面填写：年轻干部交流轮岗的机会偏少，建议拓宽渠道。',
      async send(token, text) {
        const response = await t.http.post(`/s/${token}`).set(respondentHeaders()).type('form').send({ q0: '3', q1: '2', q2: ['0', '1'], q3: text });
        // Accepted: 303 back to the page (post/redirect/get), which then thanks.
        if (response.status !== 303 || response.headers.location !== `/s/${token}?sent=1`) throw new Error(`the page answer failed: ${response.status} ${response.text}`);
      },
    },
  ];

  describe.each(answers)('an answer through $route', (way) => {
    let observed: Awaited<ReturnType<typeof observe>>;
    let token: string;
    beforeAll(async () => {
      token = tokens[way.tokenIndex];
      observed = await observe(() => way.send(token, way.text));
    });

    /** Everything that could name the token or the person holding it. */
    const probes = (): Array<[string, string]> => [
      ['the token', token],
      ['the token in capitals', token.toUpperCase()],
      ['the X-Forwarded-For address', FORWARDED_FOR],
      ['the user agent', 'TanxinSurveyProbe'],
      ["the staff user's id", staff.id],
      ["the staff user's username", staff.username],
    ];

    it('writes one answer, its text opinion and the token\'s used mark, and nothing else', () => {
      const elsewhere = [...observed.changes.keys()].filter((table) => !TABLES_AN_ANSWER_MAY_WRITE.includes(table)).map((table) => `an answer wrote to ${table}: review it for anonymity, then allow it here`);
      expect(elsewhere).toEqual([]);
      const count = (table: string) => ({ added: observed.changes.get(table)?.added.length ?? 0, removed: observed.changes.get(table)?.removed.length ?? 0 });
      expect({ responses: count('survey_responses'), opinions: count('raw_opinions'), tokens: count('survey_tokens') }).toEqual({
        responses: { added: 1, removed: 0 },
        opinions: { added: 1, removed: 0 },
        tokens: { added: 1, removed: 1 },
      });
    });

    it('changes nothing on the token but its used mark: no time, no reference to the answer', () => {
      const { added, removed } = observed.changes.get('survey_tokens')!;
      const changedColumns = Object.keys(added[0]).filter((column) => asText(added[0][column]) !== asText(removed[0][column]));
      expect(changedColumns).toEqual(['used']);
    });

    it('keeps no link from the answer to its token: nothing in common but survey, organisation and the chosen department', async () => {
      const [response] = observed.changes.get('survey_responses')!.added;
      const tokenRow = observed.changes.get('survey_tokens')!.added[0];
      expect(response.tokenId).toBeNull();
      const shared = sharedValues(response, tokenRow).filter(([responseColumn]) => !SHARED_WITH_ITS_TOKEN.includes(responseColumn));
      expect(shared.map(([responseColumn, tokenColumn, value]) => `survey_responses.${responseColumn} = survey_tokens.${tokenColumn} (${value})`)).toEqual([]);
      expect(response.departmentId).toBe(departmentId);
    });

    it('leaves no token, address, user agent, account or time finer than a day in any new or changed row', () => {
      const findings: string[] = [];
      for (const [table, { added }] of observed.changes) {
        for (const row of added) {
          for (const [column, value] of Object.entries(row)) {
            const text = asText(value).toLowerCase();
            for (const [what, probe] of probes()) if (text.includes(probe.toLowerCase())) findings.push(`${table}.${column} holds ${what}`);
            const time = timeFinerThanADay(value);
            if (time) findings.push(`${table}.${column} holds ${time}`);
          }
        }
      }
      expect(findings).toEqual([]);
    });

    it('puts the text in the pool with no link to the answer row beyond the survey and the day', () => {
      const [response] = observed.changes.get('survey_responses')!.added;
      const [opinion] = observed.changes.get('raw_opinions')!.added;
      expect(opinion).toMatchObject({ text: way.text, channel: 'survey', sourceId: surveyId });
      const shared = sharedValues(opinion, response).filter(([opinionColumn]) => !['organizationId', 'sourceId', 'receivedOn'].includes(opinionColumn));
      expect(shared.map(([opinionColumn, responseColumn, value]) => `raw_opinions.${opinionColumn} = survey_responses.${responseColumn} (${value})`)).toEqual([]);
    });

    it('writes no log line while answering it: no neighbouring timestamped line can date it', () => {
      expect({ linesWrittenDuringTheAnswer: observed.logLines }).toEqual({ linesWrittenDuringTheAnswer: [] });
    });

    it('is counted in a line written when the day ends: the day, the masked path, the count, and neither the token nor the text', () => {
      const logsBefore = t.logs.length;
      t.flushPublicLog();
      const flushed = t.logs.slice(logsBefore);
      const lines = flushed.map((line) => JSON.parse(line) as Record<string, unknown>);
      const requestLine = lines.find((line) => line.scope === 'public' && (line.req as { url?: string } | undefined)?.url === way.maskedUrl);
      expect(requestLine).toMatchObject({ day: t.clock.today(), count: 1 });
      const findings = flushed.flatMap((line, index) => [
        ...[...probes(), ['the text', way.text] as [string, string]].filter(([, probe]) => line.toLowerCase().includes(probe.toLowerCase())).map(([what]) => `log line ${index} holds ${what}: ${line}`),
        ...('time' in lines[index] ? [`log line ${index} has a "time" field: ${line}`] : []),
      ]);
      expect(findings).toEqual([]);
    });
  });

  it('has exactly the judged columns in survey_responses and survey_tokens, none of which can hold a time of day', async () => {
    expect([...(await unjudgedColumns(t.dataSource, 'survey_responses', RESPONSE_COLUMNS)), ...(await unjudgedColumns(t.dataSource, 'survey_tokens', TOKEN_COLUMNS))]).toEqual([]);
  });

  if (!onMysql) {
    it('keeps survey_responses WITHOUT ROWID on SQLite: there is no rowid to tell the order of arrival', async () => {
      await expect(t.dataSource.query('SELECT rowid FROM survey_responses')).rejects.toThrow(/no such column: rowid/);
      await expect(t.dataSource.query('SELECT rowid FROM survey_tokens')).resolves.toEqual(expect.any(Array));
    });
  }

  it('cannot tell which of a department\'s answers came with which token', async () => {
    const rows = async () => (await t.dataSource.query(`SELECT * FROM survey_responses WHERE ${t.dataSource.driver.escape('surveyId')} = ?`, [surveyId])) as Row[];
    const tokenRows = (await t.dataSource.query(`SELECT * FROM survey_tokens WHERE ${t.dataSource.driver.escape('surveyId')} = ?`, [surveyId])) as Row[];
    const linked = (await rows()).flatMap((response) =>
      tokenRows.flatMap((tokenRow) => sharedValues(response, tokenRow).filter(([column]) => !SHARED_WITH_ITS_TOKEN.includes(column)).map(([column, tokenColumn]) => `${column} = token.${tokenColumn}`)),
    );
    expect(linked).toEqual([]);
  });
});

/** Pairs of columns of `a` and `b` holding the same non-empty value, with the value. */
function sharedValues(a: Row, b: Row): Array<[string, string, string]> {
  const found: Array<[string, string, string]> = [];
  for (const [columnA, valueA] of Object.entries(a)) {
    if (valueA === null || valueA === undefined || asText(valueA).length < 2) continue;
    for (const [columnB, valueB] of Object.entries(b)) if (asText(valueA) === asText(valueB)) found.push([columnA, columnB, asText(valueA)]);
  }
  return found;
}
