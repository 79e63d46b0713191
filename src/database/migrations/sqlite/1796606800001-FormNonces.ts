import { MigrationInterface, QueryRunner } from 'typeorm';

export class FormNonces1796606800001 implements MigrationInterface {
  name = 'FormNonces1796606800001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "form_nonces" ("nonceHash" varchar(64) PRIMARY KEY NOT NULL, "day" date NOT NULL) WITHOUT ROWID`);
    await queryRunner.query(`CREATE INDEX "IDX_c5c0d0f859fc416a4128bb386c" ON "form_nonces" ("day") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_c5c0d0f859fc416a4128bb386c"`);
    await queryRunner.query(`DROP TABLE "form_nonces"`);
  }
}
