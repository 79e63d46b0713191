import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BoxesModule } from '../boxes/boxes.module';
import { OpinionsModule } from '../opinions/opinions.module';
import { SurveysModule } from '../surveys/surveys.module';
import { ReleaseSlot } from './release-slot.entity';
import { ReleaseService } from './release.service';
import { ReleaseSweeper } from './release.sweeper';

/** 统一整理: held anonymous opinions released in batches of at least k, at fixed times. */
@Module({
  imports: [TypeOrmModule.forFeature([ReleaseSlot]), OpinionsModule, BoxesModule, SurveysModule],
  providers: [ReleaseService, ReleaseSweeper],
  exports: [ReleaseService],
})
export class ReleaseModule {}
