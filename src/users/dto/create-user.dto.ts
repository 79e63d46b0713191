import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ALL_ROLES, Role } from '../../common/roles';
import { IsOptionalNotNull } from '../../common/validation';

export class CreateUserDto {
  /** Letters, digits, dot, dash or underscore; unique across Tanxin. */
  @IsString() @Matches(/^[A-Za-z0-9_.-]{3,64}$/, { message: 'username 应为 3–64 位字母、数字、点、横线或下划线' })
  username: string;

  @IsString() @MinLength(1) @MaxLength(100)
  displayName: string;

  @IsString() @MinLength(8) @MaxLength(200)
  password: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @IsIn(ALL_ROLES, { each: true })
  roles: Role[];

  @IsOptionalNotNull() @IsUUID()
  departmentId?: string;

  /** Their party branch (所在支部): a department of kind `branch`. */
  @IsOptionalNotNull() @IsUUID()
  branchId?: string;
}
