import { Body, Controller, Get, Param, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Actor } from '../common/actor';
import { CurrentActor } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { DraftKind, DRAFT_KINDS } from './draft-assembly';
import { DraftKindPipe } from './draft-kind.pipe';
import { DraftMemberPipe } from './draft-member.pipe';
import { SaveDraftDto } from './dto/save-draft.dto';
import { MATERIAL_CONTENT_TYPES } from '../common/file-type';
import { MaterialDraftView } from './material-draft.views';
import { MaterialDraftsService } from './material-drafts.service';

const KindQuery = () => ApiQuery({ name: 'kind', required: false, enum: DRAFT_KINDS, description: '`check` (对照检查材料, the default) or `outline` (发言提纲: a member\'s, not the team\'s)' });

/**
 * Drafts assembled from the claims: `:memberId` a team member's user id, or `team` for the
 * 领导班子对照检查材料 (the secretary's to write, the organisers' to read); `?kind=outline` for a
 * member's 发言提纲.
 */
@ApiTags('check materials')
@ApiBearerAuth()
@Controller('api/v1/meetings/:id/materials/:memberId')
export class MaterialDraftsController {
  constructor(private readonly drafts: MaterialDraftsService) {}

  /** The latest saved version, or the draft assembled afresh from the claims, with its coverage of them. The member, the secretary, the organisers. */
  @Get('draft')
  @KindQuery()
  get(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) meetingId: string,
    @Param('memberId', DraftMemberPipe) memberId: string,
    @Query('kind', DraftKindPipe) kind: DraftKind,
  ): Promise<MaterialDraftView> {
    return this.drafts.get(actor, meetingId, memberId, kind);
  }

  /** Saves the sections as a new version (the member; the secretary for `team`). 400 for an unknown section, a paragraph over 5000 characters or over 200 paragraphs. */
  @Put('draft')
  @KindQuery()
  save(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) meetingId: string,
    @Param('memberId', DraftMemberPipe) memberId: string,
    @Query('kind', DraftKindPipe) kind: DraftKind,
    @Body() dto: SaveDraftDto,
  ): Promise<MaterialDraftView> {
    return this.drafts.save(actor, meetingId, memberId, dto, kind);
  }

  /** The draft as a Word document in the layout of the source documents. */
  @Get('draft.docx')
  @KindQuery()
  @ApiProduces(MATERIAL_CONTENT_TYPES.docx)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async docx(
    @CurrentActor() actor: Actor,
    @Param('id', IdPipe) meetingId: string,
    @Param('memberId', DraftMemberPipe) memberId: string,
    @Query('kind', DraftKindPipe) kind: DraftKind,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return draftAttachment(reply, await this.drafts.docx(actor, meetingId, memberId, kind));
  }
}

/** A generated document as the answer, with the headers asAttachment gives a stored file (its type, its name in RFC 5987 UTF-8). */
export function draftAttachment(reply: FastifyReply, file: { name: string; content: Buffer }): StreamableFile {
  reply.header('content-type', MATERIAL_CONTENT_TYPES.docx);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  reply.header('cache-control', 'no-store');
  return new StreamableFile(file.content);
}
