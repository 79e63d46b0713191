import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AssetsController } from './assets.controller';
import { FaviconController } from './favicon.controller';
import { HomeController } from './home.controller';
import { MePageController } from './me-page.controller';

/**
 * What every server-rendered page shares: the script and the icon (layouts and escaping are plain
 * functions), the home page, and any account's own page (/me). HTTP only: the api's.
 */
@Module({ imports: [AuthModule], controllers: [AssetsController, FaviconController, HomeController, MePageController] })
export class WebRoutes {}
