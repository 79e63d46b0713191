import { chineseNumeral } from '../common/chinese-numbers';
import { Meeting } from '../meetings/meeting.entity';
import { CreateSurveyDto } from './dto/create-survey.dto';

/**
 * The usual 征求意见表 for a meeting: an overall rating of the team, one question per aspect of
 * the meeting's preset (their answers enter the opinion list under that aspect), and one open question.
 */
export function surveyTemplate(meeting: Pick<Meeting, 'title' | 'aspects'>): CreateSurveyDto {
  const aspects = meeting.aspects;
  return {
    title: `${meeting.title}征求意见表`,
    anonymous: true,
    questions: [
      { kind: 'single', prompt: '您对领导班子的总体评价', options: ['好', '较好', '一般', '较差'], required: true },
      ...aspects.map((aspect) => ({ kind: 'text' as const, prompt: `在“${aspect}”方面，您对班子和班子成员有何意见建议？`, aspect, required: false })),
      { kind: 'text', prompt: `对照以上${chineseNumeral(aspects.length)}个方面，您对班子和班子成员还有哪些意见建议？`, required: false },
    ],
  };
}
