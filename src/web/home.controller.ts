import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Page } from '../common/decorators';
import { HTML_CONTENT_TYPE } from './layout';
import { renderHome } from './views/home-page';

/** `GET /`: a browser opening the bare address gets a page that says where to go, not a JSON 404. */
@ApiExcludeController()
@Controller()
export class HomeController {
  @Get()
  @Page()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'public, max-age=300')
  home(): string {
    return renderHome();
  }
}
