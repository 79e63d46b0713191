import { OpenAPIObject } from '@nestjs/swagger';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { buildOpenApiDocument } from '../../src/core/http';
import { openBox } from '../factories/boxes';
import { createMeeting, createTeam } from '../factories/meetings';
import { createOrg, TestUser } from '../factories/organizations';
import { createSurvey, issueTokens, surveyBody } from '../factories/surveys';
import { createTestApp, TestApp } from '../setup/test-app';
import { driverName } from '../setup/test-env';

/**
 * Issue 15: a property-based fuzzer over every operation of the OpenAPI document. For each one it
 * sends requests generated from its schema — and deliberately against it: wrong types, nulls,
 * huge strings, deep nesting, unicode, missing and extra fields, odd ids, odd content types — as
 * an organiser and as nobody, and asserts that no answer is a 5xx. Each 5xx found is listed with
 * the operation, the request and the answer.
 *
 * Deterministic (a fixed seed); FUZZ_SEED and FUZZ_RUNS change the seed and the number of
 * requests per operation and actor, e.g. `FUZZ_RUNS=500` for a longer hunt by hand.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 15);
const RUNS = Number(process.env.FUZZ_RUNS ?? 24);
/** Anonymous requests to an operation that needs a login stop at the guard: fewer of them. */
const ANONYMOUS_RUNS = Math.max(3, Math.round(RUNS / 4));

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  example?: unknown;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema };
type Operation = { operationId?: string; parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; security?: unknown[] };

interface FuzzRequest {
  path: Record<string, string>;
  query: Array<[string, string]>;
  contentType?: string;
  body?: string | Buffer;
  headers: Record<string, string>;
}

interface Found {
  operation: string;
  actor: string;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  answer: { status: number; body: unknown };
}

/** Values that broke parsers, ORMs, path matchers and string handling elsewhere. */
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\t\n',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1e309',
  'NaN',
  '9007199254740993',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '../../../etc/passwd',
  '%00',
  '%',
  '%zz',
  '__proto__',
  'constructor',
  '{}',
  '[]',
  '$where',
  '${7*7}',
  '<script>alert(1)</script>',
  '𠮷𠮷𠮷😀👨‍👩‍👧‍👦',
  '\u202e\u200b\ufeff',
  'ｆｕｌｌｗｉｄｔｈ',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '2026-02-30',
  '2026-13-01',
  '9999-12-31T23:59:59Z',
];

const oddString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }).map((count) => '意见'.repeat(count * 700)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }).map((count) => 'x'.repeat(10 ** count)) },
);

/** A value deliberately of no schema: wrong types, nulls, odd numbers, nesting, huge text. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: oddString },
  { weight: 2, arbitrary: fc.constantFrom(0, -1, -0, 1.5, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, true, false) },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [null], [[]], { __proto__: { admin: true } }, JSON.parse('{"__proto__":{"x":1}}'), { constructor: { prototype: { x: 1 } } }) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 40 }).map((depth) => nest(depth)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

function nest(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { x: value };
  return value;
}

/** Dates, some of them on no calendar (a DATE column on MariaDB refuses those). */
const DATE_EXAMPLES = ['2026-12-10', '2026-12-28', '2027-01-31', '2026-02-30', '2026-02-29', '0999-01-01', '2026-12-10T18:00:00+08:00'];

describe(`fuzzing every operation of the OpenAPI document: no input gets a 5xx (${driverName})`, () => {
  let t: TestApp;
  let document: OpenAPIObject;
  let organiser: TestUser;
  /** One listening socket for all the requests (supertest would otherwise start a server per request). */
  let http: TestAgent;
  /** The values a path parameter can take that name something real, by the segment before it. */
  const known: Record<string, string[]> = {};
  /** Ids of every kind, for uuid fields of bodies. */
  let ids: string[] = [];
  let aspects: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({
      BOX_SUBMIT_RATE_LIMIT: '1000000',
      SURVEY_SUBMIT_RATE_LIMIT: '1000000',
      RECEIPT_LOOKUP_RATE_LIMIT: '1000000',
      PUBLIC_READ_RATE_LIMIT: '1000000',
      ACCESS_CODE_FAILURE_LIMIT: '1000000',
      LOGIN_RATE_LIMIT: '10000',
      LOGIN_ACCOUNT_RATE_LIMIT: '10000',
    });
    document = await buildOpenApiDocument(t.app);
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    http = request(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const org = await createOrg(t);
    organiser = org.admin;
    // A person the fuzzer may rename, deactivate or move: not the organiser it acts as.
    const person = await org.user(['leader'] as never);
    const department = await org.department();
    const meeting = await createMeeting(t, organiser);
    aspects = meeting.aspects;
    const team = await createTeam(t, org, meeting.id, 3);
    const box = await openBox(t, organiser, meeting.id);
    const receipts: string[] = [];
    for (const text of ['会议太多太长，基层疲于应付。', '调查研究不深入，下基层次数偏少。']) {
      const response = await t.http.post(`/api/v1/public/boxes/${box.slug}/opinions`).send({ text });
      if (response.status === 201) receipts.push(response.body.receipt);
    }
    const survey = await createSurvey(t, organiser, meeting.id, surveyBody(meeting.aspects[0]));
    const tokens = await issueTokens(t, organiser, survey.id, 50);
    const items: string[] = [];
    for (const summary of ['督导组指出：调查研究不够深入。', '上级指出：会议偏多，文风不实。']) {
      const response = await t.http.post(`/api/v1/meetings/${meeting.id}/items`).set(organiser.auth).send({ summary, aspect: meeting.aspects[0] });
      if (response.status === 201) items.push(response.body.id);
    }
    const talk = await t.http
      .post(`/api/v1/meetings/${meeting.id}/talks`)
      .set(team.secretary.auth)
      .send({ counterpartUserId: team.members[0].id, heldOn: t.clock.today(), summary: '双方交流了思想和工作情况。' });
    const webhook = await t.http.post('/api/v1/webhooks').set(organiser.auth).send({ url: 'http://127.0.0.1:9/hook', format: 'generic' });
    const exported = await t.http.post(`/api/v1/meetings/${meeting.id}/exports`).set(organiser.auth).send({ what: 'opinion-list', format: 'xlsx' });
    const members = [team.secretary.id, ...team.members.map((member) => member.id)];

    Object.assign(known, {
      users: [person.id, ...members],
      departments: [department.id],
      meetings: [meeting.id],
      boxes: [box.id],
      'public/boxes': [box.slug],
      receipts,
      surveys: [survey.id],
      'public/surveys': tokens,
      talks: talk.status === 201 ? [talk.body.id] : [],
      items,
      'item-merges': [],
      webhooks: webhook.status === 201 ? [webhook.body.id] : [],
      exports: exported.status === 201 || exported.status === 202 ? [exported.body.id] : [],
      notifications: [],
      materials: members,
      distinct: items,
    });
    ids = [person.id, department.id, meeting.id, box.id, survey.id, ...members, ...items];
  });
  afterAll(() => t?.close());

  const resolve = (schema: Schema | undefined): Schema => {
    let current = schema ?? {};
    for (let hops = 0; current.$ref && hops < 10; hops += 1) {
      current = (document.components?.schemas?.[current.$ref.replace('#/components/schemas/', '')] as Schema | undefined) ?? {};
    }
    if (current.allOf?.length) return current.allOf.map(resolve).reduce((merged, part) => ({ ...merged, ...part, properties: { ...merged.properties, ...part.properties }, required: [...(merged.required ?? []), ...(part.required ?? [])] }), {} as Schema);
    return current;
  };

  /**
   * A value that fits `schema` (as far as a schema can say: patterns are approximated); `strict`
   * only fitting values all the way down, else now and then an odd one in a field.
   */
  const fitting = (schemaIn: Schema | undefined, name: string, depth: number, strict = false): fc.Arbitrary<unknown> => {
    const schema = resolve(schemaIn);
    const variant = schema.oneOf ?? schema.anyOf;
    if (variant?.length) return fc.oneof(...variant.map((part) => fitting(part, name, depth, strict)));
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    switch (schema.type) {
      case 'string': {
        if (schema.format === 'uuid' || /Id$|^id$/.test(name)) return fc.constantFrom(...ids, randomUUID());
        if (schema.format === 'date-time' || schema.format === 'date' || /heldOn|Until|dueDate|closesAt/.test(name)) return fc.constantFrom(...DATE_EXAMPLES);
        if (/aspect/i.test(name) && aspects.length) return fc.constantFrom(...aspects);
        if (schema.format === 'uri' || /url/i.test(name)) return fc.constantFrom('http://127.0.0.1:9/hook', 'https://example.invalid/x', 'ftp://x');
        if (schema.pattern) return fc.oneof(fc.stringMatching(new RegExp(schema.pattern)).filter((text) => text.length <= 200), fc.constant(schema.example ?? 'abc'));
        const minLength = schema.minLength ?? 0;
        const maxLength = Math.min(schema.maxLength ?? 60, Math.max(minLength, 60));
        return fc.oneof(
          fc.string({ unit: 'grapheme', minLength, maxLength }),
          fc.constantFrom('会议太多太长，文山会海问题突出，基层疲于应付。', '调查研究不深入'),
          fc.constant('意'.repeat(Math.min(schema.maxLength ?? 100, 10_000))),
        );
      }
      case 'integer':
        return fc.integer({ min: Math.max(schema.minimum ?? -1000, -(2 ** 31)), max: Math.min(schema.maximum ?? 1000, 2 ** 31) });
      case 'number':
        return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        if (depth > 4) return fc.constant([]);
        return fc.array(field(schema.items, name, depth + 1, strict), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) });
      case 'object':
      default:
        if (schema.properties && depth <= 4) return objectOf(schema, depth, strict);
        if (typeof schema.additionalProperties === 'object' && depth <= 4) return fc.dictionary(fc.oneof(fc.constantFrom(...aspects, '工作作风'), oddString), field(schema.additionalProperties, name, depth + 1, strict), { maxKeys: 5 });
        return fc.jsonValue({ maxDepth: 3 });
    }
  };

  /** A field's value: mostly fitting, sometimes odd (unless strict). */
  const field = (schema: Schema | undefined, name: string, depth: number, strict = false): fc.Arbitrary<unknown> =>
    strict ? fitting(schema, name, depth, true) : fc.oneof({ weight: 4, arbitrary: fitting(schema, name, depth) }, { weight: 1, arbitrary: oddValue });

  /** An object of the schema's properties: each present or not, fitting or odd, now and then an extra one. */
  const objectOf = (schema: Schema, depth: number, strict: boolean): fc.Arbitrary<unknown> => {
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, property] of Object.entries(schema.properties ?? {})) shape[name] = field(property, name, depth + 1, strict);
    const required = (schema.required ?? []).filter((name) => name in shape);
    if (strict) return fc.record(shape, { requiredKeys: required });
    return fc
      .tuple(
        fc.oneof({ weight: 3, arbitrary: fc.record(shape, { requiredKeys: required }) }, { weight: 1, arbitrary: fc.record(shape, { requiredKeys: [] }) }),
        fc.oneof({ weight: 5, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.dictionary(oddString, oddValue, { maxKeys: 3 }) }),
      )
      .map(([fields, extra]) => ({ ...extra, ...fields }));
  };

  /** A fitting body with one of its top-level fields sent as null (or as another odd value). */
  const oneFieldOdd = (schemaIn: Schema | undefined): fc.Arbitrary<unknown> | undefined => {
    const schema = resolve(schemaIn);
    const names = Object.keys(schema.properties ?? {});
    if (!names.length) return undefined;
    return fc
      .tuple(fitting(schema, 'body', 0, true), fc.constantFrom(...names), fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: oddValue }))
      .map(([body, name, value]) => ({ ...(body as object), [name]: value }));
  };

  const RAW_BODIES = [
    '',
    '{',
    '{"a":1,}',
    'null',
    '[]',
    '"text"',
    '42',
    '\u0000',
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '{"x":'.repeat(10_000),
    '['.repeat(50_000) + ']'.repeat(50_000),
    JSON.stringify(nest(33)),
    '\ufeff{}',
  ];

  const bodyFor = (operation: Operation): fc.Arbitrary<{ contentType?: string; body?: string | Buffer }> => {
    const content = operation.requestBody?.content ?? {};
    const json = content['application/json'];
    const binary = Object.keys(content).filter((type) => type !== 'application/json');
    const choices: Array<fc.WeightedArbitrary<{ contentType?: string; body?: string | Buffer }>> = [
      { weight: 1, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((body) => ({ contentType: 'application/json', body })) },
      { weight: 1, arbitrary: oddValue.map((value) => ({ contentType: 'application/json', body: JSON.stringify(value) ?? 'null' })) },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/xml', 'application/octet-stream', '', 'application/json;;;'), fc.constantFrom('a=1&b=2', '{}', '--x--', 'x'.repeat(300_000))).map(([contentType, body]) => ({ contentType, body })),
      },
    ];
    if (json) {
      const asJson = (value: unknown) => ({ contentType: 'application/json', body: JSON.stringify(value) ?? 'null' });
      choices.push({ weight: 4, arbitrary: fitting(json.schema, 'body', 0).map(asJson) }, { weight: 4, arbitrary: fitting(json.schema, 'body', 0, true).map(asJson) });
      const odd = oneFieldOdd(json.schema);
      if (odd) choices.push({ weight: 3, arbitrary: odd.map(asJson) });
    }
    if (binary.length) {
      choices.push({ weight: 6, arbitrary: fc.tuple(fc.constantFrom(...binary), fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('', '%PDF-1.7\n', 'PK\u0003\u0004')).map(([contentType, bytes, magic]) => ({ contentType, body: Buffer.concat([Buffer.from(magic, 'latin1'), Buffer.from(bytes)]) })) });
    }
    return fc.oneof(...choices);
  };

  /** A path parameter: what names something real (by the segment before it), or an odd string. */
  const pathValue = (path: string, name: string): fc.Arbitrary<string> => {
    const before = path.split(`{${name}}`)[0].replace(/\/$/, '');
    const segment = before.split('/').at(-1) ?? '';
    const key = before.endsWith('public/boxes') ? 'public/boxes' : before.endsWith('public/surveys') ? 'public/surveys' : segment;
    const real = [...(known[key] ?? []), ...(name === 'otherId' ? (known.items ?? []) : [])];
    const odd = oddString.filter((text) => text.length <= 5000).map(encodeURIComponent);
    return real.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: odd }, { weight: 1, arbitrary: fc.constantFrom('..', '.', '%2e%2e', '%2F', '%25', '%c0%ae') }) : odd;
  };

  const queryFor = (operation: Operation): fc.Arbitrary<Array<[string, string]>> => {
    const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
    const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');
    const one = (parameter: Parameter) =>
      fc.oneof(
        { weight: 3, arbitrary: fitting(parameter.schema, parameter.name, 0).map((value) => [[parameter.name, asText(value)]] as Array<[string, string]>) },
        { weight: 1, arbitrary: oddString.filter((text) => text.length <= 5000).map((value) => [[parameter.name, value]] as Array<[string, string]>) },
        { weight: 1, arbitrary: fc.array(oddString.filter((text) => text.length < 100), { minLength: 2, maxLength: 3 }).map((values) => values.map((value) => [parameter.name, value] as [string, string])) },
        { weight: 1, arbitrary: fc.constant([] as Array<[string, string]>) },
      );
    return fc
      .tuple(fc.tuple(...declared.map(one)), fc.oneof({ weight: 4, arbitrary: fc.constant([] as Array<[string, string]>) }, { weight: 1, arbitrary: fc.array(fc.tuple(oddString.filter((text) => text.length < 200), oddString.filter((text) => text.length < 200)), { maxLength: 3 }) }))
      .map(([values, extra]) => [...values.flat(), ...extra]);
  };

  const headersFor = (token: string | null): fc.Arbitrary<Record<string, string>> => {
    const authorization = token
      ? fc.oneof({ weight: 9, arbitrary: fc.constant(`Bearer ${token}`) }, { weight: 1, arbitrary: fc.constantFrom(`Bearer ${token}x`, 'Bearer', `bearer ${token}`, `Bearer ${token} ${token}`) })
      : fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('Bearer garbage', 'Bearer a.b.c', 'Basic YWRtaW46YWRtaW4=', `Bearer ${'x'.repeat(8000)}`, 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.') });
    const requestId = fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('x'.repeat(500), '\u00ff\u00fe', 'a b', '../..') });
    return fc.tuple(authorization, requestId).map(([auth, id]) => ({ ...(auth ? { authorization: auth } : {}), ...(id ? { 'x-request-id': id } : {}) }));
  };

  const requestsFor = (path: string, operation: Operation, token: string | null): fc.Arbitrary<FuzzRequest> => {
    const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    const pathShape: Record<string, fc.Arbitrary<string>> = {};
    for (const name of pathNames) pathShape[name] = pathValue(path, name);
    return fc.record({ path: fc.record(pathShape), query: queryFor(operation), sent: bodyFor(operation), headers: headersFor(token) }).map(({ path: values, query, sent, headers }) => ({ path: values, query, headers, ...sent }));
  };

  const send = async (method: string, template: string, request: FuzzRequest) => {
    const path = template.replace(/\{(\w+)\}/g, (_match, name: string) => request.path[name]);
    const search = request.query.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
    const url = search ? `${path}?${search}` : path;
    const headers: Record<string, string> = { ...request.headers, ...(request.contentType !== undefined ? { 'content-type': request.contentType } : {}) };
    let call = (http as unknown as Record<string, (url: string) => import('supertest').Test>)[method](url).set(headers);
    if (request.body !== undefined) call = call.send(request.body as string);
    const response = await call;
    return { url, headers, status: response.status, body: response.body && Object.keys(response.body).length ? response.body : response.text?.slice(0, 500) };
  };

  it('answers every generated request with a status under 500', async () => {
    const found: Found[] = [];
    let sent = 0;
    const statuses: Record<number, number> = {};
    const started = Date.now();
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({ path, method, operation })),
    );
    expect(operations.length).toBeGreaterThan(50);
    for (const [index, { path, method, operation }] of operations.entries()) {
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      const actors: Array<[string, string | null, number]> = [
        ['organiser', organiser.token, RUNS],
        ['anonymous', null, isPublic ? RUNS : ANONYMOUS_RUNS],
      ];
      for (const [actor, token, runs] of actors) {
        const requests = fc.sample(requestsFor(path, operation, token), { seed: SEED + index, numRuns: runs });
        for (const request of requests) {
          const answer = await send(method, path, request);
          sent += 1;
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          if (answer.status >= 500) {
            const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? `<${request.body.length} bytes>` : request.body.length > 300 ? `${request.body.slice(0, 300)}… (${request.body.length} chars)` : request.body;
            const one: Found = { operation: `${method.toUpperCase()} ${path} (${operation.operationId})`, actor, request: { method: method.toUpperCase(), url: answer.url.length > 300 ? `${answer.url.slice(0, 300)}…` : answer.url, headers: answer.headers, body }, answer: { status: answer.status, body: answer.body } };
            found.push(one);
            // Said at once too: a long hunt (FUZZ_RUNS) that times out still shows what it found.
            console.log(`fuzz: a ${answer.status}\n${JSON.stringify(one, null, 1)}`);
          }
        }
      }
    }
    // Still alive and answering after all of it.
    await t.http.get('/health/live').expect(200);
    console.log(`fuzz: ${sent} requests over ${operations.length} operations in ${Math.round((Date.now() - started) / 1000)} s, ${found.length} of them 5xx (seed ${SEED}); answers by status: ${JSON.stringify(statuses)}`);
    expect(found).toEqual([]);
  }, 120_000 + RUNS * 10_000);
});
