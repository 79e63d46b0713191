import { Transform } from 'class-transformer';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { trimmed } from '../../common/transforms';

export const QUESTION_MAX_LENGTH = 500;
export const REPLY_MAX_LENGTH = 2000;

/** 追问: what the organiser asks the writer of an opinion. */
export class AskQuestionDto {
  /** 1 to 500 characters. */
  @Transform(trimmed)
  @IsString({ message: '追问内容应为文本' })
  @MinLength(1, { message: '请填写要追问的内容' })
  @MaxLength(QUESTION_MAX_LENGTH, { message: `追问内容最多 ${QUESTION_MAX_LENGTH} 个字` })
  text: string;
}

/** The writer's reply to one question on their opinion. */
export class ReplyDto {
  @IsUUID('all', { message: '没有这个问题' })
  questionId: string;

  /** 1 to 2000 characters. */
  @Transform(trimmed)
  @IsString({ message: '答复内容应为文本' })
  @MinLength(1, { message: '请填写答复内容' })
  @MaxLength(REPLY_MAX_LENGTH, { message: `答复内容最多 ${REPLY_MAX_LENGTH} 个字` })
  text: string;
}
