import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { BoxOpinionView, BoxView } from './box.views';
import { BoxesService } from './boxes.service';
import { OpenBoxDto } from './dto/open-box.dto';
import { ReachableBySupervisors } from '../common/supervised-units';

@ApiTags('boxes')
@ApiBearerAuth()
@Controller('api/v1')
export class BoxesController {
  constructor(private readonly boxes: BoxesService) {}

  /** Opens a box (意见箱) for the meeting: its link and QR code go on a poster. */
  @Post('meetings/:id/boxes')
  @Roles(Role.Organiser)
  open(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string, @Body() dto: OpenBoxDto): Promise<BoxView> {
    return this.boxes.openBox(actor, meetingId, dto);
  }

  /** The meeting's boxes; each count is of the opinions released so far (统一整理), never of those held. */
  @Get('meetings/:id/boxes')
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor)
  list(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<BoxView[]> {
    return this.boxes.listBoxes(actor, meetingId);
  }

  /** One box with its count of released opinions. */
  @Get('boxes/:id')
  @Roles(Role.Organiser, Role.Supervisor)
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<BoxView> {
    return this.boxes.getBox(actor, id);
  }

  /** Stops the box taking opinions, for good. */
  @Post('boxes/:id/close')
  @HttpCode(200)
  @Roles(Role.Organiser)
  close(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<BoxView> {
    return this.boxes.closeBox(actor, id);
  }

  /** The box page's QR code for the poster: SVG (default) or PNG. */
  @Get('boxes/:id/qr')
  @Roles(Role.Organiser)
  @ApiProduces('image/svg+xml', 'image/png')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'format', required: false, enum: ['svg', 'png'] })
  async qr(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) id: string,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    const png = format === 'png';
    const image = await this.boxes.qrCode(actor, id, png ? 'png' : 'svg');
    // Only once the box is found: an error must still go out as JSON.
    reply.header('content-type', png ? 'image/png' : 'image/svg+xml; charset=utf-8');
    reply.header('content-disposition', `inline; filename="box-qr.${png ? 'png' : 'svg'}"`);
    return image;
  }

  /**
   * The box's opinions, verbatim, once it holds at least its release threshold (else 423
   * BELOW_RELEASE_THRESHOLD); in an order unrelated to arrival, dated by day.
   */
  @Get('boxes/:id/opinions')
  @Roles(Role.Organiser)
  opinions(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<BoxOpinionView[]> {
    return this.boxes.releasedOpinions(actor, id);
  }
}
