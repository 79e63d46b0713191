import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordedOpinions1795439273719 implements MigrationInterface {
  name = 'RecordedOpinions1795439273719';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "symposiums" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "heldOn" date NOT NULL, "audience" varchar(100) NOT NULL, "attendeeCount" integer NOT NULL, "opinionCount" integer NOT NULL, "recordedBy" varchar(36) NOT NULL, "recordedAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_9440c9fec65e95e4b41b8b5a47" ON "symposiums" ("meetingId") `);
    await queryRunner.query(`CREATE TABLE "written_solicitations" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "fromBody" varchar(200) NOT NULL, "receivedOn" date NOT NULL, "opinionCount" integer NOT NULL, "recordedBy" varchar(36) NOT NULL, "recordedAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_c367ff352c07d8c5c699a18c70" ON "written_solicitations" ("meetingId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_c367ff352c07d8c5c699a18c70"`);
    await queryRunner.query(`DROP TABLE "written_solicitations"`);
    await queryRunner.query(`DROP INDEX "IDX_9440c9fec65e95e4b41b8b5a47"`);
    await queryRunner.query(`DROP TABLE "symposiums"`);
  }
}
