import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsUUID, ValidateNested } from 'class-validator';
import { TeamRole } from '../team-member.entity';

export class TeamMemberDto {
  @IsUUID()
  userId: string;

  /** `secretary` = 主要负责同志; exactly one per team. */
  @IsIn(['secretary', 'member'])
  role: TeamRole;

  /** The departments this member oversees (分管部门). */
  @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  oversees: string[];
}

export class SetTeamDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(40) @ValidateNested({ each: true }) @Type(() => TeamMemberDto)
  members: TeamMemberDto[];
}
