import { IsString, MaxLength, MinLength } from 'class-validator';

/** Changing one's own password: the current one, and the new one (as long as an account's password must be). */
export class ChangePasswordDto {
  @IsString() @MinLength(1) @MaxLength(200)
  currentPassword: string;

  @IsString() @MinLength(8) @MaxLength(200)
  newPassword: string;
}
