import { IsInt, IsISO8601, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsOptionalNotNull } from '../../common/validation';

export class OpenBoxDto {
  /** Shown at the top of the box page, e.g. “2026年度民主生活会意见箱”. */
  @IsString() @MinLength(1) @MaxLength(200)
  title: string;

  /** A code printed on the poster; writers must enter it. Letters and digits, 4 to 20. */
  @IsOptionalNotNull() @IsString() @Matches(/^[A-Za-z0-9]{4,20}$/, { message: 'accessCode 应为 4 到 20 位字母或数字' })
  accessCode?: string;

  /** When the box stops taking opinions by itself (ISO 8601 date-time, in the future). */
  @IsOptionalNotNull() @IsISO8601({ strict: true }, { message: 'closesAt 应为 ISO 8601 格式的时间，如 2026-12-10T18:00:00+08:00' })
  closesAt?: string;

  /** k: contents stay sealed until the box holds this many opinions (default 5). */
  @IsOptionalNotNull() @IsInt() @Min(3) @Max(100)
  releaseThreshold?: number;
}
