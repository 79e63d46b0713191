import { Module } from '@nestjs/common';
import { AssetsController } from './assets.controller';
import { HomeController } from './home.controller';

/**
 * What every server-rendered page shares: the script (layouts and escaping are plain functions),
 * and the home page. HTTP only: the api's.
 */
@Module({ controllers: [AssetsController, HomeController] })
export class WebRoutes {}
