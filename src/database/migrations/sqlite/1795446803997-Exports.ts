import { MigrationInterface, QueryRunner } from 'typeorm';

export class Exports1795446803997 implements MigrationInterface {
  name = 'Exports1795446803997';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "export_jobs" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "requestedBy" varchar(36) NOT NULL, "what" varchar(20) NOT NULL, "format" varchar(10) NOT NULL, "status" varchar(10) NOT NULL, "fileKey" varchar(100), "fileName" varchar(200), "error" varchar(500), "createdAt" datetime NOT NULL, "finishedAt" datetime)`);
    await queryRunner.query(`CREATE INDEX "IDX_3b6aa9ca07be1b4f53b75bf467" ON "export_jobs" ("status") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_3b6aa9ca07be1b4f53b75bf467"`);
    await queryRunner.query(`DROP TABLE "export_jobs"`);
  }
}
