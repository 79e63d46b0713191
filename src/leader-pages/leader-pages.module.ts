import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ItemsModule } from '../items/items.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { UsersModule } from '../users/users.module';
import { LeaderPagesController } from './leader-pages.controller';
import { PageSession } from './page-session';

/** The pages for team members: sign in, then their items (`/me/items`). Other signed-in pages (the progress board) read the session through the exported PageSession. */
@Module({
  imports: [AuthModule, ItemsModule, UsersModule, RateLimitModule],
  controllers: [LeaderPagesController],
  providers: [PageSession],
  exports: [PageSession],
})
export class LeaderPagesModule {}
