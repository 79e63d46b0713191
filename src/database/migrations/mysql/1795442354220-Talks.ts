import { MigrationInterface, QueryRunner } from 'typeorm';

export class Talks1795442354220 implements MigrationInterface {
  name = 'Talks1795442354220';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`talks\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`loggedBy\` varchar(36) NOT NULL, \`counterpartUserId\` varchar(36) NULL, \`counterpartName\` varchar(50) NULL, \`heldOn\` date NOT NULL, \`place\` varchar(200) NULL, \`summary\` text NOT NULL, \`status\` varchar(30) NOT NULL, \`correctionComment\` varchar(1000) NULL, \`opinionCount\` int NOT NULL, \`loggedAt\` datetime NOT NULL, \`confirmedAt\` datetime NULL, INDEX \`IDX_7736009024379d035a062bcf4d\` (\`counterpartUserId\`), INDEX \`IDX_f658e3aa747c2f41b658966c87\` (\`meetingId\`, \`loggedBy\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`ALTER TABLE \`meetings\` ADD \`talkRules\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`meetings\` ADD \`talkVisibility\` varchar(30) NOT NULL DEFAULT 'participants-and-secretary'`);
    await queryRunner.query(`ALTER TABLE \`departments\` ADD \`headUserId\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`departments\` ADD \`headName\` varchar(50) NULL`);
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`branchId\` varchar(36) NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`branchId\``);
    await queryRunner.query(`ALTER TABLE \`departments\` DROP COLUMN \`headName\``);
    await queryRunner.query(`ALTER TABLE \`departments\` DROP COLUMN \`headUserId\``);
    await queryRunner.query(`ALTER TABLE \`meetings\` DROP COLUMN \`talkVisibility\``);
    await queryRunner.query(`ALTER TABLE \`meetings\` DROP COLUMN \`talkRules\``);
    await queryRunner.query(`DROP INDEX \`IDX_f658e3aa747c2f41b658966c87\` ON \`talks\``);
    await queryRunner.query(`DROP INDEX \`IDX_7736009024379d035a062bcf4d\` ON \`talks\``);
    await queryRunner.query(`DROP TABLE \`talks\``);
  }
}
