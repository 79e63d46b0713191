import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { ASPECT_PRESETS } from './aspect-presets';
import { CreateMeetingDto } from './dto/create-meeting.dto';
import { MovePhaseDto } from './dto/move-phase.dto';
import { SetTeamDto } from './dto/set-team.dto';
import { UpdateMeetingDto } from './dto/update-meeting.dto';
import { AspectPresetView, MeetingView, TeamMemberView, toMeetingView } from './meeting.views';
import { MeetingsService } from './meetings.service';
import { ReachableBySupervisors } from '../common/supervised-units';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('api/v1')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  /** The check-aspect presets a meeting can start from. */
  @Get('aspect-presets')
  @ApiOkResponse({ type: [AspectPresetView] })
  aspectPresets(): readonly AspectPresetView[] {
    return ASPECT_PRESETS;
  }

  /** Creates a meeting (民主生活会 or 组织生活会) with its aspects and deadlines. */
  @Post('meetings')
  @Roles(Role.Organiser)
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateMeetingDto): Promise<MeetingView> {
    return toMeetingView(await this.meetings.createMeeting(actor, dto));
  }

  /** The organisation's meetings, newest first. */
  @Get('meetings')
  @Roles(Role.Organiser, Role.Supervisor, Role.Leader)
  async list(@CurrentActor() actor: Actor): Promise<MeetingView[]> {
    return (await this.meetings.listMeetings(actor)).map(toMeetingView);
  }

  /** One meeting. */
  @Get('meetings/:id')
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor, Role.Leader)
  async get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<MeetingView> {
    return toMeetingView(await this.meetings.getMeeting(actor, id));
  }

  /** Changes a meeting's title, theme, deadlines, talk rules, aspect keywords or who may read talks. */
  @Patch('meetings/:id')
  @Roles(Role.Organiser)
  async update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: UpdateMeetingDto): Promise<MeetingView> {
    return toMeetingView(await this.meetings.updateMeeting(actor, id, dto));
  }

  /** Moves the meeting to a later phase; a step back answers 409 PHASE_BACKWARDS. */
  @Post('meetings/:id/phase')
  @HttpCode(200)
  @Roles(Role.Organiser)
  async movePhase(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: MovePhaseDto): Promise<MeetingView> {
    return toMeetingView(await this.meetings.movePhase(actor, id, dto));
  }

  /** The meeting's team (班子): secretary and members, with what each oversees. */
  @Get('meetings/:id/team')
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor, Role.Leader)
  team(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<TeamMemberView[]> {
    return this.meetings.getTeam(actor, id);
  }

  /** Sets the team (班子): exactly one secretary (主要负责同志), members, who oversees what. */
  @Put('meetings/:id/team')
  @Roles(Role.Organiser)
  setTeam(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: SetTeamDto): Promise<TeamMemberView[]> {
    return this.meetings.setTeam(actor, id, dto);
  }
}
