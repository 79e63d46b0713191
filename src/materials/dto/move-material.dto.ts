import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength } from 'class-validator';
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
}
