import { MigrationInterface, QueryRunner } from 'typeorm';

export class FormNonces1796606800000 implements MigrationInterface {
  name = 'FormNonces1796606800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`form_nonces\` (\`nonceHash\` varchar(64) NOT NULL, \`day\` date NOT NULL, INDEX \`IDX_c5c0d0f859fc416a4128bb386c\` (\`day\`), PRIMARY KEY (\`nonceHash\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_c5c0d0f859fc416a4128bb386c\` ON \`form_nonces\``);
    await queryRunner.query(`DROP TABLE \`form_nonces\``);
  }
}
