import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { MoveMaterialDto } from './dto/move-material.dto';
import { MATERIAL_CONTENT_TYPES } from './file-type';
import { MaterialDetailView, MaterialView } from './material.views';
import { MaterialsService } from './materials.service';

@ApiTags('check materials')
@ApiBearerAuth()
@Controller('api/v1/meetings/:id/materials')
export class MaterialsController {
  constructor(private readonly materials: MaterialsService) {}

  /** Each team member's 对照检查材料 and its status. */
  @Get()
  @Roles(Role.Organiser, Role.Supervisor, Role.Leader)
  list(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<MaterialView[]> {
    return this.materials.list(actor, meetingId);
  }

  /** One member's material with its history: for the member, the reviewer and organisers. */
  @Get(':memberId')
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string, @Param('memberId', IdPipe) memberId: string): Promise<MaterialDetailView> {
    return this.materials.get(actor, meetingId, memberId);
  }

  /** Moves the status on: the member drafts and submits; the reviewer returns (with comments) or approves. 409 for a move that does not exist. */
  @Post(':memberId/status')
  @HttpCode(200)
  move(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string, @Param('memberId', IdPipe) memberId: string, @Body() dto: MoveMaterialDto): Promise<MaterialDetailView> {
    return this.materials.move(actor, meetingId, memberId, dto);
  }

  /** The member's file as the request body: a PDF or .docx (checked by content; 415 otherwise, 413 over UPLOAD_MAX_BYTES). */
  @Put(':memberId/file')
  @ApiConsumes(MATERIAL_CONTENT_TYPES.pdf, MATERIAL_CONTENT_TYPES.docx, 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'name', required: false, description: 'The file name to keep, e.g. 对照检查材料.docx' })
  upload(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) meetingId: string,
    @Param('memberId', IdPipe) memberId: string,
    @Req() request: FastifyRequest,
    @Headers('content-type') contentType: string | undefined,
    @Query('name') name: string | undefined,
  ): Promise<MaterialDetailView> {
    return this.materials.upload(actor, meetingId, memberId, Buffer.isBuffer(request.body) ? request.body : null, contentType ?? '', name);
  }

  /** Downloads the member's uploaded file. */
  @Get(':memberId/file')
  @ApiProduces(MATERIAL_CONTENT_TYPES.pdf, MATERIAL_CONTENT_TYPES.docx)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) meetingId: string,
    @Param('memberId', IdPipe) memberId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.materials.download(actor, meetingId, memberId);
    reply.header('content-type', file.contentType);
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    return new StreamableFile(file.stream);
  }
}
