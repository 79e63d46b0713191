import { MigrationInterface, QueryRunner } from 'typeorm';

export class SupervisionGroups1796700000300 implements MigrationInterface {
  name = 'SupervisionGroups1796700000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`organizations\` ADD \`parentId\` varchar(36) NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_organizations_parentId\` ON \`organizations\` (\`parentId\`)`);
    await queryRunner.query(`CREATE TABLE \`supervision_groups\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`name\` varchar(100) NOT NULL, \`memberUserIds\` text NOT NULL, \`unitIds\` text NOT NULL, \`createdAt\` datetime NOT NULL, UNIQUE INDEX \`IDX_supervision_groups_org_name\` (\`organizationId\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`supervision_groups\``);
    await queryRunner.query(`DROP INDEX \`IDX_organizations_parentId\` ON \`organizations\``);
    await queryRunner.query(`ALTER TABLE \`organizations\` DROP COLUMN \`parentId\``);
  }
}
