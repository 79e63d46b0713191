import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ItemsModule } from '../items/items.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { UsersModule } from '../users/users.module';
import { LeaderPagesController } from './leader-pages.controller';

/** The pages for team members: sign in, then their items (`/me/items`). */
@Module({
  imports: [AuthModule, ItemsModule, MeetingsModule, UsersModule],
  controllers: [LeaderPagesController],
})
export class LeaderPagesModule {}
