import { MigrationInterface, QueryRunner } from 'typeorm';

export class TextEmbeddings1796641068009 implements MigrationInterface {
  name = 'TextEmbeddings1796641068009';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`text_embeddings\` (\`model\` varchar(200) NOT NULL, \`textHash\` varchar(64) NOT NULL, \`dimension\` int NOT NULL, \`vector\` blob NOT NULL, PRIMARY KEY (\`model\`, \`textHash\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`text_embeddings\``);
  }
}
