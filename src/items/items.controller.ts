import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { ClaimsService } from './claims.service';
import { AddItemDto, AnswerDto, AssignDto, ClaimDto, ListItemsQuery, MergeItemDto, SetAsideDto, SplitItemDto, UpdateItemDto } from './dto/item.dto';
import { ClaimOverview, ItemDetailView, ItemSummaryView, ItemView, MergedItemView, PublishedItemsView } from './item.views';
import { ItemsService } from './items.service';
import { ReachableBySupervisors } from '../common/supervised-units';

/** The errors' one shape (see core/http.ts), for the answers documented one by one. */
const ERROR = { $ref: '#/components/schemas/Error' };

@ApiTags('opinion list')
@ApiBearerAuth()
@Controller('api/v1')
export class ItemsController {
  constructor(
    private readonly items: ItemsService,
    private readonly claims: ClaimsService,
  ) {}

  /** The meeting's items (意见清单), filtered by status, aspect or target (`team` for the team as a whole). */
  @Get('meetings/:id/items')
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor)
  list(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string, @Query() query: ListItemsQuery): Promise<ItemView[]> {
    return this.items.listItems(actor, meetingId, query);
  }

  /** An item the upper level or the 督导组 names (channel `supervision`), to be claimed like any other. */
  @Post('meetings/:id/items')
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor)
  add(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string, @Body() dto: AddItemDto): Promise<ItemDetailView> {
    return this.items.addItem(actor, meetingId, dto);
  }

  /** Publishes every draft: each goes to the member it concerns, or to the whole team. */
  @Post('meetings/:id/items/publish')
  @HttpCode(200)
  @Roles(Role.Organiser)
  publish(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<PublishedItemsView> {
    return this.items.publish(actor, meetingId);
  }

  /** The numbers of the report: "共收集意见建议N条，归纳为X个方面Y条". */
  @Get('meetings/:id/items/summary')
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor)
  summary(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<ItemSummaryView> {
    return this.items.summary(actor, meetingId);
  }

  /** Who has claimed nothing, and which items nobody leads (人人认领). */
  @Get('meetings/:id/claims/overview')
  @ReachableBySupervisors()
  @Roles(Role.Organiser, Role.Supervisor, Role.Leader)
  overview(@CurrentActor() actor: Actor, @Param('id', IdPipe) meetingId: string): Promise<ClaimOverview> {
    return this.claims.overview(actor, meetingId);
  }

  /** The item with its verbatim sources (words, channel, day). */
  @Get('items/:id')
  @ReachableBySupervisors('item')
  get(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<ItemDetailView> {
    return this.items.getItem(actor, id);
  }

  /** Changes an item's words, aspect, target or notes; automatic runs never undo it. */
  @Patch('items/:id')
  @Roles(Role.Organiser)
  update(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: UpdateItemDto): Promise<ItemDetailView> {
    return this.items.updateItem(actor, id, dto);
  }

  /** Merges this item into another; the answer carries `mergeId`, to undo it. */
  @Post('items/:id/merge')
  @HttpCode(200)
  @Roles(Role.Organiser)
  merge(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: MergeItemDto): Promise<MergedItemView> {
    return this.items.mergeItem(actor, id, dto);
  }

  /** Undoes a merge: the item and its sources come back. */
  @Post('item-merges/:id/undo')
  @HttpCode(200)
  @Roles(Role.Organiser)
  undoMerge(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<ItemDetailView> {
    return this.items.undoMerge(actor, id);
  }

  /** Moves some sources to a new item: 201 the new item. */
  @Post('items/:id/split')
  @Roles(Role.Organiser)
  split(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: SplitItemDto): Promise<ItemDetailView> {
    return this.items.splitItem(actor, id, dto);
  }

  /** Sets an item aside with a reason (不纳入清单), counted apart. */
  @Post('items/:id/set-aside')
  @HttpCode(200)
  @Roles(Role.Organiser)
  setAside(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: SetAsideDto): Promise<ItemDetailView> {
    return this.items.setAside(actor, id, dto);
  }

  /** Brings a set-aside item back to the list. */
  @Post('items/:id/restore')
  @HttpCode(200)
  @Roles(Role.Organiser)
  restore(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<ItemDetailView> {
    return this.items.restore(actor, id);
  }

  /** A team member claims an item, as `lead` (one per item: 409 ALREADY_CLAIMED) or `joint`. */
  @Post('items/:id/claims')
  @Roles(Role.Leader)
  claim(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: ClaimDto): Promise<ItemDetailView> {
    return this.claims.claim(actor, id, dto);
  }

  /** The lead's answer: 问题认识, 整改措施 and a due date. */
  @Put('items/:id/claims/mine')
  @Roles(Role.Leader)
  answer(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: AnswerDto): Promise<ItemDetailView> {
    return this.claims.answer(actor, id, dto);
  }

  /**
   * Releases my claim (放弃认领), lead or joint, while the item is unanswered: 200 the item as it is
   * now. A lead released leaves the item without a lead (joint claimants stay); claim it again with
   * POST. 409 CLAIM_ANSWERED once the lead has answered; 404 when I hold no claim on it.
   */
  @Delete('items/:id/claims/mine')
  @HttpCode(200)
  @Roles(Role.Leader)
  @ApiOkResponse({ type: ItemDetailView, description: '放弃后的这条意见及其认领' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: 没有这条意见，或您没有认领它', schema: ERROR })
  @ApiConflictResponse({ description: 'CLAIM_ANSWERED: 这条意见已经答复，不能再放弃认领', schema: ERROR })
  @ApiResponse({ status: '4XX', description: '请求有误：见 code 与 message', schema: ERROR })
  release(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string): Promise<ItemDetailView> {
    return this.claims.release(actor, id);
  }

  /** The secretary gives a team item nobody leads to a member. */
  @Post('items/:id/assign')
  @Roles(Role.Leader)
  assign(@CurrentActor() actor: Actor, @Param('id', IdPipe) id: string, @Body() dto: AssignDto): Promise<ItemDetailView> {
    return this.claims.assign(actor, id, dto);
  }

  /** My items: published to me or to the team, with their claims and sources. */
  @Get('me/items')
  @Roles(Role.Leader)
  mine(@CurrentActor() actor: Actor): Promise<ItemDetailView[]> {
    return this.claims.myItems(actor);
  }
}
