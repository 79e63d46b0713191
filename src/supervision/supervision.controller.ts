import { Body, Controller, Get, Header, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { CreateUnitDto, SupervisionGroupDto } from './dto/supervision-group.dto';
import { SupervisionOverview } from './supervision-overview';
import { SupervisionService } from './supervision.service';
import { SupervisedMeetingView, SupervisionGroupView, UnitView } from './supervision.views';

/** 督导组 across units: the parent body's units, its groups, and what a group's member oversees. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('api/v1')
export class SupervisionController {
  constructor(
    private readonly supervision: SupervisionService,
    private readonly overview: SupervisionOverview,
  ) {}

  /** Each supervised unit's meetings side by side, counted as the unit's own board counts; the ones behind first. */
  @Get('supervision/meetings')
  @Roles(Role.Supervisor)
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOkResponse({ type: [SupervisedMeetingView] })
  meetings(@CurrentActor() actor: Actor): Promise<string> {
    // Sent as the JSON text it was made as: the overview of 200 units is read far more than made.
    return this.overview.jsonOf(actor);
  }

  /** The parent body's 督导组 with their members and units. */
  @Get('supervision/groups')
  @Roles(Role.Admin, Role.Organiser)
  groups(@CurrentActor() actor: Actor): Promise<SupervisionGroupView[]> {
    return this.supervision.listGroups(actor);
  }

  /** Forms a 督导组 of the body's supervisor accounts over some of its units (400 UNKNOWN_UNIT for another's unit). */
  @Post('supervision/groups')
  @Roles(Role.Admin, Role.Organiser)
  createGroup(@CurrentActor() actor: Actor, @Body() dto: SupervisionGroupDto): Promise<SupervisionGroupView> {
    return this.supervision.createGroup(actor, dto);
  }

  /** Changes a 督导组's name, members or units: its members' reach follows within seconds. */
  @Put('supervision/groups/:id')
  @Roles(Role.Admin, Role.Organiser)
  updateGroup(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: SupervisionGroupDto): Promise<SupervisionGroupView> {
    return this.supervision.updateGroup(actor, id, dto);
  }

  /** The organisation's units (下属单位). */
  @Get('organization/units')
  @Roles(Role.Admin, Role.Organiser)
  units(@CurrentActor() actor: Actor): Promise<UnitView[]> {
    return this.supervision.listUnits(actor);
  }

  /** Creates a unit under the organisation with its first account (admin + organiser); 409 UNIT_EXISTS for a name taken. */
  @Post('organization/units')
  @Roles(Role.Admin)
  createUnit(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto): Promise<UnitView> {
    return this.supervision.createUnit(actor, dto);
  }
}
