import { RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Params } from 'nestjs-pino';
import { DestinationStream } from 'pino';
import { AppConfig } from '../config/app-config';
import { isPageFurniturePath, isPublicPath, keptRouteKind, PUBLIC_ROUTE_PATTERNS } from './public-routes';

const PLAIN_SEGMENTS = new Set(['api', 'v1', 'public', 'boxes', 'opinions', 'receipts', 'surveys', 'responses', 'b', 'r', 's']);

/** `/api/v1/public/receipts/7KQ4-M2XD` → `/api/v1/public/receipts/:param`: no slug, token or receipt in a log. */
export function maskPublicUrl(url: string): string {
  const path = url.split('?')[0];
  return path
    .split('/')
    .map((segment) => (segment === '' || PLAIN_SEGMENTS.has(segment) ? segment : ':param'))
    .join('/');
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's X-Request-Id when it is sane, else a new one; echoed in every error body. */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export function buildLoggerParams(config: AppConfig, stream?: DestinationStream): Params {
  return {
    // Nest 12 on Fastify matches middleware paths with path-to-regexp v8.
    forRoutes: [{ path: '/*path', method: RequestMethod.ALL }],
    // Public routes are not logged per request at all: they are counted by the day (see
    // PublicRequestTally), so no line's place among these timestamped ones can date a visit.
    exclude: PUBLIC_ROUTE_PATTERNS.map((path) => ({ path, method: RequestMethod.ALL })),
    pinoHttp: {
      level: config.logLevel,
      stream,
      genReqId: requestIdFor,
      // The serializers name every field a request log may carry; nothing else gets in.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          // Public routes never reach this logger (excluded above); masking stays as a second line.
          url: isPublicPath(req.url) ? maskPublicUrl(req.url) : req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customProps: (req: IncomingMessage) => {
        const actor = (req as IncomingMessage & { actor?: { userId: string } }).actor;
        return actor ? { userId: actor.userId } : {};
      },
      redact: { paths: ['req.headers', 'req.remoteAddress', 'req.remotePort', 'req.body'], remove: true },
      // The exclusion above is by path pattern; this catches by the route's kind whatever it misses
      // (a public path no pattern names, such as /r/x), and the page furniture that comes with a visit.
      autoLogging: { ignore: isUnlogged },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    },
  };
}

/**
 * Requests the ordinary log leaves out: health probes, the anonymous routes (counted by the day
 * instead; their kind was kept on the request when it was routed) and their pages' furniture.
 * Middleware sees `url` with its mount path cut off; `originalUrl` is the whole of it.
 */
function isUnlogged(req: IncomingMessage & { originalUrl?: string }): boolean {
  const url = req.originalUrl ?? req.url ?? '';
  return url.startsWith('/health') || keptRouteKind(req)?.anonymous === true || isPageFurniturePath(url);
}
