import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor } from '../common/actor';
import { Role } from '../common/roles';

interface TokenClaims {
  sub: string;
  org: string;
  usr: string;
  roles: Role[];
  /** The account's tokenVersion when issued: absent on tokens issued before it existed (read as 0). */
  ver?: number;
}

/** Who a token names, and under which of the account's token versions it was issued. */
export interface TokenSubject extends Actor {
  tokenVersion: number;
}

@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(actor: Actor, tokenVersion = 0): Promise<string> {
    const claims: TokenClaims = { sub: actor.userId, org: actor.organizationId, usr: actor.username, roles: actor.roles, ver: tokenVersion };
    return this.jwt.signAsync(claims);
  }

  /** The actor a token names, or null when it is forged, expired or malformed. */
  async read(token: string): Promise<TokenSubject | null> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token);
      return { userId: claims.sub, organizationId: claims.org, username: claims.usr, roles: claims.roles, tokenVersion: typeof claims.ver === 'number' ? claims.ver : 0 };
    } catch {
      return null;
    }
  }
}
