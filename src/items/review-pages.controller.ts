import { applyDecorators, Body, Controller, Get, Header, Headers, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { validateInput } from '../common/validation';
import { OTHER_ASPECT } from '../meetings/aspect-presets';
import { AskQuestionDto } from '../questions/dto/question.dto';
import { QuestionsService } from '../questions/questions.service';
import { UsersService } from '../users/users.service';
import { OnRefusal, RefusedRequest } from '../web/form-refusal';
import { formFields, formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { Viewer } from '../web/workbench';
import { DistinctItemDto, MergeItemDto, SetAsideDto, SplitItemDto, UpdateItemDto } from './dto/item.dto';
import { ItemsService } from './items.service';
import { SimilarItemsService } from './similar-items.service';
import { filterQuery, renderReview, renderReviewPage, ReviewFilters, ReviewPage } from './views/review-page';

/** The page script's requests (see REVIEW_SCRIPT): they want `#review` only, and, signed out, a 401 rather than the sign-in page. */
const fromScript = (request: FastifyRequest) => request.headers['x-review-fragment'] === '1';

const ForOrganisers = () => SignedInPage({ roles: [Role.Organiser], forbidden: '意见清单的整理供组织者使用', fromScript });

/** A form of the page: for organisers; a refusal is the page again, the message beside the item (see withProblem). */
const ReviewForm = () =>
  applyDecorators(
    ForOrganisers(),
    Header('content-type', HTML_CONTENT_TYPE),
    OnRefusal((error, refused, pages: ReviewPagesController) => pages.withProblem(error, refused)),
  );

/** How many 可能重复 pairs the page shows at once: the most similar; the rest come as these are decided. */
const PAIRS_SHOWN = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What each form's success says, by `?done=`. */
const DONE: Record<string, string> = {
  edit: '已保存修改。',
  unchanged: '没有修改。',
  merge: '已合并。',
  undo: '已撤销合并。',
  split: '已拆分为一条新的草稿。',
  'set-aside': '已搁置：这条意见不纳入清单，另行统计。',
  restore: '已恢复到清单。',
  distinct: '已标记为不是重复，这一对不再提示。',
  question: '已发出追问：写意见的人凭回执码看到；答复在下次统一整理时转来。',
};

interface DoneQuery extends ReviewFilters {
  done?: string;
  /** After a merge: the merge to offer to undo. */
  merge?: string;
  /** After publishing: how many. */
  count?: string;
}

/**
 * 意见清单整理 (`/meetings/:id/items`): the organiser reviews the whole list — rewords,
 * re-aspects, re-targets, merges (and undoes), splits, sets aside, restores, tells 可能重复
 * pairs apart — and publishes. Every form posts and comes back (303) to the same filtered view
 * at the item; the page script (/assets/review.js) does the same without reloading the page. A
 * refusal is the page again with the message beside the item and what was typed.
 */
@ApiExcludeController()
@Controller('meetings/:id/items')
export class ReviewPagesController {
  constructor(
    private readonly items: ItemsService,
    private readonly similar: SimilarItemsService,
    private readonly users: UsersService,
    private readonly questions: QuestionsService,
  ) {}

  @Get()
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async review(@Param('id', IdPipe) meetingId: string, @Query() query: Record<string, string | undefined>, @Headers('x-review-fragment') fragment: string | undefined, @CurrentViewer() viewer: Viewer): Promise<string> {
    const editing = query.edit && UUID.test(query.edit) ? query.edit.toLowerCase() : undefined;
    const view = await this.pageOf(viewer, meetingId, query, { notice: noticeOf(query), editing });
    return fragment === '1' ? renderReview(view).toString() : renderReviewPage(view);
  }

  @Post('publish')
  @ReviewForm()
  async publish(@Param('id', IdPipe) meetingId: string, @Query() query: ReviewFilters, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const { published } = await this.items.publish(viewer.actor, meetingId);
    back(reply, meetingId, query, { done: 'publish', count: String(published) });
  }

  /** Reword, re-aspect, re-target: only what changed is sent, so an unchanged item stays open to automatic runs. */
  @Post(':itemId/edit')
  @ReviewForm()
  async edit(@Param('id', IdPipe) meetingId: string, @Param('itemId', IdPipe) itemId: string, @Query() query: ReviewFilters, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const item = await this.itemOf(viewer.actor, meetingId, itemId);
    const summary = formText(form, 'summary')?.trim();
    const aspect = formText(form, 'aspect');
    const target = formText(form, 'target');
    if (summary === '') throw refusal('summary', '意见表述不能为空');
    const changes: UpdateItemDto = {};
    if (summary !== undefined && summary !== item.summary) changes.summary = summary;
    if (aspect && aspect !== item.aspect) changes.aspect = aspect;
    const targetMemberId = target === 'team' ? null : target;
    if (target && targetMemberId !== item.targetMemberId) changes.targetMemberId = targetMemberId;
    if (Object.keys(changes).length === 0) return back(reply, meetingId, query, { done: 'unchanged' }, itemId);
    await this.items.updateItem(viewer.actor, itemId, await validateInput(UpdateItemDto, changes));
    back(reply, meetingId, query, { done: 'edit' }, itemId);
  }

  /** Into another item, named by its number on the page (or its id, as the 可能重复 pairs send it). */
  @Post(':itemId/merge')
  @ReviewForm()
  async merge(@Param('id', IdPipe) meetingId: string, @Param('itemId', IdPipe) itemId: string, @Query() query: ReviewFilters, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.itemOf(viewer.actor, meetingId, itemId);
    const typed = (formText(form, 'intoItemId') ?? '').trim().replace(/^#/, '');
    if (!typed) throw refusal('intoItemId', '请填写要并入的那条意见的编号');
    const intoItemId = UUID.test(typed) ? typed.toLowerCase() : /^[0-9a-f]{8}$/i.test(typed) ? await this.items.listedItemIdByPrefix(viewer.actor, meetingId, typed) : null;
    if (!intoItemId) throw refusal('intoItemId', `清单中没有编号为“${typed}”的意见：编号是每条意见下方的 8 位字母和数字`);
    if (intoItemId === itemId) throw refusal('intoItemId', '不能并入这条意见本身，请填写另一条意见的编号');
    const merged = await this.items.mergeItem(viewer.actor, itemId, await validateInput(MergeItemDto, { intoItemId }));
    back(reply, meetingId, query, { done: 'merge', merge: merged.mergeId }, merged.id);
  }

  @Post('merges/:mergeId/undo')
  @ReviewForm()
  async undoMerge(@Param('id', IdPipe) meetingId: string, @Param('mergeId', IdPipe) mergeId: string, @Query() query: ReviewFilters, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const item = await this.items.undoMerge(viewer.actor, mergeId);
    back(reply, meetingId, query, { done: 'undo' }, item.id);
  }

  /** The ticked sources leave for a new draft item. */
  @Post(':itemId/split')
  @ReviewForm()
  async split(@Param('id', IdPipe) meetingId: string, @Param('itemId', IdPipe) itemId: string, @Query() query: ReviewFilters, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.itemOf(viewer.actor, meetingId, itemId);
    const sourceIds = [formFields(form).sourceIds ?? []].flat().filter((id): id is string => typeof id === 'string');
    if (sourceIds.length === 0) throw refusal('sourceIds', '请先勾选要拆分出去的原样意见');
    const split = await this.items.splitItem(viewer.actor, itemId, await validateInput(SplitItemDto, { sourceIds }));
    back(reply, meetingId, query, { done: 'split' }, split.id);
  }

  @Post(':itemId/set-aside')
  @ReviewForm()
  async setAside(@Param('id', IdPipe) meetingId: string, @Param('itemId', IdPipe) itemId: string, @Query() query: ReviewFilters, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.itemOf(viewer.actor, meetingId, itemId);
    const reason = formText(form, 'reason')?.trim();
    if (!reason) throw refusal('reason', '请写明搁置的理由');
    await this.items.setAside(viewer.actor, itemId, await validateInput(SetAsideDto, { reason }));
    back(reply, meetingId, query, { done: 'set-aside' }, itemId);
  }

  @Post(':itemId/restore')
  @ReviewForm()
  async restore(@Param('id', IdPipe) meetingId: string, @Param('itemId', IdPipe) itemId: string, @Query() query: ReviewFilters, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.itemOf(viewer.actor, meetingId, itemId);
    await this.items.restore(viewer.actor, itemId);
    back(reply, meetingId, query, { done: 'restore' }, itemId);
  }

  /** "不是重复": the pair is not put to the organiser again. */
  @Post(':itemId/distinct')
  @ReviewForm()
  async distinct(@Param('id', IdPipe) meetingId: string, @Param('itemId', IdPipe) itemId: string, @Query() query: ReviewFilters, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.itemOf(viewer.actor, meetingId, itemId);
    const dto = await validateInput(DistinctItemDto, { otherItemId: formText(form, 'otherItemId') });
    await this.similar.markDistinct(viewer.actor, itemId, dto.otherItemId);
    back(reply, meetingId, query, { done: 'distinct' });
  }

  /** 追问: a question to the writer of one of the item's anonymous sources (one with a receipt). */
  @Post(':itemId/questions')
  @ReviewForm()
  async ask(@Param('id', IdPipe) meetingId: string, @Param('itemId', IdPipe) itemId: string, @Query() query: ReviewFilters, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.itemOf(viewer.actor, meetingId, itemId);
    const opinionId = (formText(form, 'opinionId') ?? '').toLowerCase();
    // The source must be this item's: the answer comes back beside it.
    if (!UUID.test(opinionId) || !(await this.items.getItem(viewer.actor, itemId)).sources.some((source) => source.id === opinionId)) throw AppError.notFound('意见');
    await this.questions.ask(viewer.actor, opinionId, await validateInput(AskQuestionDto, { text: formText(form, 'text') ?? '' }));
    back(reply, meetingId, query, { done: 'question' }, itemId);
  }

  /** The page again, the refusal beside its item (or above the list) with what was typed. */
  async withProblem(error: AppError, { params, query, body, actor }: RefusedRequest): Promise<string | undefined> {
    if (!actor || !UUID.test(params.id ?? '')) return undefined;
    const [me] = await this.users.findUsers(actor, [actor.userId]);
    const viewer: Viewer = { actor, userId: actor.userId, name: me?.displayName ?? actor.username, roles: actor.roles };
    // Another organisation's meeting, or none: the error page, as for the GET.
    const page = await this.pageOf(viewer, params.id.toLowerCase(), query, { problem: { itemId: params.itemId?.toLowerCase(), message: pageMessage(error), values: formFields(body) } }).catch(() => undefined);
    return page && renderReviewPage(page);
  }

  private async pageOf(viewer: Viewer, meetingId: string, query: Record<string, string | undefined>, extra: Pick<ReviewPage, 'notice' | 'problem' | 'editing'>): Promise<ReviewPage> {
    const actor = viewer.actor;
    // One read of each kind: the list with its sources, the report's figures, the pairs.
    const [list, summary, pairs] = await Promise.all([
      this.items.reviewList(actor, meetingId),
      this.items.summary(actor, meetingId),
      this.similar.similarPairs(actor, meetingId, PAIRS_SHOWN + 1),
    ]);
    return {
      viewer,
      meeting: { id: list.meeting.id, title: list.meeting.title },
      aspects: [...list.meeting.aspects, OTHER_ASPECT],
      team: list.team.map((member) => ({ userId: member.userId, name: member.displayName })),
      items: list.items,
      summary,
      pairs: pairs.slice(0, PAIRS_SHOWN),
      morePairs: pairs.length > PAIRS_SHOWN,
      filters: filtersOf(query),
      ...extra,
    };
  }

  /** The item, if it is one of this meeting's (so the answer comes back to the page it was sent from). */
  private async itemOf(actor: Actor, meetingId: string, itemId: string) {
    const { item } = await this.items.findItem(actor, itemId);
    if (item.meetingId !== meetingId) throw AppError.notFound('意见');
    return item;
  }
}

function filtersOf(query: Record<string, string | undefined>): ReviewFilters {
  const text = (name: string) => (typeof query[name] === 'string' && query[name] !== '' ? query[name]!.slice(0, 100) : undefined);
  return { aspect: text('aspect'), target: text('target'), state: text('state'), q: text('q') };
}

function noticeOf(query: DoneQuery): ReviewPage['notice'] {
  if (query.done === 'publish') {
    const count = Number(query.count) || 0;
    return { text: count ? `已发布 ${count} 条意见：班子成员现在可以认领。` : '没有待发布的草稿。' };
  }
  const text = query.done ? DONE[query.done] : undefined;
  if (!text) return undefined;
  if (query.done === 'merge' && query.merge && UUID.test(query.merge)) return { text, undoMergeId: query.merge.toLowerCase() };
  return { text };
}

/** 303 to the same filtered view, with what was done, at the item it concerns. */
function back(reply: FastifyReply, meetingId: string, query: ReviewFilters, done: DoneQuery, itemId?: string): void {
  const filters = filterQuery(filtersOf(query as Record<string, string | undefined>));
  const extra = new URLSearchParams(Object.entries(done).filter((entry): entry is [string, string] => typeof entry[1] === 'string')).toString();
  const search = filters ? `${filters}&${extra}` : `?${extra}`;
  reply.status(303).redirect(`/meetings/${meetingId}/items${search}${itemId ? `#item-${itemId}` : ''}`);
}

function refusal(field: string, message: string): AppError {
  return AppError.badRequest(ErrorCode.ValidationFailed, message, [{ field, message }]);
}
