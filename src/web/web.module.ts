import { Module } from '@nestjs/common';
import { AssetsController } from './assets.controller';

/** What every server-rendered page shares: the script (layouts and escaping are plain functions). HTTP only: the api's. */
@Module({ controllers: [AssetsController] })
export class WebRoutes {}
