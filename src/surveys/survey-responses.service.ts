import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AnonymityKeys } from '../common/anonymity-keys';
import { AppError, ErrorCode } from '../common/app-error';
import { BatchedLookup } from '../common/batched-lookup';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { OpinionPool } from '../opinions/opinion-pool';
import { SubmitSurveyResponseDto } from './dto/submit-survey-response.dto';
import { SurveyDirectory, SurveyForRespondents } from './survey-directory';
import { checkAnswers } from './survey-questions';
import { SurveyAnswerWriter } from './survey-answer-writer';
import { SurveyResponse } from './survey-response.entity';
import { SURVEY_TOKEN_LENGTH, SurveyToken } from './survey-token.entity';
import { isSurveyOpen, questionViews, SurveyQuestionView } from './survey.views';

/** What the survey page and `GET /api/v1/public/surveys/:token` show a respondent. */
export interface PublicSurveyView {
  title: string;
  meetingTitle: string;
  anonymous: boolean;
  open: boolean;
  questions: SurveyQuestionView[];
}

/** What answering needs of a token's row. */
type TokenRow = Pick<SurveyToken, 'id' | 'surveyId' | 'departmentId' | 'used'>;

const TOKEN_FORMAT = new RegExp(`^[0-9a-z]{${SURVEY_TOKEN_LENGTH}}$`);

/**
 * The respondent's side of a survey: show it for a token, take one answer per token. For an
 * anonymous survey the stored answer keeps nothing of the token, and the token's `used` mark
 * nothing of the time; the text answers go to the opinion pool with no link to either.
 */
@Injectable()
export class SurveyResponsesService {
  constructor(
    @InjectRepository(SurveyToken) private readonly tokens: Repository<SurveyToken>,
    private readonly directory: SurveyDirectory,
    private readonly keys: AnonymityKeys,
    private readonly writer: SurveyAnswerWriter,
    private readonly pool: OpinionPool,
    private readonly clock: Clock,
  ) {}

  async describe(token: string): Promise<PublicSurveyView> {
    const { found } = await this.requireUnusedToken(token);
    return {
      title: found.survey.title,
      meetingTitle: found.meetingTitle,
      anonymous: found.survey.anonymous,
      open: isSurveyOpen(found.survey, found.meetingPhase),
      questions: questionViews(found.survey.questions),
    };
  }

  /** Stores one person's answers, exactly once per token: of two racing answers, one wins and the other gets 410. */
  async submit(token: string, dto: SubmitSurveyResponseDto): Promise<void> {
    const { row, found } = await this.requireUnusedToken(token);
    const { survey } = found;
    if (!isSurveyOpen(survey, found.meetingPhase)) throw AppError.conflict(ErrorCode.SurveyClosed, '这份征求意见表已经截止，不再接收填写');
    const { stored, texts } = checkAnswers(survey.questions, dto.answers);

    const day = this.clock.today();
    const response: SurveyResponse = {
      id: newId(),
      organizationId: survey.organizationId,
      surveyId: survey.id,
      departmentId: row.departmentId,
      tokenId: survey.anonymous ? null : row.id,
      answers: stored,
      receivedOn: day,
      held: survey.anonymous,
    };
    // An anonymous survey's answers are held until released as a batch (see ReleaseService).
    const opinions = this.pool.check('survey', { organizationId: survey.organizationId, meetingId: survey.meetingId, sourceId: survey.id }, texts, { day, anonymous: survey.anonymous });

    // Spending the token is the guard: only the answer that marks it used stores anything.
    if (!(await this.writer.store({ tokenId: row.id, response, opinions }))) throw tokenUsed();
    this.pool.arrived(opinions);
  }

  private async requireUnusedToken(token: string): Promise<{ row: TokenRow; found: SurveyForRespondents }> {
    const normalised = token.trim().toLowerCase();
    const row = TOKEN_FORMAT.test(normalised) ? await this.findToken(this.keys.surveyTokenHash(normalised)) : null;
    const found = row ? await this.directory.find(row.surveyId) : null;
    if (!row || !found) throw new AppError(ErrorCode.NotFound, HttpStatus.NOT_FOUND, '填写码无效，请核对链接或二维码');
    if (row.used) throw tokenUsed();
    return { row, found };
  }

  /**
   * The token rows, read in batches (one indexed query for the answers that arrive together)
   * and without the query builder: this is the survey's hot path.
   */
  private readonly tokenLookup = new BatchedLookup<string, TokenRow>(async (hashes) => {
    const escape = (name: string) => this.tokens.manager.connection.driver.escape(name);
    const rows: Array<TokenRow & { tokenHash: string; used: number | boolean }> = await this.tokens.query(
      `SELECT ${['id', 'surveyId', 'departmentId', 'used', 'tokenHash'].map(escape).join(', ')} FROM ${escape(this.tokens.metadata.tableName)} WHERE ${escape('tokenHash')} IN (${hashes.map(() => '?').join(', ')})`,
      hashes,
    );
    return new Map(rows.map(({ tokenHash, used, ...row }) => [tokenHash, { ...row, used: Boolean(Number(used)) }]));
  });

  private findToken(tokenHash: string): Promise<TokenRow | null> {
    return this.tokenLookup.find(tokenHash);
  }

}

function tokenUsed(): AppError {
  return new AppError(ErrorCode.TokenUsed, HttpStatus.GONE, '这个填写码已经用过了：每个填写码只能提交一次。感谢您的参与！');
}
