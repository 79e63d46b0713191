import { MigrationInterface, QueryRunner } from 'typeorm';

/** 发言提纲 beside 对照检查材料: a material's kind, one of each kind per member and meeting. */
export class MaterialKinds1796700000200 implements MigrationInterface {
  name = 'MaterialKinds1796700000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`check_materials\` ADD \`kind\` varchar(20) NOT NULL DEFAULT 'check'`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_dbaa850fa4bdbe26020c84a01d\` ON \`check_materials\` (\`meetingId\`, \`memberUserId\`, \`kind\`)`);
    await queryRunner.query(`DROP INDEX \`IDX_d12b8ce670dbe293435f8bacb9\` ON \`check_materials\``);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM \`check_material_events\` WHERE \`materialId\` IN (SELECT \`id\` FROM \`check_materials\` WHERE \`kind\` <> 'check')`);
    await queryRunner.query(`DELETE FROM \`check_materials\` WHERE \`kind\` <> 'check'`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_d12b8ce670dbe293435f8bacb9\` ON \`check_materials\` (\`meetingId\`, \`memberUserId\`)`);
    await queryRunner.query(`DROP INDEX \`IDX_dbaa850fa4bdbe26020c84a01d\` ON \`check_materials\``);
    await queryRunner.query(`ALTER TABLE \`check_materials\` DROP COLUMN \`kind\``);
  }
}
