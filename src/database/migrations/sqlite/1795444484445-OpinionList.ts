import { MigrationInterface, QueryRunner } from 'typeorm';

export class OpinionList1795444484445 implements MigrationInterface {
  name = 'OpinionList1795444484445';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "item_claims" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "itemId" varchar(36) NOT NULL, "memberUserId" varchar(36) NOT NULL, "kind" varchar(10) NOT NULL, "leadOf" varchar(36), "reflection" text, "measures" text, "dueDate" date, "answeredAt" datetime, "assignedBy" varchar(36), "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_562608d378fdefce2a24c5c374" ON "item_claims" ("leadOf") `);
    await queryRunner.query(`CREATE INDEX "IDX_4dd61cf9f91e27228226d8c3a6" ON "item_claims" ("meetingId", "memberUserId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_de454167f16284deed54bf970f" ON "item_claims" ("itemId", "memberUserId") `);
    await queryRunner.query(`CREATE TABLE "item_merges" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "fromItemId" varchar(36) NOT NULL, "intoItemId" varchar(36) NOT NULL, "opinionIds" text NOT NULL, "fromStatus" varchar(20) NOT NULL, "mergedBy" varchar(36) NOT NULL, "mergedAt" datetime NOT NULL, "undoneAt" datetime)`);
    await queryRunner.query(`CREATE TABLE "opinion_items" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "aspect" varchar(100) NOT NULL, "targetMemberId" varchar(36), "summary" text NOT NULL, "status" varchar(20) NOT NULL, "origin" varchar(20) NOT NULL, "sourceCount" integer NOT NULL, "setAsideReason" varchar(500), "mergedIntoId" varchar(36), "notes" text, "editedAt" datetime, "publishedAt" datetime, "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_62596b9381a0e54f88697a9497" ON "opinion_items" ("meetingId", "status") `);
    await queryRunner.query(`DROP INDEX "IDX_c7e4077c35d8a6aca5bc46ff4e"`);
    await queryRunner.query(`CREATE TABLE "temporary_meetings" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "title" varchar(200) NOT NULL, "year" integer NOT NULL, "kind" varchar(30) NOT NULL, "theme" varchar(500), "aspectPreset" varchar(50), "aspects" text NOT NULL, "phase" varchar(20) NOT NULL, "collectUntil" date NOT NULL, "talksUntil" date NOT NULL, "claimUntil" date NOT NULL, "materialsUntil" date NOT NULL, "heldOn" date NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "talkRules" text, "talkVisibility" varchar(30) NOT NULL DEFAULT ('participants-and-secretary'), "aspectKeywords" text)`);
    await queryRunner.query(`INSERT INTO "temporary_meetings"("id", "organizationId", "title", "year", "kind", "theme", "aspectPreset", "aspects", "phase", "collectUntil", "talksUntil", "claimUntil", "materialsUntil", "heldOn", "createdAt", "updatedAt", "talkRules", "talkVisibility") SELECT "id", "organizationId", "title", "year", "kind", "theme", "aspectPreset", "aspects", "phase", "collectUntil", "talksUntil", "claimUntil", "materialsUntil", "heldOn", "createdAt", "updatedAt", "talkRules", "talkVisibility" FROM "meetings"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`ALTER TABLE "temporary_meetings" RENAME TO "meetings"`);
    await queryRunner.query(`CREATE INDEX "IDX_c7e4077c35d8a6aca5bc46ff4e" ON "meetings" ("organizationId") `);
    await queryRunner.query(`DROP INDEX "IDX_4091fc2c58a9b42c1c7591f829"`);
    await queryRunner.query(`DROP INDEX "IDX_6b51472f5e80309187190914b2"`);
    await queryRunner.query(`DROP INDEX "IDX_f39db14a33c5f2bd32ffa10a2a"`);
    await queryRunner.query(`DROP INDEX "IDX_ca25854fc485d96c878014074f"`);
    await queryRunner.query(`CREATE TABLE "temporary_raw_opinions" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "channel" varchar(20) NOT NULL, "sourceId" varchar(36) NOT NULL, "text" text NOT NULL, "aspect" varchar(100), "targetMemberId" varchar(36), "receivedOn" date NOT NULL, "receiptHash" varchar(64), "pendingAggregation" boolean NOT NULL, "itemId" varchar(36)) WITHOUT ROWID`);
    await queryRunner.query(`INSERT INTO "temporary_raw_opinions"("id", "organizationId", "meetingId", "channel", "sourceId", "text", "aspect", "targetMemberId", "receivedOn", "receiptHash", "pendingAggregation") SELECT "id", "organizationId", "meetingId", "channel", "sourceId", "text", "aspect", "targetMemberId", "receivedOn", "receiptHash", "pendingAggregation" FROM "raw_opinions"`);
    await queryRunner.query(`DROP TABLE "raw_opinions"`);
    await queryRunner.query(`ALTER TABLE "temporary_raw_opinions" RENAME TO "raw_opinions"`);
    await queryRunner.query(`CREATE INDEX "IDX_4091fc2c58a9b42c1c7591f829" ON "raw_opinions" ("meetingId", "channel") `);
    await queryRunner.query(`CREATE INDEX "IDX_6b51472f5e80309187190914b2" ON "raw_opinions" ("sourceId") `);
    await queryRunner.query(`CREATE INDEX "IDX_f39db14a33c5f2bd32ffa10a2a" ON "raw_opinions" ("pendingAggregation") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ca25854fc485d96c878014074f" ON "raw_opinions" ("receiptHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_59b45bdf3d0883c675a02d42f7" ON "raw_opinions" ("itemId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_59b45bdf3d0883c675a02d42f7"`);
    await queryRunner.query(`DROP INDEX "IDX_ca25854fc485d96c878014074f"`);
    await queryRunner.query(`DROP INDEX "IDX_f39db14a33c5f2bd32ffa10a2a"`);
    await queryRunner.query(`DROP INDEX "IDX_6b51472f5e80309187190914b2"`);
    await queryRunner.query(`DROP INDEX "IDX_4091fc2c58a9b42c1c7591f829"`);
    await queryRunner.query(`ALTER TABLE "raw_opinions" RENAME TO "temporary_raw_opinions"`);
    await queryRunner.query(`CREATE TABLE "raw_opinions" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "channel" varchar(20) NOT NULL, "sourceId" varchar(36) NOT NULL, "text" text NOT NULL, "aspect" varchar(100), "targetMemberId" varchar(36), "receivedOn" date NOT NULL, "receiptHash" varchar(64), "pendingAggregation" boolean NOT NULL) WITHOUT ROWID`);
    await queryRunner.query(`INSERT INTO "raw_opinions"("id", "organizationId", "meetingId", "channel", "sourceId", "text", "aspect", "targetMemberId", "receivedOn", "receiptHash", "pendingAggregation") SELECT "id", "organizationId", "meetingId", "channel", "sourceId", "text", "aspect", "targetMemberId", "receivedOn", "receiptHash", "pendingAggregation" FROM "temporary_raw_opinions"`);
    await queryRunner.query(`DROP TABLE "temporary_raw_opinions"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ca25854fc485d96c878014074f" ON "raw_opinions" ("receiptHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_f39db14a33c5f2bd32ffa10a2a" ON "raw_opinions" ("pendingAggregation") `);
    await queryRunner.query(`CREATE INDEX "IDX_6b51472f5e80309187190914b2" ON "raw_opinions" ("sourceId") `);
    await queryRunner.query(`CREATE INDEX "IDX_4091fc2c58a9b42c1c7591f829" ON "raw_opinions" ("meetingId", "channel") `);
    await queryRunner.query(`DROP INDEX "IDX_c7e4077c35d8a6aca5bc46ff4e"`);
    await queryRunner.query(`ALTER TABLE "meetings" RENAME TO "temporary_meetings"`);
    await queryRunner.query(`CREATE TABLE "meetings" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "title" varchar(200) NOT NULL, "year" integer NOT NULL, "kind" varchar(30) NOT NULL, "theme" varchar(500), "aspectPreset" varchar(50), "aspects" text NOT NULL, "phase" varchar(20) NOT NULL, "collectUntil" date NOT NULL, "talksUntil" date NOT NULL, "claimUntil" date NOT NULL, "materialsUntil" date NOT NULL, "heldOn" date NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "talkRules" text, "talkVisibility" varchar(30) NOT NULL DEFAULT ('participants-and-secretary'))`);
    await queryRunner.query(`INSERT INTO "meetings"("id", "organizationId", "title", "year", "kind", "theme", "aspectPreset", "aspects", "phase", "collectUntil", "talksUntil", "claimUntil", "materialsUntil", "heldOn", "createdAt", "updatedAt", "talkRules", "talkVisibility") SELECT "id", "organizationId", "title", "year", "kind", "theme", "aspectPreset", "aspects", "phase", "collectUntil", "talksUntil", "claimUntil", "materialsUntil", "heldOn", "createdAt", "updatedAt", "talkRules", "talkVisibility" FROM "temporary_meetings"`);
    await queryRunner.query(`DROP TABLE "temporary_meetings"`);
    await queryRunner.query(`CREATE INDEX "IDX_c7e4077c35d8a6aca5bc46ff4e" ON "meetings" ("organizationId") `);
    await queryRunner.query(`DROP INDEX "IDX_62596b9381a0e54f88697a9497"`);
    await queryRunner.query(`DROP TABLE "opinion_items"`);
    await queryRunner.query(`DROP TABLE "item_merges"`);
    await queryRunner.query(`DROP INDEX "IDX_de454167f16284deed54bf970f"`);
    await queryRunner.query(`DROP INDEX "IDX_4dd61cf9f91e27228226d8c3a6"`);
    await queryRunner.query(`DROP INDEX "IDX_562608d378fdefce2a24c5c374"`);
    await queryRunner.query(`DROP TABLE "item_claims"`);
  }
}
