import type { LoginResult as LoginAnswer } from '../../src/auth/auth.service';
import { LoginResult } from '../../src/auth/auth.views';
import type { BoxTarget } from '../../src/boxes/box-directory';
import type { PublicBoxView as PublicBoxAnswer } from '../../src/boxes/box-submissions.service';
import { BoxTargetView, PublicBoxView } from '../../src/boxes/box.views';
import { ExportView } from '../../src/exports/export.views';
import type { ExportView as ExportAnswer } from '../../src/exports/exports.service';
import type { ClaimOverview as ClaimOverviewAnswer } from '../../src/items/claims.service';
import { ClaimOverview } from '../../src/items/item.views';
import type { AspectPreset } from '../../src/meetings/aspect-presets';
import { AspectPresetView, TalkRuleSettingsView } from '../../src/meetings/meeting.views';
import type { TalkRuleSettings } from '../../src/meetings/talk-rule-settings';
import type { OpinionChannel } from '../../src/opinions/raw-opinion.entity';
import { ReceiptView } from '../../src/receipts/receipt.views';
import type { ReceiptView as ReceiptAnswer } from '../../src/receipts/receipts.service';
import type { ProgressView as ProgressAnswer } from '../../src/progress/progress.service';
import { ChannelCountsView, ProgressView } from '../../src/progress/progress.views';
import type { FailedJobView as FailedJobAnswer, QueueView as QueueAnswer } from '../../src/queue/jobs';
import { FailedJobView, QueueView } from '../../src/queue/queue.views';
import type { SurveyQuestion } from '../../src/surveys/survey-questions';
import type { PublicSurveyView as PublicSurveyAnswer } from '../../src/surveys/survey-responses.service';
import type { QuestionResult } from '../../src/surveys/survey-results';
import { PublicSurveyView, QuestionResultView, SurveyQuestionView } from '../../src/surveys/survey.views';

/**
 * The OpenAPI document describes answers from the classes in the `*.views.ts` files. Where a
 * service builds its answer against a type of its own, the two must stay the same type: a field
 * the service adds (or drops) without the class fails the typecheck here, instead of reaching
 * clients undocumented.
 */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** An intersection as the one object type it amounts to. */
type Flat<T> = { [K in keyof T]: T[K] };

const sameShapes: Record<string, true> = {
  LoginResult: true satisfies Same<LoginAnswer, LoginResult>,
  BoxTargetView: true satisfies Same<BoxTarget, BoxTargetView>,
  PublicBoxView: true satisfies Same<PublicBoxAnswer, PublicBoxView>,
  ExportView: true satisfies Same<ExportAnswer, ExportView>,
  ClaimOverview: true satisfies Same<ClaimOverviewAnswer, ClaimOverview>,
  AspectPresetView: true satisfies Same<AspectPreset, AspectPresetView>,
  TalkRuleSettingsView: true satisfies Same<TalkRuleSettings, TalkRuleSettingsView>,
  ReceiptView: true satisfies Same<ReceiptAnswer, ReceiptView>,
  ProgressView: true satisfies Same<ProgressAnswer, ProgressView>,
  ChannelCountsView: true satisfies Same<Record<OpinionChannel, number>, ChannelCountsView>,
  QueueView: true satisfies Same<QueueAnswer, QueueView>,
  FailedJobView: true satisfies Same<FailedJobAnswer, FailedJobView>,
  PublicSurveyView: true satisfies Same<PublicSurveyAnswer, PublicSurveyView>,
  QuestionResultView: true satisfies Same<QuestionResult, QuestionResultView>,
  SurveyQuestionView: true satisfies Same<Flat<SurveyQuestion & { index: number }>, SurveyQuestionView>,
};

describe('the response classes the OpenAPI document is built from', () => {
  it('have the same shape as the types the services build their answers against (checked by tsc)', () => {
    expect(Object.values(sameShapes).every((same) => same)).toBe(true);
  });
});
