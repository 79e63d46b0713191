import { Role } from '../common/roles';
import { User } from './user.entity';

export class UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: string | null;
  branchId: string | null;
  active: boolean;
}

/** The shape a user leaves the API in: never the password hash. */
export function toUserView(user: User): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    departmentId: user.departmentId,
    branchId: user.branchId,
    active: user.active,
  };
}
