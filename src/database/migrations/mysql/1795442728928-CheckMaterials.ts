import { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckMaterials1795442728928 implements MigrationInterface {
  name = 'CheckMaterials1795442728928';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`check_materials\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`memberUserId\` varchar(36) NOT NULL, \`status\` varchar(20) NOT NULL, \`reviewComment\` varchar(2000) NULL, \`fileName\` varchar(255) NULL, \`fileType\` varchar(10) NULL, \`fileSize\` int NULL, \`fileKey\` varchar(100) NULL, \`updatedAt\` datetime NOT NULL, UNIQUE INDEX \`IDX_d12b8ce670dbe293435f8bacb9\` (\`meetingId\`, \`memberUserId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`check_material_events\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`materialId\` varchar(36) NOT NULL, \`kind\` varchar(20) NOT NULL, \`fromStatus\` varchar(20) NOT NULL, \`toStatus\` varchar(20) NOT NULL, \`note\` varchar(2000) NULL, \`byUserId\` varchar(36) NOT NULL, \`at\` datetime NOT NULL, \`step\` int NOT NULL, INDEX \`IDX_cbb32313aa5206dd097a15e416\` (\`materialId\`, \`at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_cbb32313aa5206dd097a15e416\` ON \`check_material_events\``);
    await queryRunner.query(`DROP TABLE \`check_material_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_d12b8ce670dbe293435f8bacb9\` ON \`check_materials\``);
    await queryRunner.query(`DROP TABLE \`check_materials\``);
  }
}
