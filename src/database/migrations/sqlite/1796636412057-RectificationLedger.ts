import { MigrationInterface, QueryRunner } from 'typeorm';

export class RectificationLedger1796636412057 implements MigrationInterface {
  name = 'RectificationLedger1796636412057';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "rectifications" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "seq" integer NOT NULL, "problem" text NOT NULL, "ownerUserId" varchar(36) NOT NULL, "dueDate" date NOT NULL, "status" varchar(20) NOT NULL, "itemId" varchar(36), "carriedFromId" varchar(36), "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_b147e9c989042e1a474f1e31fb" ON "rectifications" ("organizationId") `);
    await queryRunner.query(`CREATE INDEX "IDX_8417ba8ad1ebcd972de4d88d9f" ON "rectifications" ("ownerUserId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_bc77f4a7ca748f06b4876eddd2" ON "rectifications" ("meetingId", "carriedFromId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4ffeda140800baf823e3d3ac6d" ON "rectifications" ("meetingId", "itemId") `);
    await queryRunner.query(`CREATE TABLE "rectification_events" ("id" varchar(36) PRIMARY KEY NOT NULL, "entryId" varchar(36) NOT NULL, "kind" varchar(20) NOT NULL, "note" text, "evidence" text, "evidenceFileName" varchar(255), "evidenceFileType" varchar(10), "evidenceFileKey" varchar(64), "actorUserId" varchar(36) NOT NULL, "at" datetime NOT NULL, "seq" integer NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_58d4df01b7c48a3076ed5fbf7c" ON "rectification_events" ("entryId", "seq") `);
    await queryRunner.query(`CREATE TABLE "rectification_measures" ("id" varchar(36) PRIMARY KEY NOT NULL, "entryId" varchar(36) NOT NULL, "text" text NOT NULL, "position" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_392fd3d8d263f25abbb5381e34" ON "rectification_measures" ("entryId", "position") `);
    await queryRunner.query(`DROP INDEX "IDX_d2b38770fe8f54b005e7056d94"`);
    await queryRunner.query(`CREATE TABLE "temporary_opinion_items" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "aspect" varchar(100) NOT NULL, "targetMemberId" varchar(36), "summary" text NOT NULL, "status" varchar(20) NOT NULL, "origin" varchar(20) NOT NULL, "sourceCount" integer NOT NULL, "setAsideReason" varchar(500), "mergedIntoId" varchar(36), "notes" text, "editedAt" datetime, "publishedAt" datetime, "createdAt" datetime NOT NULL, "repeatOfItemId" varchar(36))`);
    await queryRunner.query(`INSERT INTO "temporary_opinion_items"("id", "organizationId", "meetingId", "aspect", "targetMemberId", "summary", "status", "origin", "sourceCount", "setAsideReason", "mergedIntoId", "notes", "editedAt", "publishedAt", "createdAt") SELECT "id", "organizationId", "meetingId", "aspect", "targetMemberId", "summary", "status", "origin", "sourceCount", "setAsideReason", "mergedIntoId", "notes", "editedAt", "publishedAt", "createdAt" FROM "opinion_items"`);
    await queryRunner.query(`DROP TABLE "opinion_items"`);
    await queryRunner.query(`ALTER TABLE "temporary_opinion_items" RENAME TO "opinion_items"`);
    await queryRunner.query(`CREATE INDEX "IDX_d2b38770fe8f54b005e7056d94" ON "opinion_items" ("meetingId", "status", "targetMemberId", "aspect", "sourceCount") `);
    await queryRunner.query(`DROP INDEX "IDX_c7e4077c35d8a6aca5bc46ff4e"`);
    await queryRunner.query(`CREATE TABLE "temporary_meetings" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "title" varchar(200) NOT NULL, "year" integer NOT NULL, "kind" varchar(30) NOT NULL, "theme" varchar(500), "aspectPreset" varchar(50), "aspects" text NOT NULL, "phase" varchar(20) NOT NULL, "collectUntil" date NOT NULL, "talksUntil" date NOT NULL, "claimUntil" date NOT NULL, "materialsUntil" date NOT NULL, "heldOn" date NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "talkRules" text, "talkVisibility" varchar(30) NOT NULL DEFAULT ('participants-and-secretary'), "aspectKeywords" text, "previousMeetingId" varchar(36))`);
    await queryRunner.query(`INSERT INTO "temporary_meetings"("id", "organizationId", "title", "year", "kind", "theme", "aspectPreset", "aspects", "phase", "collectUntil", "talksUntil", "claimUntil", "materialsUntil", "heldOn", "createdAt", "updatedAt", "talkRules", "talkVisibility", "aspectKeywords") SELECT "id", "organizationId", "title", "year", "kind", "theme", "aspectPreset", "aspects", "phase", "collectUntil", "talksUntil", "claimUntil", "materialsUntil", "heldOn", "createdAt", "updatedAt", "talkRules", "talkVisibility", "aspectKeywords" FROM "meetings"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`ALTER TABLE "temporary_meetings" RENAME TO "meetings"`);
    await queryRunner.query(`CREATE INDEX "IDX_c7e4077c35d8a6aca5bc46ff4e" ON "meetings" ("organizationId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_c7e4077c35d8a6aca5bc46ff4e"`);
    await queryRunner.query(`ALTER TABLE "meetings" RENAME TO "temporary_meetings"`);
    await queryRunner.query(`CREATE TABLE "meetings" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "title" varchar(200) NOT NULL, "year" integer NOT NULL, "kind" varchar(30) NOT NULL, "theme" varchar(500), "aspectPreset" varchar(50), "aspects" text NOT NULL, "phase" varchar(20) NOT NULL, "collectUntil" date NOT NULL, "talksUntil" date NOT NULL, "claimUntil" date NOT NULL, "materialsUntil" date NOT NULL, "heldOn" date NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "talkRules" text, "talkVisibility" varchar(30) NOT NULL DEFAULT ('participants-and-secretary'), "aspectKeywords" text)`);
    await queryRunner.query(`INSERT INTO "meetings"("id", "organizationId", "title", "year", "kind", "theme", "aspectPreset", "aspects", "phase", "collectUntil", "talksUntil", "claimUntil", "materialsUntil", "heldOn", "createdAt", "updatedAt", "talkRules", "talkVisibility", "aspectKeywords") SELECT "id", "organizationId", "title", "year", "kind", "theme", "aspectPreset", "aspects", "phase", "collectUntil", "talksUntil", "claimUntil", "materialsUntil", "heldOn", "createdAt", "updatedAt", "talkRules", "talkVisibility", "aspectKeywords" FROM "temporary_meetings"`);
    await queryRunner.query(`DROP TABLE "temporary_meetings"`);
    await queryRunner.query(`CREATE INDEX "IDX_c7e4077c35d8a6aca5bc46ff4e" ON "meetings" ("organizationId") `);
    await queryRunner.query(`DROP INDEX "IDX_d2b38770fe8f54b005e7056d94"`);
    await queryRunner.query(`ALTER TABLE "opinion_items" RENAME TO "temporary_opinion_items"`);
    await queryRunner.query(`CREATE TABLE "opinion_items" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "aspect" varchar(100) NOT NULL, "targetMemberId" varchar(36), "summary" text NOT NULL, "status" varchar(20) NOT NULL, "origin" varchar(20) NOT NULL, "sourceCount" integer NOT NULL, "setAsideReason" varchar(500), "mergedIntoId" varchar(36), "notes" text, "editedAt" datetime, "publishedAt" datetime, "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "opinion_items"("id", "organizationId", "meetingId", "aspect", "targetMemberId", "summary", "status", "origin", "sourceCount", "setAsideReason", "mergedIntoId", "notes", "editedAt", "publishedAt", "createdAt") SELECT "id", "organizationId", "meetingId", "aspect", "targetMemberId", "summary", "status", "origin", "sourceCount", "setAsideReason", "mergedIntoId", "notes", "editedAt", "publishedAt", "createdAt" FROM "temporary_opinion_items"`);
    await queryRunner.query(`DROP TABLE "temporary_opinion_items"`);
    await queryRunner.query(`CREATE INDEX "IDX_d2b38770fe8f54b005e7056d94" ON "opinion_items" ("meetingId", "status", "targetMemberId", "aspect", "sourceCount") `);
    await queryRunner.query(`DROP INDEX "IDX_392fd3d8d263f25abbb5381e34"`);
    await queryRunner.query(`DROP TABLE "rectification_measures"`);
    await queryRunner.query(`DROP INDEX "IDX_58d4df01b7c48a3076ed5fbf7c"`);
    await queryRunner.query(`DROP TABLE "rectification_events"`);
    await queryRunner.query(`DROP INDEX "IDX_4ffeda140800baf823e3d3ac6d"`);
    await queryRunner.query(`DROP INDEX "IDX_bc77f4a7ca748f06b4876eddd2"`);
    await queryRunner.query(`DROP INDEX "IDX_8417ba8ad1ebcd972de4d88d9f"`);
    await queryRunner.query(`DROP INDEX "IDX_b147e9c989042e1a474f1e31fb"`);
    await queryRunner.query(`DROP TABLE "rectifications"`);
  }
}
