import { createHash } from 'node:crypto';
import { docxXml } from './docx';
import { routesOf } from '../../src/core/http';
import { TestApp } from './test-app';

/** Someone who reads: the bearer header for the API and the session cookie for the pages. */
export interface Reader {
  name: string;
  auth: { authorization: string };
  cookie: string;
}

/** The records a route's parameters are filled with, by the segment before the parameter. */
export type RecordIds = Record<string, string>;

/** What one reader got from one route: the status and the body, with nothing that varies per request. */
export type ReaderViews = Map<string, string>;

/**
 * Routes no reader's view depends on: anonymous routes (the writer's own, by their decorators),
 * health, the API's own documents, static scripts, and the sign-in/out pages themselves (`/logout`
 * would end the session).
 */
const NOT_A_VIEW = [/^\/health/, /^\/api\/docs/, /^\/assets\//, /^\/favicon/, /^\/login$/, /^\/logout$/];

/** Every GET route a signed-in reader could call, as registered: a new route joins by itself. */
export function readerRoutes(t: TestApp): string[] {
  return [...new Set(routesOf(t.app).filter((route) => route.method === 'GET' && !route.kind.anonymous && !NOT_A_VIEW.some((pattern) => pattern.test(route.url))).map((route) => route.url))].sort();
}

/**
 * Fills a route's parameters: `/boxes/:id` with the box, `/meetings/:id/materials/:memberId`
 * with the meeting and a member. Returns null when a parameter has no record to fill it with,
 * so that a new kind of route cannot slip past the snapshot unfilled.
 */
export function fillRoute(route: string, ids: RecordIds): string | null {
  const segments = route.split('/');
  const filled = segments.map((segment, index): string | undefined => {
    if (!segment.startsWith(':')) return segment;
    return ids[segment === ':id' ? segments[index - 1] : segment.slice(1)];
  });
  return filled.every((segment) => segment !== undefined) ? filled.join('/') : null;
}

/** Each reader's view of every route: status and body, `requestId`s left out, binary bodies by hash. */
export async function readViews(t: TestApp, readers: Reader[], routes: string[], ids: RecordIds): Promise<ReaderViews> {
  const views: ReaderViews = new Map();
  for (const reader of readers) {
    for (const route of routes) {
      const path = fillRoute(route, ids);
      if (!path) throw new Error(`no record to fill ${route} with: add its parameter to the scene's ids`);
      // Every body as bytes (exports are files), read as JSON or text below by its type.
      const request = t.http.get(path).responseType('blob');
      const response = await (route.startsWith('/api/') ? request.set(reader.auth) : request.set('cookie', reader.cookie));
      views.set(`${reader.name} GET ${route}`, `${response.status} ${bodyOf(response)}`);
    }
  }
  return views;
}

/** Which views differ between two readings, as `reader GET route: before → after` lines (cut short). */
export function changedViews(before: ReaderViews, after: ReaderViews): string[] {
  return [...before.keys()]
    .filter((key) => before.get(key) !== after.get(key))
    .map((key) => `${key}:\n    before ${before.get(key)!.slice(0, 300)}\n    after  ${after.get(key)?.slice(0, 300)}`);
}

function bodyOf(response: { headers: Record<string, string>; body: unknown }): string {
  const type = response.headers['content-type'] ?? '';
  const bytes = Buffer.isBuffer(response.body) ? response.body : Buffer.alloc(0);
  if (type.includes('json')) return JSON.stringify(withoutRequestIds(JSON.parse(bytes.toString('utf8') || 'null')));
  if (type.startsWith('text/') || type.includes('svg')) return bytes.toString('utf8');
  // A Word file's ZIP carries the time it was written: what a reader reads is its main part.
  if (type.includes('wordprocessingml')) return `${type} document.xml sha256:${createHash('sha256').update(docxXml(bytes)).digest('hex')}`;
  return `${type} sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function withoutRequestIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRequestIds);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'requestId').map(([key, inner]) => [key, withoutRequestIds(inner)]));
  return value;
}
