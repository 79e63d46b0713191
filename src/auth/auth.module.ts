import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { MeetingsModule } from '../meetings/meetings.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AccountPagesController } from './account-pages.controller';
import { AuthPagesController } from './auth-pages.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PageSession } from './page-session';
import { TokenService } from './token.service';

@Module({
  imports: [
    UsersModule,
    RateLimitModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, made once: given the string, jsonwebtoken tries to read it as a public key
        // on every verification and fails (an exception each time), which was a third of the CPU
        // of an authenticated request.
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')) as unknown as string,
        signOptions: { expiresIn: config.auth.jwtExpiresIn as `${number}h`, issuer: 'tanxin' },
        verifyOptions: { issuer: 'tanxin' },
      }),
    }),
  ],
  // The guards (AuthGuard, PageSessionGuard) are the api's: ApiModule installs the one, the pages
  // (SignedInPage) the other, so the worker and the CLI build none.
  providers: [AuthService, TokenService, PageSession, LoginThrottle],
  exports: [TokenService, AuthService, PageSession],
})
export class AuthModule {}

/** The feature's HTTP routes: the api imports them, the worker and the CLI do not. */
@Module({ imports: [AuthModule, UsersModule, MeetingsModule], controllers: [AuthController, AuthPagesController, AccountPagesController] })
export class AuthRoutes {}
