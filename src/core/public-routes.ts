import { PATH_METADATA } from '@nestjs/common/constants';
import { RouteConfig } from '@nestjs/platform-fastify';
import { FastifyRequest } from 'fastify';
import { IncomingMessage } from 'node:http';

/**
 * What a route is, for what runs around Nest's pipeline as well as in it: the form-body parser,
 * the request log and the public tally, the error filter. Each route says it with its decorators
 * (see AnonymousPages, AnonymousApi, Page in common/decorators and SignedInPage in auth).
 */
export interface RouteKind {
  /** Answered as HTML, errors included; the only routes that take form posts. */
  html?: boolean;
  /**
   * Used without an account by the people who write (box, receipt look-up, survey; pages and
   * `/api/v1/public`): counted by the day (PublicRequestTally), never logged one by one.
   */
  anonymous?: boolean;
}

/** The key of the kind in the Fastify route's config, where a request finds it once routed. */
const KIND = 'tanxinRouteKind';
const ROUTE_CONFIG = RouteConfig({}).KEY;

/**
 * Marks a route, or every route of a controller, with its kind. It goes into the Fastify route's
 * config (the one place a request carries its route's metadata before Nest sees it), merged with
 * any other config; a handler's own kind wins over its controller's.
 */
export function WithRouteKind(kind: RouteKind): ClassDecorator & MethodDecorator {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const stamp = (handler: object, handlersOwnWins: boolean) => {
      const config = (Reflect.getMetadata(ROUTE_CONFIG, handler) ?? {}) as Record<string, unknown>;
      const own = config[KIND] as RouteKind | undefined;
      Reflect.defineMetadata(ROUTE_CONFIG, { ...config, [KIND]: handlersOwnWins ? { ...kind, ...own } : { ...own, ...kind } }, handler);
    };
    if (descriptor) return stamp(descriptor.value as object, false);
    // A controller: its routes are the prototype's methods with a path (decorated before the class).
    const prototype = (target as { prototype: Record<string, unknown> }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = Object.getOwnPropertyDescriptor(prototype, name)?.value as object | undefined;
      if (typeof handler === 'function' && Reflect.getMetadata(PATH_METADATA, handler) !== undefined) stamp(handler, true);
    }
  };
}

type KindCarrier = IncomingMessage & { [KIND]?: RouteKind };

/**
 * The kind of the route a request went to; for a URL no route serves, the kind of its address
 * (see below). Read once and kept on the Node request, where the request logger (middleware, with
 * only that) finds it too.
 */
export function routeKindOf(request: FastifyRequest): RouteKind {
  return ((request.raw as KindCarrier)[KIND] ??= kindOfRoute(request));
}

/** The kind routeKindOf kept on a Node request, if it has been read. */
export function keptRouteKind(request: IncomingMessage): RouteKind | undefined {
  return (request as KindCarrier)[KIND];
}

/** The kind in a Fastify route's config. */
export function routeKindIn(config: unknown): RouteKind {
  return (config as { [KIND]?: RouteKind } | undefined)?.[KIND] ?? {};
}

function kindOfRoute(request: FastifyRequest): RouteKind {
  const config = request.routeOptions.config as { url?: string } | undefined;
  return config?.url === undefined ? addressKind(request.url) : routeKindIn(config);
}

/*
 * Addresses, for what has no route to ask. These regular expressions are the only copy of the
 * routes' places, and stay for three reasons:
 * - a URL that matches no route has no decorators: a 404 under `/b/`, `/r`, `/s/` or
 *   `/api/v1/public` (a mistyped box link, a guessed receipt) must still be counted rather than
 *   logged, and a 404 under a page's address still answered as a page;
 * - the request logger (nestjs-pino) is middleware, excluded by path patterns fixed when it is
 *   configured, before any route exists;
 * - the log masks such URLs by address, as a second line behind those exclusions.
 */

/** The anonymous pages' addresses: the box (/b), receipt look-up (/r) and survey (/s) pages. */
function isPagePath(url: string): boolean {
  return /^\/(b\/|r(\/|\?|$)|s\/)/.test(url);
}

/** The anonymous routes' addresses: their pages and the API under `/api/v1/public`. */
export function isPublicPath(url: string): boolean {
  return /^\/api\/v1\/public(\/|$)/.test(url) || isPagePath(url);
}

/**
 * The signed-in pages' addresses (sign-in, the workbench, the leaders' pages, the board) and the
 * home page: everything outside the API, the health checks, the assets and the browser's icons.
 */
function isSignedInPagePath(url: string): boolean {
  return !/^\/(api|health|assets)(\/|\?|$)/.test(url) && !isPageFurniturePath(url);
}

/** The kind of an address no route serves (a test holds every route's decorators to agree with it). */
export function addressKind(url: string): RouteKind {
  return { html: isPagePath(url) || isSignedInPagePath(url), anonymous: isPublicPath(url) };
}

/** The anonymous routes as Nest middleware patterns (path-to-regexp v8), for excluding them from the request logger. */
export const PUBLIC_ROUTE_PATTERNS = ['api/v1/public/*path', 'b/*path', 'r', 's/*path'];

/**
 * What a browser fetches along with a public page: the pages' script and the icons it asks for
 * unbidden. A timestamped line for one of these would date the visit to the page beside it.
 */
export function isPageFurniturePath(url: string): boolean {
  return /^\/(assets\/|favicon\.ico(\?|$)|apple-touch-icon[\w-]*\.png(\?|$))/.test(url);
}
