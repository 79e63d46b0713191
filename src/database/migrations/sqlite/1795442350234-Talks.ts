import { MigrationInterface, QueryRunner } from 'typeorm';

export class Talks1795442350234 implements MigrationInterface {
  name = 'Talks1795442350234';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "talks" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "loggedBy" varchar(36) NOT NULL, "counterpartUserId" varchar(36), "counterpartName" varchar(50), "heldOn" date NOT NULL, "place" varchar(200), "summary" text NOT NULL, "status" varchar(30) NOT NULL, "correctionComment" varchar(1000), "opinionCount" integer NOT NULL, "loggedAt" datetime NOT NULL, "confirmedAt" datetime)`);
    await queryRunner.query(`CREATE INDEX "IDX_7736009024379d035a062bcf4d" ON "talks" ("counterpartUserId") `);
    await queryRunner.query(`CREATE INDEX "IDX_f658e3aa747c2f41b658966c87" ON "talks" ("meetingId", "loggedBy") `);
    await queryRunner.query(`DROP INDEX "IDX_c7e4077c35d8a6aca5bc46ff4e"`);
    await queryRunner.query(`CREATE TABLE "temporary_meetings" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "title" varchar(200) NOT NULL, "year" integer NOT NULL, "kind" varchar(30) NOT NULL, "theme" varchar(500), "aspectPreset" varchar(50), "aspects" text NOT NULL, "phase" varchar(20) NOT NULL, "collectUntil" date NOT NULL, "talksUntil" date NOT NULL, "claimUntil" date NOT NULL, "materialsUntil" date NOT NULL, "heldOn" date NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "talkRules" text, "talkVisibility" varchar(30) NOT NULL DEFAULT ('participants-and-secretary'))`);
    await queryRunner.query(`INSERT INTO "temporary_meetings"("id", "organizationId", "title", "year", "kind", "theme", "aspectPreset", "aspects", "phase", "collectUntil", "talksUntil", "claimUntil", "materialsUntil", "heldOn", "createdAt", "updatedAt") SELECT "id", "organizationId", "title", "year", "kind", "theme", "aspectPreset", "aspects", "phase", "collectUntil", "talksUntil", "claimUntil", "materialsUntil", "heldOn", "createdAt", "updatedAt" FROM "meetings"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`ALTER TABLE "temporary_meetings" RENAME TO "meetings"`);
    await queryRunner.query(`CREATE INDEX "IDX_c7e4077c35d8a6aca5bc46ff4e" ON "meetings" ("organizationId") `);
    await queryRunner.query(`DROP INDEX "IDX_8d4c3cf55a590015ceee33241c"`);
    await queryRunner.query(`CREATE TABLE "temporary_departments" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "name" varchar(100) NOT NULL, "kind" varchar(20) NOT NULL, "createdAt" datetime NOT NULL, "headUserId" varchar(36), "headName" varchar(50))`);
    await queryRunner.query(`INSERT INTO "temporary_departments"("id", "organizationId", "name", "kind", "createdAt") SELECT "id", "organizationId", "name", "kind", "createdAt" FROM "departments"`);
    await queryRunner.query(`DROP TABLE "departments"`);
    await queryRunner.query(`ALTER TABLE "temporary_departments" RENAME TO "departments"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8d4c3cf55a590015ceee33241c" ON "departments" ("organizationId", "name") `);
    await queryRunner.query(`DROP INDEX "IDX_f3d6aea8fcca58182b2e80ce97"`);
    await queryRunner.query(`CREATE TABLE "temporary_users" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "username" varchar(64) NOT NULL, "displayName" varchar(100) NOT NULL, "passwordHash" varchar(255) NOT NULL, "roles" text NOT NULL, "departmentId" varchar(36), "active" boolean NOT NULL, "createdAt" datetime NOT NULL, "branchId" varchar(36), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"))`);
    await queryRunner.query(`INSERT INTO "temporary_users"("id", "organizationId", "username", "displayName", "passwordHash", "roles", "departmentId", "active", "createdAt") SELECT "id", "organizationId", "username", "displayName", "passwordHash", "roles", "departmentId", "active", "createdAt" FROM "users"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`ALTER TABLE "temporary_users" RENAME TO "users"`);
    await queryRunner.query(`CREATE INDEX "IDX_f3d6aea8fcca58182b2e80ce97" ON "users" ("organizationId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_f3d6aea8fcca58182b2e80ce97"`);
    await queryRunner.query(`ALTER TABLE "users" RENAME TO "temporary_users"`);
    await queryRunner.query(`CREATE TABLE "users" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "username" varchar(64) NOT NULL, "displayName" varchar(100) NOT NULL, "passwordHash" varchar(255) NOT NULL, "roles" text NOT NULL, "departmentId" varchar(36), "active" boolean NOT NULL, "createdAt" datetime NOT NULL, CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"))`);
    await queryRunner.query(`INSERT INTO "users"("id", "organizationId", "username", "displayName", "passwordHash", "roles", "departmentId", "active", "createdAt") SELECT "id", "organizationId", "username", "displayName", "passwordHash", "roles", "departmentId", "active", "createdAt" FROM "temporary_users"`);
    await queryRunner.query(`DROP TABLE "temporary_users"`);
    await queryRunner.query(`CREATE INDEX "IDX_f3d6aea8fcca58182b2e80ce97" ON "users" ("organizationId") `);
    await queryRunner.query(`DROP INDEX "IDX_8d4c3cf55a590015ceee33241c"`);
    await queryRunner.query(`ALTER TABLE "departments" RENAME TO "temporary_departments"`);
    await queryRunner.query(`CREATE TABLE "departments" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "name" varchar(100) NOT NULL, "kind" varchar(20) NOT NULL, "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "departments"("id", "organizationId", "name", "kind", "createdAt") SELECT "id", "organizationId", "name", "kind", "createdAt" FROM "temporary_departments"`);
    await queryRunner.query(`DROP TABLE "temporary_departments"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_8d4c3cf55a590015ceee33241c" ON "departments" ("organizationId", "name") `);
    await queryRunner.query(`DROP INDEX "IDX_c7e4077c35d8a6aca5bc46ff4e"`);
    await queryRunner.query(`ALTER TABLE "meetings" RENAME TO "temporary_meetings"`);
    await queryRunner.query(`CREATE TABLE "meetings" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "title" varchar(200) NOT NULL, "year" integer NOT NULL, "kind" varchar(30) NOT NULL, "theme" varchar(500), "aspectPreset" varchar(50), "aspects" text NOT NULL, "phase" varchar(20) NOT NULL, "collectUntil" date NOT NULL, "talksUntil" date NOT NULL, "claimUntil" date NOT NULL, "materialsUntil" date NOT NULL, "heldOn" date NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "meetings"("id", "organizationId", "title", "year", "kind", "theme", "aspectPreset", "aspects", "phase", "collectUntil", "talksUntil", "claimUntil", "materialsUntil", "heldOn", "createdAt", "updatedAt") SELECT "id", "organizationId", "title", "year", "kind", "theme", "aspectPreset", "aspects", "phase", "collectUntil", "talksUntil", "claimUntil", "materialsUntil", "heldOn", "createdAt", "updatedAt" FROM "temporary_meetings"`);
    await queryRunner.query(`DROP TABLE "temporary_meetings"`);
    await queryRunner.query(`CREATE INDEX "IDX_c7e4077c35d8a6aca5bc46ff4e" ON "meetings" ("organizationId") `);
    await queryRunner.query(`DROP INDEX "IDX_f658e3aa747c2f41b658966c87"`);
    await queryRunner.query(`DROP INDEX "IDX_7736009024379d035a062bcf4d"`);
    await queryRunner.query(`DROP TABLE "talks"`);
  }
}
