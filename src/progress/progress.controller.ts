import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { ProgressService, ProgressView } from './progress.service';

@ApiTags('progress')
@ApiBearerAuth()
@Controller('api/v1/meetings/:id/progress')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  /** How far preparation has come: opinions, boxes, surveys, talks, items, each member, deadlines. */
  @Get()
  @Roles(Role.Organiser, Role.Supervisor)
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<ProgressView> {
    return this.progress.progress(actor, meetingId);
  }
}
