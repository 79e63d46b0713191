import { Department } from './department.entity';
import { Organization } from './organization.entity';

export class OrganizationView {
  id: string;
  name: string;
}

export class DepartmentView {
  id: string;
  name: string;
  kind: Department['kind'];
  /** The head (主要负责同志): an account's id, and the name to show. */
  headUserId: string | null;
  headName: string | null;
}

export const toOrganizationView = (organization: Organization): OrganizationView => ({ id: organization.id, name: organization.name });

export const toDepartmentView = ({ id, name, kind, headUserId, headName }: Department): DepartmentView => ({ id, name, kind, headUserId, headName });
