import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor } from '../common/actor';
import { Role } from '../common/roles';

interface TokenClaims {
  sub: string;
  org: string;
  usr: string;
  roles: Role[];
}

@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(actor: Actor): Promise<string> {
    const claims: TokenClaims = { sub: actor.userId, org: actor.organizationId, usr: actor.username, roles: actor.roles };
    return this.jwt.signAsync(claims);
  }

  /** The actor a token names, or null when it is forged, expired or malformed. */
  async read(token: string): Promise<Actor | null> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims>(token);
      return { userId: claims.sub, organizationId: claims.org, username: claims.usr, roles: claims.roles };
    } catch {
      return null;
    }
  }
}
