import { CanActivate, ExecutionContext, HttpStatus, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { AnonymityKeys } from '../common/anonymity-keys';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { RateLimitStore } from './rate-limit.store';

export interface RateLimitPolicy {
  name: string;
  limit: number;
  windowSeconds: number;
}

const RATE_LIMIT = 'tanxin:rate-limit';

/** Limits a public route per client. The client is known only by a daily-rotating keyed hash. */
export const RateLimit = (policy: (config: AppConfig) => RateLimitPolicy) => SetMetadata(RATE_LIMIT, policy);

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: RateLimitStore,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly keys: AnonymityKeys,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policyOf = this.reflector.get<((config: AppConfig) => RateLimitPolicy) | undefined>(RATE_LIMIT, context.getHandler());
    if (!policyOf) return true;
    const policy = policyOf(this.config);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const hit = await this.store.hit(`${policy.name}:${this.keys.clientKey(request.ip, this.clock.today())}`, policy.windowSeconds);
    if (hit.count > policy.limit) {
      throw new AppError(ErrorCode.RateLimited, HttpStatus.TOO_MANY_REQUESTS, `操作过于频繁，请在 ${humanize(hit.resetInSeconds)}后再试`, undefined, {
        'retry-after': String(hit.resetInSeconds),
      });
    }
    return true;
  }
}

function humanize(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} 分钟`;
  return `${Math.ceil(seconds / 3600)} 小时`;
}
