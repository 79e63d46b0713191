import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProgressModule } from '../progress/progress.module';
import { TalksModule } from '../talks/talks.module';
import { DailyReminderSchedule, RemindersProcessor } from './reminders.processor';
import { RemindersService } from './reminders.service';

/** 每日提醒: what each person owes, once a day, through their notifications and the webhooks. */
@Module({
  imports: [MeetingsModule, TalksModule, ItemsModule, ProgressModule, NotificationsModule],
  providers: [RemindersService, RemindersProcessor, DailyReminderSchedule],
  exports: [RemindersService],
})
export class RemindersModule {}
