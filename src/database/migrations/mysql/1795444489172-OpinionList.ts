import { MigrationInterface, QueryRunner } from 'typeorm';

export class OpinionList1795444489172 implements MigrationInterface {
  name = 'OpinionList1795444489172';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`item_claims\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`itemId\` varchar(36) NOT NULL, \`memberUserId\` varchar(36) NOT NULL, \`kind\` varchar(10) NOT NULL, \`leadOf\` varchar(36) NULL, \`reflection\` text NULL, \`measures\` text NULL, \`dueDate\` date NULL, \`answeredAt\` datetime NULL, \`assignedBy\` varchar(36) NULL, \`createdAt\` datetime NOT NULL, UNIQUE INDEX \`IDX_562608d378fdefce2a24c5c374\` (\`leadOf\`), INDEX \`IDX_4dd61cf9f91e27228226d8c3a6\` (\`meetingId\`, \`memberUserId\`), UNIQUE INDEX \`IDX_de454167f16284deed54bf970f\` (\`itemId\`, \`memberUserId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`item_merges\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`fromItemId\` varchar(36) NOT NULL, \`intoItemId\` varchar(36) NOT NULL, \`opinionIds\` text NOT NULL, \`fromStatus\` varchar(20) NOT NULL, \`mergedBy\` varchar(36) NOT NULL, \`mergedAt\` datetime NOT NULL, \`undoneAt\` datetime NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`opinion_items\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`aspect\` varchar(100) NOT NULL, \`targetMemberId\` varchar(36) NULL, \`summary\` text NOT NULL, \`status\` varchar(20) NOT NULL, \`origin\` varchar(20) NOT NULL, \`sourceCount\` int NOT NULL, \`setAsideReason\` varchar(500) NULL, \`mergedIntoId\` varchar(36) NULL, \`notes\` text NULL, \`editedAt\` datetime NULL, \`publishedAt\` datetime NULL, \`createdAt\` datetime NOT NULL, INDEX \`IDX_62596b9381a0e54f88697a9497\` (\`meetingId\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`ALTER TABLE \`meetings\` ADD \`aspectKeywords\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`raw_opinions\` ADD \`itemId\` varchar(36) NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_59b45bdf3d0883c675a02d42f7\` ON \`raw_opinions\` (\`itemId\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_59b45bdf3d0883c675a02d42f7\` ON \`raw_opinions\``);
    await queryRunner.query(`ALTER TABLE \`raw_opinions\` DROP COLUMN \`itemId\``);
    await queryRunner.query(`ALTER TABLE \`meetings\` DROP COLUMN \`aspectKeywords\``);
    await queryRunner.query(`DROP INDEX \`IDX_62596b9381a0e54f88697a9497\` ON \`opinion_items\``);
    await queryRunner.query(`DROP TABLE \`opinion_items\``);
    await queryRunner.query(`DROP TABLE \`item_merges\``);
    await queryRunner.query(`DROP INDEX \`IDX_de454167f16284deed54bf970f\` ON \`item_claims\``);
    await queryRunner.query(`DROP INDEX \`IDX_4dd61cf9f91e27228226d8c3a6\` ON \`item_claims\``);
    await queryRunner.query(`DROP INDEX \`IDX_562608d378fdefce2a24c5c374\` ON \`item_claims\``);
    await queryRunner.query(`DROP TABLE \`item_claims\``);
  }
}
