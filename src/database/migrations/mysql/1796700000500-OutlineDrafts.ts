import { MigrationInterface, QueryRunner } from 'typeorm';

/** Drafts of the 发言提纲 beside those of the 对照检查材料: a draft's kind, its versions counted per kind. */
export class OutlineDrafts1796700000500 implements MigrationInterface {
  name = 'OutlineDrafts1796700000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`material_drafts\` ADD \`kind\` varchar(20) NOT NULL DEFAULT 'check'`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_material_drafts_version\` ON \`material_drafts\` (\`meetingId\`, \`memberUserId\`, \`kind\`, \`version\`)`);
    await queryRunner.query(`DROP INDEX \`IDX_3415cf3d622cfaa2f99ac4c841\` ON \`material_drafts\``);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM \`material_drafts\` WHERE \`kind\` <> 'check'`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_3415cf3d622cfaa2f99ac4c841\` ON \`material_drafts\` (\`meetingId\`, \`memberUserId\`, \`version\`)`);
    await queryRunner.query(`DROP INDEX \`IDX_material_drafts_version\` ON \`material_drafts\``);
    await queryRunner.query(`ALTER TABLE \`material_drafts\` DROP COLUMN \`kind\``);
  }
}
