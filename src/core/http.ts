import { HttpStatus, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import helmet from 'helmet';
import { parse as parseQuery } from 'node:querystring';
import { MultipartTooLarge, parseMultipart } from '../web/multipart';
import { MATERIAL_CONTENT_TYPES } from '../common/file-type';
import { Logger } from 'nestjs-pino';
import { ApiModule } from '../api.module';
import { AppError, ErrorCode } from '../common/app-error';
import { AllExceptionsFilter } from '../common/http-exception.filter';
import { createValidationPipe } from '../common/validation';
import { AppConfig } from '../config/app-config';
import { TrustProxy } from '../config/trust-proxy';
import { CoreOptions } from './core.module';
import { Clock } from '../common/clock';
import { requestIdFor } from './logging';
import { createPublicRequestTally, PublicRequestTally } from './public-request-tally';
import { QuietStartLogger } from './startup-log';
import { RouteKind, routeKindIn, routeKindOf } from './public-routes';

/** The one route that takes a file as its body: a check material (对照检查材料). */
const isUploadPath = (url: string) => /^\/api\/v1\/meetings\/[^/]+\/materials\/[^/]+\/file(\?|$)/.test(url);

export interface RouteInfo {
  method: string;
  url: string;
  /** What its decorators say it is (see RouteKind). */
  kind: RouteKind;
}

const registeredRoutes = new WeakMap<INestApplication, RouteInfo[]>();
const publicTallies = new WeakMap<INestApplication, PublicRequestTally>();

/**
 * Builds the api application exactly as `main.ts` serves it; the e2e tests call this too, so
 * they test the same pipes, filters, limits and headers.
 */
export async function createApiApp(config: AppConfig, options: CoreOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimit,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    logger: false,
    requestIdHeader: false,
    genReqId: requestIdFor,
  });
  const routes: RouteInfo[] = [];
  const fastify = adapter.getInstance() as unknown as FastifyInstance;
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const kind = routeKindIn(route.config);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, kind });
  });
  // Each request's route kind is read first thing, so that the request logger (middleware) finds it.
  fastify.addHook('onRequest', (request, _reply, done) => {
    routeKindOf(request);
    done();
  });
  // JSON only: a text/plain body is refused (415) rather than validated as a string. Errors
  // Fastify raises before a handler runs (413, malformed JSON) reach AllExceptionsFilter through Nest.
  fastify.removeContentTypeParser('text/plain');
  // JSON bodies: Fastify's own parser (its errors keep their codes, FST_ERR_CTP_INVALID_JSON_BODY;
  // proto poisoning refused), behind a cheap check of their nesting depth (see jsonDepthExceeds):
  // a body nested ten thousand deep overflowed the stack in class-transformer, a 500. The size
  // is limited before that, by `bodyLimit` (413).
  const jsonParser = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonDepthExceeds(body as string, MAX_JSON_DEPTH)) return done(tooDeep(), undefined);
    jsonParser(request, body as string, done);
  });
  // Forms are for the pages only (they work without JavaScript); the API stays JSON.
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (request, body, done) => {
    if (!routeKindOf(request).html) return done(Object.assign(new Error('JSON only'), { statusCode: 415 }), undefined);
    done(null, parseQuery(body as string));
  });

  // Pages' forms with a file (a list of people as xlsx, a 对照检查材料): pages only, up to the
  // uploads' limit, read whole into fields and files (see web/multipart.ts).
  fastify.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: config.uploads.maxBytes + 64 * 1024 }, (request, body, done) => {
    if (!routeKindOf(request).html) return done(Object.assign(new Error('JSON only'), { statusCode: 415 }), undefined);
    parseMultipart(request.headers['content-type'] ?? '', body as Buffer, { fileBytes: config.uploads.maxBytes, files: 1 }).then(
      (fields) => done(null, fields),
      (error: unknown) => done(Object.assign(new Error(error instanceof MultipartTooLarge ? 'too large' : 'malformed form'), { statusCode: error instanceof MultipartTooLarge ? 413 : 400 }), undefined),
    );
  });

  // Check-material files come as the raw body, on their own route only, up to their own limit.
  fastify.addContentTypeParser(
    [...Object.values(MATERIAL_CONTENT_TYPES), 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: config.uploads.maxBytes },
    (request, body, done) => {
      if (!isUploadPath(request.url)) return done(Object.assign(new Error('JSON only'), { statusCode: 415 }), undefined);
      done(null, body);
    },
  );

  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, options), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // Fastify's own JSON parser: its errors keep their codes (FST_ERR_CTP_INVALID_JSON_BODY).
    bodyParser: false,
  });
  app.useLogger(new QuietStartLogger(app.get(Logger)));
  // Public routes are counted, not logged per request; the counts are written when the day ends
  // and when the app closes (see PublicRequestTally).
  const publicTally = createPublicRequestTally(config, app.get(Clock), options.logStream);
  publicTally.start();
  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    if (routeKindOf(request).anonymous) publicTally.recordRequest(request.method, request.url, reply.statusCode);
  });
  fastify.addHook('onClose', async () => publicTally.stop());
  publicTallies.set(app, publicTally);
  app.useGlobalFilters(new AllExceptionsFilter(publicTally));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  // helmet's middleware built once: @fastify/helmet rebuilt it on every request (per-route
  // options), which cost a tenth of the CPU of a box submission.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      // The pages load nothing from elsewhere: no CDN, no analytics, no third-party font.
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Over plain http (a LAN address, compose without TLS) an upgrade would send the form and
        // the script to https and break the page; ask for it only when the public address is https.
        upgradeInsecureRequests: config.publicBaseUrl.startsWith('https:') ? [] : null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  fastify.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));

  SwaggerModule.setup('api/docs', app, await buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  registeredRoutes.set(app, routes);
  return app;
}

/**
 * How deep a JSON body may nest: objects and arrays within each other. The deepest body the API
 * takes (a survey answer's array of options, inside its answer, inside `answers`) is 4 deep.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether `text` nests objects and arrays more than `limit` deep: one pass over the characters,
 * no recursion and no parsing (brackets inside strings do not count). Malformed text is left to
 * the JSON parser.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c /* \\ */) index += 1;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      depth += 1;
      if (depth > limit) return true;
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      depth -= 1;
    }
  }
  return false;
}

function tooDeep(): AppError {
  return new AppError(ErrorCode.BodyTooDeep, HttpStatus.BAD_REQUEST, `请求内容嵌套过深：对象与数组最多嵌套 ${MAX_JSON_DEPTH} 层`);
}

/**
 * TRUST_PROXY as Fastify takes it. A hop count goes as a function, not a number: Fastify 5 reads a
 * number as "trust nothing", and `true` would trust every hop, making the left-most
 * X-Forwarded-For address (which the client writes) the key of the rate limits. With hops = n the
 * socket peer and the n-1 addresses to its left are proxies, and `request.ip` is the next one.
 */
export function fastifyTrustProxy(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if ('addresses' in trust) return trust.addresses;
  const { hops } = trust;
  return (_address, hop) => hop < hops;
}

/** The OpenAPI document, from the Swagger plugin's metadata (no hand-written copies of DTOs). */
export async function buildOpenApiDocument(app: INestApplication): Promise<OpenAPIObject> {
  const { default: metadata } = await import('../metadata');
  await SwaggerModule.loadPluginMetadata(metadata);
  const document = new DocumentBuilder()
    .setTitle('Tanxin 谈心')
    .setDescription('民主生活会会前准备：意见箱、征求意见表、谈心谈话、座谈会与意见清单。错误统一为 {statusCode, code, message, details?, requestId}。')
    .setVersion('1')
    .addBearerAuth()
    // Relative: the document is served by the api it describes, wherever that is deployed.
    .addServer('/', '本服务')
    .build();
  return declareImplicitParts(SwaggerModule.createDocument(app, document));
}

/** Every error answer's shape (see AllExceptionsFilter), documented once. */
const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    code: { type: 'string', description: 'A stable upper-case code, e.g. VALIDATION_FAILED, NOT_FOUND, RATE_LIMITED.', example: 'VALIDATION_FAILED' },
    message: { type: 'string', description: 'What went wrong, in Chinese, for a person.' },
    details: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
    requestId: { type: 'string', description: 'Quote it to an administrator (not on public routes, whose errors are counted, not logged).' },
  },
};

/**
 * What the decorators leave implicit, said outright in the document (package.json's licence too):
 * - an operation marked `@Public()` carries no bearer requirement: it gets `security: []`, since an
 *   absent `security` would read as "not documented" rather than "none";
 * - every operation answers errors in the one shape: a `4XX` response with the Error schema, where
 *   no 4xx is documented already.
 */
function declareImplicitParts(document: OpenAPIObject): OpenAPIObject {
  document.info.license ??= { name: 'UNLICENSED (not for redistribution)' };
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Error: ERROR_SCHEMA as never } };
  const errors = { description: '请求有误：见 code 与 message', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path as Record<string, { security?: unknown[]; responses?: Record<string, unknown> } | undefined>)) {
      if (!operation || typeof operation !== 'object' || !operation.responses) continue;
      operation.security ??= [];
      if (!Object.keys(operation.responses).some((status) => status.startsWith('4'))) operation.responses['4XX'] = errors;
    }
  }
  return document;
}

/** The routes the app serves, as registered (tests walk them). */
export function routesOf(app: NestFastifyApplication): RouteInfo[] {
  return registeredRoutes.get(app) ?? [];
}

/** The day's counts of the public routes (tests flush them instead of waiting for midnight). */
export function publicTallyOf(app: NestFastifyApplication): PublicRequestTally {
  const tally = publicTallies.get(app);
  if (!tally) throw new Error('not an app built by createApiApp');
  return tally;
}
