import { Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Actor } from '../common/actor';
import { AppConfig } from '../config/app-config';
import { AuthService } from './auth.service';
import { Viewer } from '../web/workbench';

const COOKIE = 'tanxin_session';

/**
 * Signing in on the pages: the same token the API hands out, kept in an HttpOnly cookie that is
 * SameSite=Strict (a form on another site cannot post with it) and Secure when the public address
 * is https. The pages also refuse a form whose Origin is another site's.
 */
@Injectable()
export class PageSession {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  /** The signed-in person, or null. */
  async actor(request: FastifyRequest): Promise<Actor | null> {
    return (await this.viewer(request))?.actor ?? null;
  }

  /** The signed-in person with their name (for the page's header), or null. */
  async viewer(request: FastifyRequest): Promise<Viewer | null> {
    const token = cookieValue(request.headers.cookie, COOKIE);
    const person = token ? await this.auth.personFor(token) : null;
    return person && { ...person, userId: person.actor.userId, roles: person.actor.roles };
  }

  start(reply: FastifyReply, token: string): void {
    reply.header('set-cookie', `${COOKIE}=${token}; ${this.attributes()}`);
  }

  end(reply: FastifyReply): void {
    reply.header('set-cookie', `${COOKIE}=; ${this.attributes()}; Max-Age=0`);
  }

  /**
   * A form posted from this site's own page. Browsers send `Origin` with every POST (the pages'
   * referrer policy, `same-origin`, lets them name it rather than `null`); it must be this site's,
   * and `Origin: null` (a sandboxed frame, a `data:` page, a page that hides its origin) is
   * refused like another site's. Without it, the `Referer` stands in; without either, the request
   * is not a browser's form (a script, curl) and goes on, as such a client can send any header it
   * likes anyway. The SameSite=Strict cookie keeps other sites' forms out of the signed-in pages as
   * well.
   */
  sameOrigin(request: FastifyRequest): boolean {
    const { origin, referer } = request.headers;
    // Fastify's `host`: the Host header, or X-Forwarded-Host from a trusted proxy (TRUST_PROXY).
    const host = request.host || request.headers.host;
    if (origin !== undefined) return this.isOwn(origin, host);
    if (referer !== undefined) return this.isOwn(referer, host);
    return true;
  }

  /** An origin or URL of this site: the host the request came to, or PUBLIC_BASE_URL's origin. */
  private isOwn(originOrUrl: string, requestHost: string | undefined): boolean {
    if (!originOrUrl || originOrUrl === 'null') return false;
    try {
      const { protocol, host, origin } = new URL(originOrUrl);
      if (protocol !== 'http:' && protocol !== 'https:') return false;
      return (requestHost !== undefined && host === requestHost.toLowerCase()) || origin === new URL(this.config.publicBaseUrl).origin;
    } catch {
      return false;
    }
  }

  private attributes(): string {
    return `Path=/; HttpOnly; SameSite=Strict${this.config.publicBaseUrl.startsWith('https:') ? '; Secure' : ''}`;
  }
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || null;
  }
  return null;
}
