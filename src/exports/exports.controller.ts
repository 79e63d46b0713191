import { Body, Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { asAttachment } from '../common/attachment';
import { Role } from '../common/roles';
import { RequestExportDto } from './dto/request-export.dto';
import { ExportView } from './export.views';
import { ExportsService } from './exports.service';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/v1')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /** Asks for a document; 202, built by the `exports` queue. */
  @Post('meetings/:id/exports')
  @HttpCode(202)
  @Roles(Role.Organiser)
  request(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string, @Body() dto: RequestExportDto): Promise<ExportView> {
    return this.exports.request(actor, meetingId, dto);
  }

  /** Where it stands; `downloadUrl` once done. Only for the organiser who asked. */
  @Get('exports/:id')
  @Roles(Role.Organiser)
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<ExportView> {
    return this.exports.get(actor, id);
  }

  /** Downloads the finished document (410 FILE_GONE when its file is no longer on the server). */
  @Get('exports/:id/file')
  @Roles(Role.Organiser)
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async file(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return asAttachment(reply, await this.exports.file(actor, id));
  }
}
