/** What an account may do. A person may hold several roles (an organiser is often staff too). */
export enum Role {
  Admin = 'admin',
  Organiser = 'organiser',
  Leader = 'leader',
  Supervisor = 'supervisor',
  Staff = 'staff',
}

export const ALL_ROLES = Object.values(Role);
