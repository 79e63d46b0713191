import { Department } from './department.entity';
import { Organization } from './organization.entity';

export interface OrganizationView {
  id: string;
  name: string;
}

export interface DepartmentView {
  id: string;
  name: string;
  kind: Department['kind'];
}

export const toOrganizationView = (organization: Organization): OrganizationView => ({ id: organization.id, name: organization.name });

export const toDepartmentView = (department: Department): DepartmentView => ({ id: department.id, name: department.name, kind: department.kind });
