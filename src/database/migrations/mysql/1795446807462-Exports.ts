import { MigrationInterface, QueryRunner } from 'typeorm';

export class Exports1795446807462 implements MigrationInterface {
  name = 'Exports1795446807462';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`export_jobs\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`requestedBy\` varchar(36) NOT NULL, \`what\` varchar(20) NOT NULL, \`format\` varchar(10) NOT NULL, \`status\` varchar(10) NOT NULL, \`fileKey\` varchar(100) NULL, \`fileName\` varchar(200) NULL, \`error\` varchar(500) NULL, \`createdAt\` datetime NOT NULL, \`finishedAt\` datetime NULL, INDEX \`IDX_3b6aa9ca07be1b4f53b75bf467\` (\`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_3b6aa9ca07be1b4f53b75bf467\` ON \`export_jobs\``);
    await queryRunner.query(`DROP TABLE \`export_jobs\``);
  }
}
