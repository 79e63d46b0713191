import { MigrationInterface, QueryRunner } from 'typeorm';

export class Surveys1795441567722 implements MigrationInterface {
  name = 'Surveys1795441567722';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "survey_responses" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "surveyId" varchar(36) NOT NULL, "departmentId" varchar(36), "tokenId" varchar(36), "answers" text NOT NULL, "receivedOn" date NOT NULL) WITHOUT ROWID`);
    await queryRunner.query(`CREATE INDEX "IDX_f6ecafe37ef1d881069ccb0124" ON "survey_responses" ("surveyId", "departmentId") `);
    await queryRunner.query(`CREATE TABLE "survey_tokens" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "surveyId" varchar(36) NOT NULL, "tokenHash" varchar(64) NOT NULL, "departmentId" varchar(36), "used" boolean NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4edd9ffa0f5ab81617bb6a6fd2" ON "survey_tokens" ("tokenHash") `);
    await queryRunner.query(`CREATE INDEX "IDX_8d09793fd3d7a75a01e0e2c9ed" ON "survey_tokens" ("surveyId", "departmentId") `);
    await queryRunner.query(`CREATE TABLE "surveys" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "title" varchar(200) NOT NULL, "anonymous" boolean NOT NULL, "questions" text NOT NULL, "closedAt" datetime, "createdBy" varchar(36) NOT NULL, "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_c65fb4726f140ec11c69203170" ON "surveys" ("meetingId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_c65fb4726f140ec11c69203170"`);
    await queryRunner.query(`DROP TABLE "surveys"`);
    await queryRunner.query(`DROP INDEX "IDX_8d09793fd3d7a75a01e0e2c9ed"`);
    await queryRunner.query(`DROP INDEX "IDX_4edd9ffa0f5ab81617bb6a6fd2"`);
    await queryRunner.query(`DROP TABLE "survey_tokens"`);
    await queryRunner.query(`DROP INDEX "IDX_f6ecafe37ef1d881069ccb0124"`);
    await queryRunner.query(`DROP TABLE "survey_responses"`);
  }
}
