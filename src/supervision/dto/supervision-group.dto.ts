import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { trimmed } from '../../common/transforms';

/** A 督导组: its name, its members (supervisor accounts of the parent body) and the units it supervises. */
export class SupervisionGroupDto {
  /** e.g. 市委第一督导组 */
  @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(100)
  name: string;

  @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  memberUserIds: string[];

  /** Units of the parent body (organisations created under it). */
  @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true })
  unitIds: string[];
}

/** A unit the parent body creates under itself (下属单位), with its first account (admin + organiser). */
export class CreateUnitDto {
  @Transform(trimmed) @IsString() @MinLength(1) @MaxLength(100)
  name: string;

  @IsString() @Matches(/^[A-Za-z0-9_.-]{3,64}$/, { message: 'adminUsername 应为 3–64 位字母、数字、点、横线或下划线' })
  adminUsername: string;

  @IsString() @MinLength(8) @MaxLength(200)
  adminPassword: string;
}
