import { Role } from '../common/roles';

/** Who signed in: their account's id, name and roles. */
export class SignedInUserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}

export class LoginResult {
  /** The bearer token for the `Authorization` header. */
  accessToken: string;
  user: SignedInUserView;
}

/** A password changed: the new bearer token (every older token of the account has ended). */
export class NewTokenView {
  /** The bearer token for the `Authorization` header. */
  accessToken: string;
}
