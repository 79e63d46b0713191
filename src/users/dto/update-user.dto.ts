import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ALL_ROLES, Role } from '../../common/roles';
import { IsOptionalNotNull } from '../../common/validation';

export class UpdateUserDto {
  @IsOptionalNotNull() @IsString() @MinLength(1) @MaxLength(100)
  displayName?: string;

  @IsOptionalNotNull() @IsString() @MinLength(8) @MaxLength(200)
  password?: string;

  @IsOptionalNotNull() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @IsIn(ALL_ROLES, { each: true })
  roles?: Role[];

  /** null moves the person out of any department. */
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID()
  departmentId?: string | null;

  /** null takes the person out of their party branch. */
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID()
  branchId?: string | null;

  @IsOptionalNotNull() @IsBoolean()
  active?: boolean;
}
