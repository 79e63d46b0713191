import { Module } from '@nestjs/common';
import { BoxesModule } from '../boxes/boxes.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { RecordedOpinionsModule } from '../recorded-opinions/recorded-opinions.module';
import { UsersModule } from '../users/users.module';
import { DemoService } from './demo.service';

@Module({
  imports: [OrganizationsModule, UsersModule, MeetingsModule, BoxesModule, RecordedOpinionsModule],
  providers: [DemoService],
  exports: [DemoService],
})
export class DemoModule {}
