import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/decorators';
import { FAVICON_ICO } from './favicon';

/**
 * `/favicon.ico`, which every browser asks for unbidden: an icon rather than a 404. Page furniture
 * (see isPageFurniturePath): never logged, so it cannot date the visit to the page beside it.
 */
@ApiExcludeController()
@Public()
@Controller()
export class FaviconController {
  @Get('favicon.ico')
  @Header('content-type', 'image/x-icon')
  @Header('cache-control', 'public, max-age=604800, immutable')
  favicon(): Buffer {
    return FAVICON_ICO;
  }
}
