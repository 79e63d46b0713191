import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import { trimmed } from '../../common/transforms';
import { MATERIAL_STATUSES, MaterialStatus } from '../material-states';
import { IsOptionalNotNull } from '../../common/validation';

export class MoveMaterialDto {
  /** The status to move to: `drafting`, `submitted` (author); `returned`, `approved` (reviewer). */
  @IsIn(MATERIAL_STATUSES)
  status: MaterialStatus;

  /** The reviewer's comments; required when returning. */
  @IsOptionalNotNull() @Transform(trimmed) @IsString() @MaxLength(2000)
  comment?: string;

  /**
   * Submitting a 对照检查材料 from a saved draft that leaves claimed items unanswered: true to
   * submit all the same (recorded in the history); without it, 400 UNCOVERED_ITEMS.
   */
  @IsOptionalNotNull() @IsBoolean()
  confirmUncovered?: boolean;
}
