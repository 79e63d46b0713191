import { MigrationInterface, QueryRunner } from 'typeorm';

export class Boxes1795434916504 implements MigrationInterface {
  name = 'Boxes1795434916504';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "boxes" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "slug" varchar(32) NOT NULL, "title" varchar(200) NOT NULL, "accessCode" varchar(50), "closesAt" datetime, "closedAt" datetime, "releaseThreshold" integer NOT NULL, "createdBy" varchar(36) NOT NULL, "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_57e0aa2288a7c55cf3661c712c" ON "boxes" ("meetingId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_de1a8996088c75afe18f8f9a43" ON "boxes" ("slug") `);
    await queryRunner.query(`CREATE TABLE "raw_opinions" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "channel" varchar(20) NOT NULL, "sourceId" varchar(36) NOT NULL, "text" text NOT NULL, "aspect" varchar(100), "targetMemberId" varchar(36), "receivedOn" date NOT NULL, "receiptHash" varchar(64), "pendingAggregation" boolean NOT NULL) WITHOUT ROWID`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ca25854fc485d96c878014074f" ON "raw_opinions" ("receiptHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_f39db14a33c5f2bd32ffa10a2a" ON "raw_opinions" ("pendingAggregation") `);
    await queryRunner.query(`CREATE INDEX "IDX_6b51472f5e80309187190914b2" ON "raw_opinions" ("sourceId") `);
    await queryRunner.query(`CREATE INDEX "IDX_4091fc2c58a9b42c1c7591f829" ON "raw_opinions" ("meetingId", "channel") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_4091fc2c58a9b42c1c7591f829"`);
    await queryRunner.query(`DROP INDEX "IDX_6b51472f5e80309187190914b2"`);
    await queryRunner.query(`DROP INDEX "IDX_f39db14a33c5f2bd32ffa10a2a"`);
    await queryRunner.query(`DROP INDEX "IDX_ca25854fc485d96c878014074f"`);
    await queryRunner.query(`DROP TABLE "raw_opinions"`);
    await queryRunner.query(`DROP INDEX "IDX_de1a8996088c75afe18f8f9a43"`);
    await queryRunner.query(`DROP INDEX "IDX_57e0aa2288a7c55cf3661c712c"`);
    await queryRunner.query(`DROP TABLE "boxes"`);
  }
}
