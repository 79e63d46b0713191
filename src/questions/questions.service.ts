import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Not, Repository } from 'typeorm';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { OpinionPlacements } from '../opinions/opinion-placements';
import { AskQuestionDto, ReplyDto } from './dto/question.dto';
import { OpinionQuestion } from './opinion-question.entity';
import { QuestionView, ReceiptQuestionView } from './question.views';

/** Opinion ids per query: well under every driver's limit on bound values. */
const CHUNK = 500;

/**
 * 追问: an organiser asks the writer of one anonymous opinion what they meant; the writer reads
 * the question with their receipt (回执码) and replies; the reply reaches the organiser only at the
 * next fixed release (统一整理), as part of the opinion.
 *
 * A question is about an opinion, never about a person: it is attached to that one opinion and
 * only the code of that opinion shows it, so asking cannot sort writers into groups. The reply is
 * held like an anonymous opinion: nothing anyone signed in reads changes when it is written.
 */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectRepository(OpinionQuestion) private readonly questions: Repository<OpinionQuestion>,
    private readonly placements: OpinionPlacements,
    private readonly clock: Clock,
  ) {}

  /**
   * Asks about an opinion of the actor's organisation that is in the list (released, placed).
   * 404 for another organisation's, a held one or none; 409 NO_RECEIPT when its writer holds no
   * receipt to read the question with (a named survey, a symposium, a talk record…).
   */
  async ask(actor: Actor, opinionId: string, dto: AskQuestionDto): Promise<QuestionView> {
    const opinion = await this.placements.forQuestion(opinionId);
    // A held opinion is in no item: asking about it would say it exists (统一整理).
    if (!opinion || opinion.organizationId !== actor.organizationId || !opinion.listed) throw AppError.notFound('意见');
    if (!opinion.hasReceipt) {
      throw new AppError(ErrorCode.NoReceipt, HttpStatus.CONFLICT, '这条意见没有回执码，写意见的人无法看到追问：只能追问通过意见箱等渠道匿名提交、持有回执码的意见');
    }
    const question: OpinionQuestion = {
      id: newId(),
      organizationId: opinion.organizationId,
      meetingId: opinion.meetingId,
      opinionId,
      askedBy: actor.userId,
      text: dto.text,
      askedOn: this.clock.today(),
      replyText: null,
      replyReleasedOn: null,
    };
    await this.questions.insert(question);
    return toQuestionView(question);
  }

  /**
   * The questions on these opinions, by opinion, as the item's readers see them: a reply only
   * once a release has passed it on, with that day. A held reply changes nothing here.
   */
  async forSources(opinionIds: readonly string[]): Promise<Map<string, QuestionView[]>> {
    const byOpinion = new Map<string, QuestionView[]>();
    if (opinionIds.length === 0) return byOpinion;
    const rows: OpinionQuestion[] = [];
    // In slices: the review page asks about every source of several hundred items at once.
    for (let start = 0; start < opinionIds.length; start += CHUNK) {
      rows.push(...(await this.questions.find({ where: { opinionId: In(opinionIds.slice(start, start + CHUNK)) } })));
    }
    rows.sort((a, b) => a.askedOn.localeCompare(b.askedOn) || a.id.localeCompare(b.id));
    for (const row of rows) byOpinion.set(row.opinionId, [...(byOpinion.get(row.opinionId) ?? []), toQuestionView(row)]);
    return byOpinion;
  }

  /** The questions on the writer's own opinion, for their receipt: their reply at once, released or not. */
  async forReceipt(opinionId: string): Promise<ReceiptQuestionView[]> {
    const rows = await this.questions.find({ where: { opinionId }, order: { askedOn: 'ASC', id: 'ASC' } });
    return rows.map((row) => ({
      id: row.id,
      text: row.text,
      askedOn: row.askedOn,
      ...(row.replyText === null ? {} : { reply: { text: row.replyText, releasedOn: row.replyReleasedOn } }),
    }));
  }

  /**
   * The writer's reply to a question on their opinion (the caller has found the opinion by its
   * code): stored held, with nothing of the request and no date — the release gives it its day.
   * 404 for a question not on this opinion; 409 ALREADY_REPLIED for a second reply.
   */
  async reply(opinionId: string, dto: ReplyDto): Promise<ReceiptQuestionView> {
    const question = await this.questions.findOne({ where: { id: dto.questionId, opinionId } });
    if (!question) throw AppError.notFound('问题');
    // Only a question still unanswered takes it: of two replies sent at once, one is stored.
    const result = await this.questions.update({ id: question.id, opinionId, replyText: IsNull() }, { replyText: dto.text });
    if (!result.affected) throw new AppError(ErrorCode.AlreadyReplied, HttpStatus.CONFLICT, '这个问题您已经答复过了，每个问题只能答复一次');
    return { id: question.id, text: question.text, askedOn: question.askedOn, reply: { text: dto.text, releasedOn: null } };
  }

  /**
   * 统一整理 for replies, inside the release's transaction: every held reply (of these
   * organisations, when given) is passed on at once, dated with the release's day. No k here: a
   * reply is already tied to one opinion, so a batch hides nothing more; what matters is that it
   * reaches the organiser at a fixed time, never at the moment it was written.
   */
  async releaseHeldReplies(manager: EntityManager, day: string, organizationIds?: readonly string[]): Promise<number> {
    const result = await manager.update(
      OpinionQuestion,
      { replyText: Not(IsNull()), replyReleasedOn: IsNull(), ...(organizationIds ? { organizationId: In([...organizationIds]) } : {}) },
      { replyReleasedOn: day },
    );
    return result.affected ?? 0;
  }
}

function toQuestionView(row: OpinionQuestion): QuestionView {
  return {
    id: row.id,
    text: row.text,
    askedOn: row.askedOn,
    reply: row.replyText !== null && row.replyReleasedOn !== null ? { text: row.replyText, releasedOn: row.replyReleasedOn } : null,
  };
}
