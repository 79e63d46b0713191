import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { DepartmentKind } from '../department.entity';

export class CreateDepartmentDto {
  @IsString() @MinLength(1) @MaxLength(100)
  name: string;

  /** `department` = 部门, `branch` = 党支部. */
  @IsIn(['department', 'branch'])
  kind: DepartmentKind;
}
