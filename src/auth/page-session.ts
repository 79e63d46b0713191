import { Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Actor } from '../common/actor';
import { AppConfig } from '../config/app-config';
import { AuthService } from './auth.service';

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
    const token = cookieValue(request.headers.cookie, COOKIE);
    return token ? this.auth.actorFor(token) : null;
  }

  start(reply: FastifyReply, token: string): void {
    reply.header('set-cookie', `${COOKIE}=${token}; ${this.attributes()}`);
  }

  end(reply: FastifyReply): void {
    reply.header('set-cookie', `${COOKIE}=; ${this.attributes()}; Max-Age=0`);
  }

  /**
   * A form not posted from another site. Our pages send no referrer, so browsers post their forms
   * with `Origin: null`; the SameSite=Strict cookie is what keeps other sites' forms out, and this
   * check turns away the ones that do name another origin.
   */
  sameOrigin(request: FastifyRequest): boolean {
    const origin = request.headers.origin;
    if (!origin || origin === 'null') return true;
    try {
      return new URL(origin).host === request.headers.host || origin === new URL(this.config.publicBaseUrl).origin;
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
