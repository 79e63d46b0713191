import { MigrationInterface, QueryRunner } from 'typeorm';

export class ItemDistinctions1795456323858 implements MigrationInterface {
  name = 'ItemDistinctions1795456323858';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`item_distinctions\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`itemId\` varchar(36) NOT NULL, \`otherItemId\` varchar(36) NOT NULL, \`decidedBy\` varchar(36) NOT NULL, \`decidedAt\` datetime NOT NULL, INDEX \`IDX_10baf133939f3bb71f921bb95e\` (\`meetingId\`), UNIQUE INDEX \`IDX_d15f1d1b666a12947581074ec4\` (\`itemId\`, \`otherItemId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_d15f1d1b666a12947581074ec4\` ON \`item_distinctions\``);
    await queryRunner.query(`DROP INDEX \`IDX_10baf133939f3bb71f921bb95e\` ON \`item_distinctions\``);
    await queryRunner.query(`DROP TABLE \`item_distinctions\``);
  }
}
