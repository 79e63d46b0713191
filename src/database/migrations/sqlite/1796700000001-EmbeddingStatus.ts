import { MigrationInterface, QueryRunner } from 'typeorm';

export class EmbeddingStatus1796700000001 implements MigrationInterface {
  name = 'EmbeddingStatus1796700000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "embedding_status" ("model" varchar(200) PRIMARY KEY NOT NULL, "lastSuccessAt" datetime, "lastFailureAt" datetime, "lastError" varchar(300))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "embedding_status"`);
  }
}
