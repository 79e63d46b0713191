import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnonymousRelease1796606740243 implements MigrationInterface {
  name = 'AnonymousRelease1796606740243';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_f5975e3c7e3f22bd6840d43cee"`);
    await queryRunner.query(`DROP INDEX "IDX_6b51472f5e80309187190914b2"`);
    await queryRunner.query(`DROP INDEX "IDX_f6ecafe37ef1d881069ccb0124"`);
    await queryRunner.query(`CREATE TABLE "release_slots" ("slot" varchar(20) PRIMARY KEY NOT NULL)`);
    await queryRunner.query(`DROP INDEX "IDX_59b45bdf3d0883c675a02d42f7"`);
    await queryRunner.query(`DROP INDEX "IDX_ca25854fc485d96c878014074f"`);
    await queryRunner.query(`DROP INDEX "IDX_f39db14a33c5f2bd32ffa10a2a"`);
    await queryRunner.query(`CREATE TABLE "temporary_raw_opinions" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "channel" varchar(20) NOT NULL, "sourceId" varchar(36) NOT NULL, "text" text NOT NULL, "aspect" varchar(100), "targetMemberId" varchar(36), "receivedOn" date NOT NULL, "receiptHash" varchar(64), "pendingAggregation" boolean NOT NULL, "itemId" varchar(36), "held" boolean NOT NULL) WITHOUT ROWID`);
    await queryRunner.query(`INSERT INTO "temporary_raw_opinions"("id", "organizationId", "meetingId", "channel", "sourceId", "text", "aspect", "targetMemberId", "receivedOn", "receiptHash", "pendingAggregation", "itemId", "held") SELECT "id", "organizationId", "meetingId", "channel", "sourceId", "text", "aspect", "targetMemberId", "receivedOn", "receiptHash", "pendingAggregation", "itemId", 0 FROM "raw_opinions"`);
    await queryRunner.query(`DROP TABLE "raw_opinions"`);
    await queryRunner.query(`ALTER TABLE "temporary_raw_opinions" RENAME TO "raw_opinions"`);
    await queryRunner.query(`CREATE INDEX "IDX_59b45bdf3d0883c675a02d42f7" ON "raw_opinions" ("itemId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ca25854fc485d96c878014074f" ON "raw_opinions" ("receiptHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_f39db14a33c5f2bd32ffa10a2a" ON "raw_opinions" ("pendingAggregation") `);
    await queryRunner.query(`CREATE TABLE "temporary_survey_responses" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "surveyId" varchar(36) NOT NULL, "departmentId" varchar(36), "tokenId" varchar(36), "answers" text NOT NULL, "receivedOn" date NOT NULL, "held" boolean NOT NULL) WITHOUT ROWID`);
    await queryRunner.query(`INSERT INTO "temporary_survey_responses"("id", "organizationId", "surveyId", "departmentId", "tokenId", "answers", "receivedOn", "held") SELECT "id", "organizationId", "surveyId", "departmentId", "tokenId", "answers", "receivedOn", 0 FROM "survey_responses"`);
    await queryRunner.query(`DROP TABLE "survey_responses"`);
    await queryRunner.query(`ALTER TABLE "temporary_survey_responses" RENAME TO "survey_responses"`);
    await queryRunner.query(`CREATE INDEX "IDX_dbf3cd68c5f88e9b5b7ee07610" ON "raw_opinions" ("sourceId", "held") `);
    await queryRunner.query(`CREATE INDEX "IDX_7072f761ed7d3840bd9125563c" ON "raw_opinions" ("meetingId", "held", "channel", "sourceId", "receivedOn", "pendingAggregation") `);
    await queryRunner.query(`CREATE INDEX "IDX_5e01ae86310682453c6fad3759" ON "survey_responses" ("surveyId", "held", "departmentId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_5e01ae86310682453c6fad3759"`);
    await queryRunner.query(`DROP INDEX "IDX_7072f761ed7d3840bd9125563c"`);
    await queryRunner.query(`DROP INDEX "IDX_dbf3cd68c5f88e9b5b7ee07610"`);
    await queryRunner.query(`ALTER TABLE "survey_responses" RENAME TO "temporary_survey_responses"`);
    await queryRunner.query(`CREATE TABLE "survey_responses" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "surveyId" varchar(36) NOT NULL, "departmentId" varchar(36), "tokenId" varchar(36), "answers" text NOT NULL, "receivedOn" date NOT NULL) WITHOUT ROWID`);
    await queryRunner.query(`INSERT INTO "survey_responses"("id", "organizationId", "surveyId", "departmentId", "tokenId", "answers", "receivedOn") SELECT "id", "organizationId", "surveyId", "departmentId", "tokenId", "answers", "receivedOn" FROM "temporary_survey_responses"`);
    await queryRunner.query(`DROP TABLE "temporary_survey_responses"`);
    await queryRunner.query(`DROP INDEX "IDX_f39db14a33c5f2bd32ffa10a2a"`);
    await queryRunner.query(`DROP INDEX "IDX_ca25854fc485d96c878014074f"`);
    await queryRunner.query(`DROP INDEX "IDX_59b45bdf3d0883c675a02d42f7"`);
    await queryRunner.query(`ALTER TABLE "raw_opinions" RENAME TO "temporary_raw_opinions"`);
    await queryRunner.query(`CREATE TABLE "raw_opinions" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "channel" varchar(20) NOT NULL, "sourceId" varchar(36) NOT NULL, "text" text NOT NULL, "aspect" varchar(100), "targetMemberId" varchar(36), "receivedOn" date NOT NULL, "receiptHash" varchar(64), "pendingAggregation" boolean NOT NULL, "itemId" varchar(36)) WITHOUT ROWID`);
    await queryRunner.query(`INSERT INTO "raw_opinions"("id", "organizationId", "meetingId", "channel", "sourceId", "text", "aspect", "targetMemberId", "receivedOn", "receiptHash", "pendingAggregation", "itemId") SELECT "id", "organizationId", "meetingId", "channel", "sourceId", "text", "aspect", "targetMemberId", "receivedOn", "receiptHash", "pendingAggregation", "itemId" FROM "temporary_raw_opinions"`);
    await queryRunner.query(`DROP TABLE "temporary_raw_opinions"`);
    await queryRunner.query(`CREATE INDEX "IDX_f39db14a33c5f2bd32ffa10a2a" ON "raw_opinions" ("pendingAggregation") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ca25854fc485d96c878014074f" ON "raw_opinions" ("receiptHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_59b45bdf3d0883c675a02d42f7" ON "raw_opinions" ("itemId") `);
    await queryRunner.query(`DROP TABLE "release_slots"`);
    await queryRunner.query(`CREATE INDEX "IDX_f6ecafe37ef1d881069ccb0124" ON "survey_responses" ("surveyId", "departmentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_6b51472f5e80309187190914b2" ON "raw_opinions" ("sourceId") `);
    await queryRunner.query(`CREATE INDEX "IDX_f5975e3c7e3f22bd6840d43cee" ON "raw_opinions" ("meetingId", "channel", "sourceId", "receivedOn", "pendingAggregation") `);
  }
}
