import { MigrationInterface, QueryRunner } from 'typeorm';

/** 对照检查材料 drafts: each saved version of a member's (or the team's) draft, section by section. */
export class MaterialDrafts1796700000400 implements MigrationInterface {
  name = 'MaterialDrafts1796700000400';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`material_drafts\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`memberUserId\` varchar(36) NOT NULL, \`version\` int NOT NULL, \`sections\` text NOT NULL, \`savedBy\` varchar(36) NOT NULL, \`savedAt\` datetime NOT NULL, UNIQUE INDEX \`IDX_3415cf3d622cfaa2f99ac4c841\` (\`meetingId\`, \`memberUserId\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`material_drafts\``);
  }
}
