import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { DistinctItemDto, SimilarItemsQuery } from './dto/item.dto';
import { SimilarPairView } from './item.views';
import { SimilarItemsService } from './similar-items.service';
import { ReachableBySupervisors } from '../common/supervised-units';

/** 可能重复: items that may say the same thing, for the organiser to merge or tell apart. */
@ApiTags('opinion list')
@ApiBearerAuth()
@Controller('api/v1')
export class SimilarItemsController {
  constructor(private readonly similar: SimilarItemsService) {}

  /** Pairs of listed items that may be duplicates, most similar first, each with the merge to make. */
  @Get('meetings/:id/items/similar')
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor)
  list(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string, @Query() query: SimilarItemsQuery): Promise<SimilarPairView[]> {
    return this.similar.similarPairs(actor, meetingId, query.limit);
  }

  /** "These two say different things": the pair is not suggested again. */
  @Post('items/:id/distinct')
  @HttpCode(204)
  @Roles(Role.Organiser)
  markDistinct(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: DistinctItemDto): Promise<void> {
    return this.similar.markDistinct(actor, id, dto.otherItemId);
  }

  /** Takes back "these two differ": the pair may be suggested again. */
  @Delete('items/:id/distinct/:otherId')
  @HttpCode(204)
  @Roles(Role.Organiser)
  unmarkDistinct(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Param('otherId', IdPipe) otherId: string): Promise<void> {
    return this.similar.unmarkDistinct(actor, id, otherId);
  }
}
