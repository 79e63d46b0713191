import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ALL_ROLES, Role } from '../../common/roles';

export class UpdateUserDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  displayName?: string;

  @IsOptional() @IsString() @MinLength(8) @MaxLength(200)
  password?: string;

  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @IsIn(ALL_ROLES, { each: true })
  roles?: Role[];

  /** null moves the person out of any department. */
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID()
  departmentId?: string | null;

  /** null takes the person out of their party branch. */
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID()
  branchId?: string | null;

  @IsOptional() @IsBoolean()
  active?: boolean;
}
