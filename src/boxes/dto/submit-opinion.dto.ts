import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { trimmed } from '../../common/transforms';
import { FORM_NONCE_PATTERN } from '../../opinions/form-nonce';
import { OpinionText } from '../../opinions/opinion-text.decorator';
import { IsOptionalNotNull } from '../../common/validation';

/** What a writer sends to a box. Nothing here, nor in the request around it, is kept about them. */
export class SubmitOpinionDto {
  /** The opinion, 5 to 2000 characters once surrounding spaces are trimmed. */
  @OpinionText()
  text: string;

  /** One of the meeting's aspects; leave out to let the organisers sort it. */
  @IsOptionalNotNull() @Transform(trimmed) @IsString() @MaxLength(100)
  aspect?: string;

  /** The team member it concerns (an id from the box's targets); leave out for the team as a whole. */
  @IsOptional() @IsString() @MaxLength(36)
  targetMemberId?: string | null;

  /** The box's access code, when it has one. */
  @IsOptionalNotNull() @Transform(trimmed) @IsString() @MaxLength(50)
  accessCode?: string;

  /**
   * A one-time value (16 to 64 characters of A–Z, a–z, 0–9, `_`, `-`; 128 random bits or more)
   * that makes a retry safe: sent again with the same nonce, the opinion is not stored twice and
   * the answer is 409 ALREADY_SENT. The box page puts one in its form.
   */
  @IsOptionalNotNull() @IsString() @Matches(FORM_NONCE_PATTERN, { message: '表单编号格式不正确，请刷新页面后重新提交' })
  nonce?: string;
}
