import { MigrationInterface, QueryRunner } from 'typeorm';

export class EmbeddingStatus1796700000000 implements MigrationInterface {
  name = 'EmbeddingStatus1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`embedding_status\` (\`model\` varchar(200) NOT NULL, \`lastSuccessAt\` datetime NULL, \`lastFailureAt\` datetime NULL, \`lastError\` varchar(300) NULL, PRIMARY KEY (\`model\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`embedding_status\``);
  }
}
