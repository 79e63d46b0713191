import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { ALL_ROLES } from '../common/roles';
import { HTML_CONTENT_TYPE } from './layout';
import { renderMePage } from './views/me-page';
import { Viewer } from './workbench';

/** `GET /me`: any signed-in account, what it can do here (a staff account's landing page, not a 403). */
@ApiExcludeController()
@Controller('me')
export class MePageController {
  @Get()
  @SignedInPage({ roles: ALL_ROLES, forbidden: '请先登录' })
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  me(@CurrentViewer() viewer: Viewer): string {
    return renderMePage(viewer);
  }
}
