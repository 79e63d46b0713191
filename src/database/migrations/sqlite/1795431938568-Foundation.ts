import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795431938568 implements MigrationInterface {
  name = 'Foundation1795431938568';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "meetings" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "title" varchar(200) NOT NULL, "year" integer NOT NULL, "kind" varchar(30) NOT NULL, "theme" varchar(500), "aspectPreset" varchar(50), "aspects" text NOT NULL, "phase" varchar(20) NOT NULL, "collectUntil" date NOT NULL, "talksUntil" date NOT NULL, "claimUntil" date NOT NULL, "materialsUntil" date NOT NULL, "heldOn" date NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_c7e4077c35d8a6aca5bc46ff4e" ON "meetings" ("organizationId") `);
    await queryRunner.query(`CREATE TABLE "team_members" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "role" varchar(20) NOT NULL, "oversees" text NOT NULL, "position" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_0a72b849753a046462b4c5a8ec" ON "team_members" ("userId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_bacdecded455054c2991eb226a" ON "team_members" ("meetingId", "userId") `);
    await queryRunner.query(`CREATE TABLE "notifications" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "kind" varchar(50) NOT NULL, "title" varchar(200) NOT NULL, "body" text NOT NULL, "link" varchar(300), "dedupeKey" varchar(120), "readAt" datetime, "createdAt" datetime NOT NULL, CONSTRAINT "UQ_4e652c0d7bd0781daccfea1e117" UNIQUE ("dedupeKey"))`);
    await queryRunner.query(`CREATE INDEX "IDX_21e65af2f4f242d4c85a92aff4" ON "notifications" ("userId", "createdAt") `);
    await queryRunner.query(`CREATE TABLE "webhook_deliveries" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "webhookId" varchar(36) NOT NULL, "notificationId" varchar(36) NOT NULL, "status" varchar(20) NOT NULL, "attempts" integer NOT NULL, "lastError" varchar(500), "deliveredAt" datetime, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_5b6b274e41e123710db23177c6" ON "webhook_deliveries" ("notificationId") `);
    await queryRunner.query(`CREATE INDEX "IDX_bab0b4c4d980a3c43464335a7a" ON "webhook_deliveries" ("status", "updatedAt") `);
    await queryRunner.query(`CREATE TABLE "webhooks" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "url" varchar(500) NOT NULL, "format" varchar(20) NOT NULL, "secret" varchar(200), "active" boolean NOT NULL, "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_dbecd97048eef1ff16f24a0131" ON "webhooks" ("organizationId") `);
    await queryRunner.query(`CREATE TABLE "departments" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "name" varchar(100) NOT NULL, "kind" varchar(20) NOT NULL, "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8d4c3cf55a590015ceee33241c" ON "departments" ("organizationId", "name") `);
    await queryRunner.query(`CREATE TABLE "organizations" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(100) NOT NULL, "createdAt" datetime NOT NULL, CONSTRAINT "UQ_9b7ca6d30b94fef571cff876884" UNIQUE ("name"))`);
    await queryRunner.query(`CREATE TABLE "users" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "username" varchar(64) NOT NULL, "displayName" varchar(100) NOT NULL, "passwordHash" varchar(255) NOT NULL, "roles" text NOT NULL, "departmentId" varchar(36), "active" boolean NOT NULL, "createdAt" datetime NOT NULL, CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f3d6aea8fcca58182b2e80ce97" ON "users" ("organizationId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_f3d6aea8fcca58182b2e80ce97"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
    await queryRunner.query(`DROP INDEX "IDX_8d4c3cf55a590015ceee33241c"`);
    await queryRunner.query(`DROP TABLE "departments"`);
    await queryRunner.query(`DROP INDEX "IDX_dbecd97048eef1ff16f24a0131"`);
    await queryRunner.query(`DROP TABLE "webhooks"`);
    await queryRunner.query(`DROP INDEX "IDX_bab0b4c4d980a3c43464335a7a"`);
    await queryRunner.query(`DROP INDEX "IDX_5b6b274e41e123710db23177c6"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP INDEX "IDX_21e65af2f4f242d4c85a92aff4"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "IDX_bacdecded455054c2991eb226a"`);
    await queryRunner.query(`DROP INDEX "IDX_0a72b849753a046462b4c5a8ec"`);
    await queryRunner.query(`DROP TABLE "team_members"`);
    await queryRunner.query(`DROP INDEX "IDX_c7e4077c35d8a6aca5bc46ff4e"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
  }
}
