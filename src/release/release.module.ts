import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BoxesModule } from '../boxes/boxes.module';
import { OpinionsModule } from '../opinions/opinions.module';
import { QuestionsModule } from '../questions/questions.module';
import { SurveysModule } from '../surveys/surveys.module';
import { ReleaseSlot } from './release-slot.entity';
import { ReleaseService } from './release.service';
import { ReleaseSchedule } from './release.schedule';

/** 统一整理: held anonymous opinions released in batches of at least k, at fixed times; held replies to 追问 at those times too. */
@Module({
  imports: [TypeOrmModule.forFeature([ReleaseSlot]), OpinionsModule, BoxesModule, SurveysModule, QuestionsModule],
  providers: [ReleaseService, ReleaseSchedule],
  exports: [ReleaseService],
})
export class ReleaseModule {}
