import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { RecordSymposiumDto } from './dto/record-symposium.dto';
import { RecordWrittenOpinionsDto } from './dto/record-written-opinions.dto';
import { SymposiumView, toSymposiumView, toWrittenSolicitationView, WrittenSolicitationView } from './recorded-opinion.views';
import { RecordedOpinionsService } from './recorded-opinions.service';
import { ReachableBySupervisors } from '../common/supervised-units';

@ApiTags('symposiums and written solicitations')
@ApiBearerAuth()
@Controller('api/v1/meetings/:id')
export class RecordedOpinionsController {
  constructor(private readonly recorded: RecordedOpinionsService) {}

  /** Records a symposium (座谈会) and the opinions raised at it. */
  @Post('symposiums')
  @Roles(Role.Organiser)
  async recordSymposium(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string, @Body() dto: RecordSymposiumDto): Promise<SymposiumView> {
    return toSymposiumView(await this.recorded.recordSymposium(actor, meetingId, dto));
  }

  /** The meeting's symposiums (座谈会) with their opinion counts. */
  @Get('symposiums')
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor)
  async listSymposiums(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<SymposiumView[]> {
    return (await this.recorded.listSymposiums(actor, meetingId)).map(toSymposiumView);
  }

  /** Records a written answer (书面征询) from another body and its opinions. */
  @Post('written-opinions')
  @Roles(Role.Organiser)
  async recordWritten(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string, @Body() dto: RecordWrittenOpinionsDto): Promise<WrittenSolicitationView> {
    return toWrittenSolicitationView(await this.recorded.recordWrittenOpinions(actor, meetingId, dto));
  }

  /** The meeting's written answers (书面征询) with their opinion counts. */
  @Get('written-opinions')
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor)
  async listWritten(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<WrittenSolicitationView[]> {
    return (await this.recorded.listWrittenSolicitations(actor, meetingId)).map(toWrittenSolicitationView);
  }
}
