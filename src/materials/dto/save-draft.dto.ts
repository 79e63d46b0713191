import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsOptionalNotNull } from '../../common/validation';
import { ALL_DRAFT_SECTION_KEYS, DraftSectionKey } from '../draft-assembly';

export const MAX_DRAFT_PARAGRAPHS = 200;
export const MAX_DRAFT_PARAGRAPH_CHARS = 5000;

export class SaveDraftSectionDto {
  /** The 对照检查材料's `carry-over`, `problems`, `causes` or `measures`; the 发言提纲's `self-criticism`, `criticism` or `direction`. */
  @IsIn(ALL_DRAFT_SECTION_KEYS)
  key: DraftSectionKey;

  /** Ignored: each section keeps its own title (一、… 四、). */
  @IsOptionalNotNull() @IsString() @MaxLength(100)
  title?: string;

  /** The section's paragraphs, in order (at most 200, each at most 5000 characters; empty ones are dropped). */
  @IsArray()
  @ArrayMaxSize(MAX_DRAFT_PARAGRAPHS, { message: `草稿每一部分最多 ${MAX_DRAFT_PARAGRAPHS} 段` })
  @IsString({ each: true, message: '草稿的每一段应为文本' })
  @MaxLength(MAX_DRAFT_PARAGRAPH_CHARS, { each: true, message: `草稿每段最多 ${MAX_DRAFT_PARAGRAPH_CHARS} 字，请把过长的段落分成几段（每行一段）` })
  paragraphs: string[];
}

/** A new version of the draft: the sections given replace theirs; a section left out stays as it was. */
export class SaveDraftDto {
  @IsArray() @ArrayMaxSize(ALL_DRAFT_SECTION_KEYS.length) @ValidateNested({ each: true }) @Type(() => SaveDraftSectionDto)
  sections: SaveDraftSectionDto[];
}
