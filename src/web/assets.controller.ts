import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/decorators';
import { PAGE_SCRIPT } from './assets';

/** The pages' one script, from this origin (the CSP allows no other). */
@ApiExcludeController()
@Public()
@Controller('assets')
export class AssetsController {
  @Get('tanxin.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  script(): string {
    return PAGE_SCRIPT;
  }
}
