import { HttpStatus, Injectable } from '@nestjs/common';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { PasswordHasher } from '../users/password-hasher';
import { toUserView, UserView } from '../users/user.view';
import { UsersService } from '../users/users.service';
import { LoginThrottle } from './login-throttle';
import { TokenService } from './token.service';

export interface LoginResult {
  accessToken: string;
  user: Pick<UserView, 'id' | 'username' | 'displayName' | 'roles'>;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * One answer for an unknown user, a wrong password and a disabled account: which one is not
   * said. Failures are limited per account and per client address (see LoginThrottle).
   */
  login(username: string, password: string, address: string): Promise<LoginResult> {
    return this.throttle.attempt(username, address, () => this.checkPassword(username, password));
  }

  private async checkPassword(username: string, password: string): Promise<LoginResult> {
    const user = await this.users.findByUsername(username);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.active) {
      throw new AppError(ErrorCode.InvalidCredentials, HttpStatus.UNAUTHORIZED, '用户名或密码不正确');
    }
    const accessToken = await this.tokens.issue({ userId: user.id, organizationId: user.organizationId, username: user.username, roles: user.roles }, user.tokenVersion);
    const { id, displayName, roles } = toUserView(user);
    return { accessToken, user: { id, username: user.username, displayName, roles } };
  }

  /**
   * One's own password changed, given the current one: a wrong one counts as a failed sign-in
   * (LoginThrottle), every older session ends, and the answer is a new token for this one.
   */
  changePassword(actor: Actor, currentPassword: string, newPassword: string, address: string): Promise<{ accessToken: string }> {
    return this.throttle.attempt(actor.username, address, async () => {
      const user = await this.users.changeOwnPassword(actor, currentPassword, newPassword);
      return { accessToken: await this.tokens.issue({ userId: user.id, organizationId: user.organizationId, username: user.username, roles: user.roles }, user.tokenVersion) };
    });
  }

  /**
   * Who a token stands for now: its account, read again (see UsersService.findActive), so a
   * deactivated account or a changed role counts from the next request; null for a forged,
   * expired or malformed token, an account gone or inactive, or a token issued before the
   * account's password last changed or it was last deactivated (its tokenVersion is older). The
   * API's bearer tokens and the pages' session cookie both go through here.
   */
  async actorFor(token: string): Promise<Actor | null> {
    return (await this.personFor(token))?.actor ?? null;
  }

  /** As actorFor, with the account's display name: what a signed-in page's header shows. */
  async personFor(token: string): Promise<{ actor: Actor; name: string } | null> {
    const claimed = await this.tokens.read(token);
    const user = claimed ? await this.users.findActive(claimed.userId) : null;
    if (!user || !claimed || claimed.tokenVersion !== (user.tokenVersion ?? 0)) return null;
    return { actor: { userId: user.id, organizationId: user.organizationId, username: user.username, roles: user.roles }, name: user.displayName || user.username };
  }
}
