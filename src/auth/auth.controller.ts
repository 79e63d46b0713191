import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/actor';
import { CurrentActor, Public } from '../common/decorators';
import { toUserView, UserView } from '../users/user.view';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { LoginResult } from './auth.views';
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

  /** The caller's own account. */
  @Get('me')
  @ApiBearerAuth()
  async me(@CurrentActor() actor: Actor): Promise<UserView> {
    return toUserView(await this.users.getUser(actor, actor.userId));
  }
}
