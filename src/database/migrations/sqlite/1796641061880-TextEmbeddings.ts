import { MigrationInterface, QueryRunner } from 'typeorm';

export class TextEmbeddings1796641061880 implements MigrationInterface {
  name = 'TextEmbeddings1796641061880';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "text_embeddings" ("model" varchar(200) NOT NULL, "textHash" varchar(64) NOT NULL, "dimension" integer NOT NULL, "vector" blob NOT NULL, PRIMARY KEY ("model", "textHash"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "text_embeddings"`);
  }
}
