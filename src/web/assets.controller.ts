import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/decorators';
import { BOARD_SCRIPT, PAGE_SCRIPT, REVIEW_SCRIPT } from './assets';

/** The pages' scripts, from this origin (the CSP allows no other). */
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

  /** The progress board's once-a-minute refresh (see BOARD_SCRIPT). */
  @Get('board.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  boardScript(): string {
    return BOARD_SCRIPT;
  }

  /** The opinion-list review's forms without a reload (see REVIEW_SCRIPT). */
  @Get('review.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  reviewScript(): string {
    return REVIEW_SCRIPT;
  }
}
