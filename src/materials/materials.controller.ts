import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { asAttachment } from '../common/attachment';
import { Role } from '../common/roles';
import { CommentMaterialDto } from './dto/comment-material.dto';
import { MoveMaterialDto } from './dto/move-material.dto';
import { MATERIAL_CONTENT_TYPES } from '../common/file-type';
import { MaterialKindPipe } from './material-kind.pipe';
import { ALL_MATERIAL_KINDS, MaterialKind } from './material-states';
import { MaterialDetailView, MaterialView } from './material.views';
import { MaterialsService } from './materials.service';
import { ReachableBySupervisors } from '../common/supervised-units';

/** `?kind=`, on every route: the material's kind, 对照检查材料 when left out. */
const KindQuery = () =>
  ApiQuery({ name: 'kind', required: false, enum: ALL_MATERIAL_KINDS, description: '`check` (对照检查材料, the default), `outline` (发言提纲) or `team` (领导班子对照检查材料: under the secretary\'s id, one a meeting)' });

/**
 * Each team member's two materials. Every route takes `?kind=check|outline` and without it
 * answers for the 对照检查材料, as it always has: the kind is part of the query, not the path, so
 * the one set of routes serves both and no existing address changes meaning.
 */
@ApiTags('check materials')
@ApiBearerAuth()
@Controller('api/v1/meetings/:id/materials')
export class MaterialsController {
  constructor(private readonly materials: MaterialsService) {}

  /** Each team member's material of the kind and its status; the 督导组's comments where the caller may read them. */
  @ReachableBySupervisors()
  @Get()
  @Roles(Role.Organiser, Role.Supervisor, Role.Leader)
  @KindQuery()
  list(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string, @Query('kind', MaterialKindPipe) kind: MaterialKind): Promise<MaterialView[]> {
    return this.materials.list(actor, meetingId, kind);
  }

  /** One member's material with its history: for the member, the reviewer and organisers; for the 督导组 once submitted (403 before). */
  @ReachableBySupervisors()
  @Get(':memberId')
  @KindQuery()
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string, @Param('memberId', IdPipe) memberId: string, @Query('kind', MaterialKindPipe) kind: MaterialKind): Promise<MaterialDetailView> {
    return this.materials.get(actor, meetingId, memberId, kind);
  }

  /** Moves the status on: the member drafts and submits; the reviewer returns (with comments) or approves. 409 for a move that does not exist. */
  @Post(':memberId/status')
  @HttpCode(200)
  @KindQuery()
  move(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) meetingId: string,
    @Param('memberId', IdPipe) memberId: string,
    @Query('kind', MaterialKindPipe) kind: MaterialKind,
    @Body() dto: MoveMaterialDto,
  ): Promise<MaterialDetailView> {
    return this.materials.move(actor, meetingId, memberId, dto, kind);
  }

  /**
   * 督导组意见: a supervisor's comment on a submitted (or since returned or approved) material,
   * for the member, the secretary and the organisers; it changes no status. 403 on a draft.
   */
  @ReachableBySupervisors()
  @Post(':memberId/comments')
  @Roles(Role.Supervisor)
  @KindQuery()
  comment(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) meetingId: string,
    @Param('memberId', IdPipe) memberId: string,
    @Query('kind', MaterialKindPipe) kind: MaterialKind,
    @Body() dto: CommentMaterialDto,
  ): Promise<MaterialDetailView> {
    return this.materials.comment(actor, meetingId, memberId, dto, kind);
  }

  /** The member's file as the request body: a PDF or .docx (checked by content; 415 otherwise, 413 over UPLOAD_MAX_BYTES). */
  @Put(':memberId/file')
  @ApiConsumes(MATERIAL_CONTENT_TYPES.pdf, MATERIAL_CONTENT_TYPES.docx, 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'name', required: false, description: 'The file name to keep, e.g. 对照检查材料.docx' })
  @KindQuery()
  upload(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) meetingId: string,
    @Param('memberId', IdPipe) memberId: string,
    @Req() request: FastifyRequest,
    @Headers('content-type') contentType: string | undefined,
    @Query('name') name: string | undefined,
    @Query('kind', MaterialKindPipe) kind: MaterialKind,
  ): Promise<MaterialDetailView> {
    return this.materials.upload(actor, meetingId, memberId, Buffer.isBuffer(request.body) ? request.body : null, contentType ?? '', name, kind);
  }

  /** Downloads the member's uploaded file (410 FILE_GONE when it is no longer on the server); the 督导组's once submitted. */
  @ReachableBySupervisors()
  @Get(':memberId/file')
  @ApiProduces(MATERIAL_CONTENT_TYPES.pdf, MATERIAL_CONTENT_TYPES.docx)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @KindQuery()
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) meetingId: string,
    @Param('memberId', IdPipe) memberId: string,
    @Query('kind', MaterialKindPipe) kind: MaterialKind,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return asAttachment(reply, await this.materials.download(actor, meetingId, memberId, kind));
  }
}
