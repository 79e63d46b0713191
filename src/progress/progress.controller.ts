import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { ProgressService } from './progress.service';
import { ProgressView } from './progress.views';
import { ReachableBySupervisors } from '../common/supervised-units';

@ApiTags('progress')
@ApiBearerAuth()
@Controller('api/v1/meetings/:id/progress')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  /** How far preparation has come: opinions, boxes, surveys, talks, items, each member, deadlines. */
  @Get()
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor)
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOkResponse({ type: ProgressView })
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<string> {
    // Sent as the JSON text it was cached as (see ProgressService.progressJson): no parse, no re-serialising.
    return this.progress.progressJson(actor, meetingId);
  }
}
