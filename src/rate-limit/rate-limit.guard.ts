import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { Quota, RateLimiter } from './rate-limiter';

const RATE_LIMIT = 'tanxin:rate-limit';

/**
 * Limits a route per client, counting every request: for reads and look-ups, where each request
 * costs the same whatever its answer. Submissions count only what was accepted and go through
 * their services instead (see BoxSubmitLimits, SurveySubmitLimits, LoginThrottle).
 */
export const RateLimit = (quota: (config: AppConfig) => Quota) => SetMetadata(RATE_LIMIT, quota);

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const quotaOf = this.reflector.get<((config: AppConfig) => Quota) | undefined>(RATE_LIMIT, context.getHandler());
    if (!quotaOf) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // request.ip is the right-most address no trusted proxy added (see fastifyTrustProxy).
    await this.limiter.hit({ quota: quotaOf(this.config), subject: this.limiter.client(request.ip) });
    return true;
  }
}
