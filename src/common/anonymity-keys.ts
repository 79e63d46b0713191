import { Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { AppConfig } from '../config/app-config';

/**
 * The keyed hashes that stand in for anonymous people. Keyed (HMAC) rather than plain hashes:
 * whoever reads the database or Redis without the key cannot test guesses against them.
 */
@Injectable()
export class AnonymityKeys {
  private dayKey: { day: string; key: Buffer } | null = null;

  constructor(private readonly config: AppConfig) {}

  /** What is stored for a receipt code: the code itself never is. */
  receiptHash(normalisedCode: string): string {
    return createHmac('sha256', this.config.anonymity.secret).update(`receipt:${normalisedCode}`).digest('hex');
  }

  /** What is stored for a survey token (填写码): the token itself is only ever on the printed sheet. */
  surveyTokenHash(token: string): string {
    return createHmac('sha256', this.config.anonymity.secret).update(`survey-token:${token}`).digest('hex');
  }

  /**
   * A client's rate-limit key for one day: an HMAC of the address under a key derived for that
   * day, so today's counters cannot be matched with yesterday's and the address is never kept.
   */
  clientKey(address: string, day: string): string {
    if (this.dayKey?.day !== day) {
      this.dayKey = { day, key: createHmac('sha256', this.config.anonymity.secret).update(`rate-limit:${day}`).digest() };
    }
    return createHmac('sha256', this.dayKey.key).update(address).digest('base64url').slice(0, 22);
  }
}
