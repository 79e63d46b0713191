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

  /**
   * What is stored of a form's one-time nonce (see FormNonce): keyed, like the receipt hash, so
   * the table holds nothing a reader could match with what a browser sent.
   */
  formNonceHash(nonce: string): string {
    return createHmac('sha256', this.config.anonymity.secret).update(`form-nonce:${nonce}`).digest('hex');
  }

  /** What is stored for a survey token (填写码): the token itself is only ever on the printed sheet. */
  surveyTokenHash(token: string): string {
    return createHmac('sha256', this.config.anonymity.secret).update(`survey-token:${token}`).digest('hex');
  }

  /**
   * A rate-limit counter's subject for one day (a client address, an account, a box): an HMAC
   * under a key derived for that day, so today's counters cannot be matched with yesterday's and
   * the address or name is never kept.
   */
  counterKey(subject: string, day: string): string {
    if (this.dayKey?.day !== day) {
      this.dayKey = { day, key: createHmac('sha256', this.config.anonymity.secret).update(`rate-limit:${day}`).digest() };
    }
    return createHmac('sha256', this.dayKey.key).update(subject).digest('base64url').slice(0, 22);
  }
}
