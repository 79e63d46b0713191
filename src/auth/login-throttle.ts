import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode } from '../common/app-error';
import { AppConfig } from '../config/app-config';
import { Counter, Quota, RateLimiter } from '../rate-limit/rate-limiter';

/**
 * Failed sign-ins, counted per account and per address; a successful one counts nothing. The
 * account's limit is the tight one and is what stops guessing a password, from any number of
 * addresses. The address's limit is generous: a whole office signs in from one address, and a
 * colleague's locked account must not lock the others out.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: Quota;
  private readonly perAddress: Quota;

  constructor(
    private readonly limiter: RateLimiter,
    config: AppConfig,
  ) {
    const windowSeconds = config.auth.loginRateWindowSeconds;
    this.perAccount = { name: 'login-account', limit: config.auth.loginAccountRateLimit, windowSeconds, refusal: (wait) => `这个账号密码输错的次数太多，请 ${wait}后再试` };
    this.perAddress = { name: 'login-address', limit: config.auth.loginRateLimit, windowSeconds, refusal: (wait) => `登录失败的次数太多，请 ${wait}后再试` };
  }

  /** Runs `signIn` unless the account or the address has failed too often (429); counts it if it fails. */
  async attempt<T>(username: string, address: string, signIn: () => Promise<T>): Promise<T> {
    const counters: Counter[] = [
      // Trimmed and lower-cased: varying the spelling of a name buys no more guesses.
      { quota: this.perAccount, subject: this.limiter.subject('account', username.trim().toLowerCase()) },
      { quota: this.perAddress, subject: this.limiter.client(address) },
    ];
    await this.limiter.refuseIfReached(counters);
    try {
      return await signIn();
    } catch (error) {
      if (error instanceof AppError && (error.code === ErrorCode.InvalidCredentials || error.code === ErrorCode.WrongPassword)) await this.limiter.count(counters);
      throw error;
    }
  }
}
