import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** argon2id via @node-rs/argon2: a prebuilt native module, no compiler needed at install. */
@Injectable()
export class PasswordHasher {
  // Verified against when the username is unknown, so both failures take the same time.
  private readonly decoy = hash('tanxin-decoy-password');

  hash(password: string): Promise<string> {
    return hash(password);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }
}
