import { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionVersions1796619355417 implements MigrationInterface {
  name = 'SessionVersions1796619355417';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`tokenVersion\` int NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`tokenVersion\``);
  }
}
