import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { trimmed } from '../common/transforms';

export const OPINION_MIN_LENGTH = 5;
export const OPINION_MAX_LENGTH = 2000;

/** An opinion's text, in every channel: 5 to 2000 characters once surrounding spaces are trimmed. */
export const OpinionText = () =>
  applyDecorators(
    Transform(trimmed),
    IsString({ message: '意见内容应为文本' }),
    MinLength(OPINION_MIN_LENGTH, { message: `意见内容至少 ${OPINION_MIN_LENGTH} 个字` }),
    MaxLength(OPINION_MAX_LENGTH, { message: `意见内容最多 ${OPINION_MAX_LENGTH} 个字` }),
  );
