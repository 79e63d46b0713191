import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeetingsModule } from '../meetings/meetings.module';
import { UsersModule } from '../users/users.module';
import { CheckMaterial } from './check-material.entity';
import { MaterialEvent } from './material-event.entity';
import { MaterialFiles } from './material-files';
import { MaterialsController } from './materials.controller';
import { MaterialsService } from './materials.service';

/** 对照检查材料: each team member's material, its review, its file. */
@Module({
  imports: [TypeOrmModule.forFeature([CheckMaterial, MaterialEvent]), MeetingsModule, UsersModule],
  providers: [MaterialsService, MaterialFiles],
  exports: [MaterialsService],
})
export class MaterialsModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({ imports: [MaterialsModule], controllers: [MaterialsController] })
export class MaterialsRoutes {}
