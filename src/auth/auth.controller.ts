import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/actor';
import { CurrentActor, Public } from '../common/decorators';
import { toUserView, UserView } from '../users/user.view';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { LoginResult, NewTokenView } from './auth.views';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';

@ApiTags('accounts')
@Controller('api/v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** Signs in with username and password; the answer holds the bearer token. */
  @Post('auth/login')
  @Public()
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Ip() address: string): Promise<LoginResult> {
    return this.auth.login(dto.username, dto.password, address);
  }

  /**
   * Changes the caller's own password, given the current one (400 WRONG_PASSWORD otherwise;
   * wrong guesses are limited like sign-ins, 429). Every other session and token of the account
   * ends; the answer holds a new token.
   */
  @Post('me/password')
  @ApiBearerAuth()
  @HttpCode(200)
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto, @Ip() address: string): Promise<NewTokenView> {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword, address);
  }

  /** The caller's own account. */
  @Get('me')
  @ApiBearerAuth()
  async me(@CurrentActor() actor: Actor): Promise<UserView> {
    return toUserView(await this.users.getUser(actor, actor.userId));
  }
}
