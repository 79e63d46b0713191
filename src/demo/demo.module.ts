import { Module } from '@nestjs/common';
import { AggregationModule } from '../aggregation/aggregation.module';
import { BoxesModule } from '../boxes/boxes.module';
import { ItemsModule } from '../items/items.module';
import { MaterialsModule } from '../materials/materials.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { QuestionsModule } from '../questions/questions.module';
import { ReceiptsModule } from '../receipts/receipts.module';
import { RecordedOpinionsModule } from '../recorded-opinions/recorded-opinions.module';
import { RectificationsModule } from '../rectifications/rectifications.module';
import { ReleaseModule } from '../release/release.module';
import { SurveysModule } from '../surveys/surveys.module';
import { TalksModule } from '../talks/talks.module';
import { UsersModule } from '../users/users.module';
import { DemoService } from './demo.service';

@Module({
  imports: [OrganizationsModule, UsersModule, MeetingsModule, BoxesModule, RecordedOpinionsModule, SurveysModule, TalksModule, MaterialsModule, AggregationModule, ItemsModule, ReleaseModule, RectificationsModule, QuestionsModule, ReceiptsModule],
  providers: [DemoService],
  exports: [DemoService],
})
export class DemoModule {}
