import { Body, Controller, Get, Header, Ip, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AppError, ErrorCode } from '../common/app-error';
import { ALL_ROLES } from '../common/roles';
import { validateInput } from '../common/validation';
import { OnRefusal } from '../web/form-refusal';
import { formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { Viewer } from '../web/workbench';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { PageSession } from './page-session';
import { CurrentViewer, SignedInPage } from './signed-in-page';
import { renderPasswordPage } from './views/password-page';

const ForAnyAccount = () => SignedInPage({ roles: ALL_ROLES, forbidden: '请先登录' });

/**
 * 修改密码 (`/me/password`): any account changes its own password, as the initial password handed
 * out on paper (people import, a reset) asks. The session goes on under a new cookie; every other
 * session of the account ends.
 */
@ApiExcludeController()
@Controller('me/password')
export class AccountPagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly session: PageSession,
  ) {}

  @Get()
  @ForAnyAccount()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  form(@CurrentViewer() viewer: Viewer, @Query('done') done?: string): string {
    return renderPasswordPage(viewer, { notice: done === '1' ? '密码已修改。其他设备上的登录已退出。' : undefined });
  }

  @Post()
  @ForAnyAccount()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  @OnRefusal((error, { viewer }) => renderPasswordPage(viewer!, { error: pageMessage(error) }))
  async change(@CurrentViewer() viewer: Viewer, @Body() form: unknown, @Ip() address: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const dto = await validateInput(ChangePasswordDto, { currentPassword: formText(form, 'currentPassword') ?? '', newPassword: formText(form, 'newPassword') ?? '' });
    if (dto.newPassword !== formText(form, 'confirmPassword')) throw mismatch();
    const { accessToken } = await this.auth.changePassword(viewer.actor, dto.currentPassword, dto.newPassword, address);
    this.session.start(reply, accessToken);
    reply.status(303).redirect('/me/password?done=1');
  }
}

function mismatch(): AppError {
  return AppError.badRequest(ErrorCode.ValidationFailed, '两次输入的新密码不一致', [{ field: 'confirmPassword', message: '两次输入的新密码不一致' }]);
}
