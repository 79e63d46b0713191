import { PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { DepartmentKind } from '../department.entity';

export class CreateDepartmentDto {
  @IsString() @MinLength(1) @MaxLength(100)
  name: string;

  /** `department` = 部门, `branch` = 党支部. */
  @IsIn(['department', 'branch'])
  kind: DepartmentKind;

  /** The head (主要负责同志), when they have an account; null clears it. */
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID()
  headUserId?: string | null;

  /** The head's name, for a head without an account; null clears it. */
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsString() @MinLength(1) @MaxLength(50)
  headName?: string | null;
}

/** Each field may be left out; sent as null only where null clears it (the head). */
export class UpdateDepartmentDto extends PartialType(CreateDepartmentDto, { skipNullProperties: false }) {}
