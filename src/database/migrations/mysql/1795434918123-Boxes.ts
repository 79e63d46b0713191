import { MigrationInterface, QueryRunner } from 'typeorm';

export class Boxes1795434918123 implements MigrationInterface {
  name = 'Boxes1795434918123';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`boxes\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`slug\` varchar(32) NOT NULL, \`title\` varchar(200) NOT NULL, \`accessCode\` varchar(50) NULL, \`closesAt\` datetime NULL, \`closedAt\` datetime NULL, \`releaseThreshold\` int NOT NULL, \`createdBy\` varchar(36) NOT NULL, \`createdAt\` datetime NOT NULL, INDEX \`IDX_57e0aa2288a7c55cf3661c712c\` (\`meetingId\`), UNIQUE INDEX \`IDX_de1a8996088c75afe18f8f9a43\` (\`slug\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`raw_opinions\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`channel\` varchar(20) NOT NULL, \`sourceId\` varchar(36) NOT NULL, \`text\` text NOT NULL, \`aspect\` varchar(100) NULL, \`targetMemberId\` varchar(36) NULL, \`receivedOn\` date NOT NULL, \`receiptHash\` varchar(64) NULL, \`pendingAggregation\` tinyint NOT NULL, UNIQUE INDEX \`IDX_ca25854fc485d96c878014074f\` (\`receiptHash\`), INDEX \`IDX_f39db14a33c5f2bd32ffa10a2a\` (\`pendingAggregation\`), INDEX \`IDX_6b51472f5e80309187190914b2\` (\`sourceId\`), INDEX \`IDX_4091fc2c58a9b42c1c7591f829\` (\`meetingId\`, \`channel\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_4091fc2c58a9b42c1c7591f829\` ON \`raw_opinions\``);
    await queryRunner.query(`DROP INDEX \`IDX_6b51472f5e80309187190914b2\` ON \`raw_opinions\``);
    await queryRunner.query(`DROP INDEX \`IDX_f39db14a33c5f2bd32ffa10a2a\` ON \`raw_opinions\``);
    await queryRunner.query(`DROP INDEX \`IDX_ca25854fc485d96c878014074f\` ON \`raw_opinions\``);
    await queryRunner.query(`DROP TABLE \`raw_opinions\``);
    await queryRunner.query(`DROP INDEX \`IDX_de1a8996088c75afe18f8f9a43\` ON \`boxes\``);
    await queryRunner.query(`DROP INDEX \`IDX_57e0aa2288a7c55cf3661c712c\` ON \`boxes\``);
    await queryRunner.query(`DROP TABLE \`boxes\``);
  }
}
