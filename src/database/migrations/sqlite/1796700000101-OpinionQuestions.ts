import { MigrationInterface, QueryRunner } from 'typeorm';

/** 追问: organisers' questions on anonymous opinions and the writers' replies, held until a release (no rowid: no order of arrival). */
export class OpinionQuestions1796700000101 implements MigrationInterface {
  name = 'OpinionQuestions1796700000101';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "opinion_questions" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "opinionId" varchar(36) NOT NULL, "askedBy" varchar(36) NOT NULL, "text" text NOT NULL, "askedOn" date NOT NULL, "replyText" text, "replyReleasedOn" date) WITHOUT ROWID`);
    await queryRunner.query(`CREATE INDEX "IDX_fe85015bd5cd9c83895908bc25" ON "opinion_questions" ("opinionId") `);
    await queryRunner.query(`CREATE INDEX "IDX_3cbbb65c8561d10bd77ca7d850" ON "opinion_questions" ("replyReleasedOn", "organizationId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_3cbbb65c8561d10bd77ca7d850"`);
    await queryRunner.query(`DROP INDEX "IDX_fe85015bd5cd9c83895908bc25"`);
    await queryRunner.query(`DROP TABLE "opinion_questions"`);
  }
}
