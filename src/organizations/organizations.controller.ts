import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { CreateDepartmentDto, UpdateDepartmentDto } from './dto/create-department.dto';
import { DepartmentView, OrganizationView, toDepartmentView, toOrganizationView } from './organization.views';
import { OrganizationsService } from './organizations.service';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('api/v1')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  /** The caller's own organisation (单位). */
  @Get('organization')
  async own(@CurrentActor() actor: Actor): Promise<OrganizationView> {
    return toOrganizationView(await this.organizations.getOwnOrganization(actor));
  }

  /** Creates a department (部门) or party branch (党支部). */
  @Post('departments')
  @Roles(Role.Admin, Role.Organiser)
  async createDepartment(@CurrentActor() actor: Actor, @Body() dto: CreateDepartmentDto): Promise<DepartmentView> {
    return toDepartmentView(await this.organizations.createDepartment(actor, dto));
  }

  /** Renames a department or sets its head (主要负责同志): an account, or a name alone. */
  @Patch('departments/:id')
  @Roles(Role.Admin, Role.Organiser)
  async updateDepartment(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: UpdateDepartmentDto): Promise<DepartmentView> {
    return toDepartmentView(await this.organizations.updateDepartment(actor, id, dto));
  }

  /** The organisation's departments and branches. */
  @Get('departments')
  async listDepartments(@CurrentActor() actor: Actor): Promise<DepartmentView[]> {
    return (await this.organizations.listDepartments(actor)).map(toDepartmentView);
  }
}
