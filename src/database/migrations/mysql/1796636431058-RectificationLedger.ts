import { MigrationInterface, QueryRunner } from 'typeorm';

export class RectificationLedger1796636431058 implements MigrationInterface {
  name = 'RectificationLedger1796636431058';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`rectifications\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`seq\` int NOT NULL, \`problem\` text NOT NULL, \`ownerUserId\` varchar(36) NOT NULL, \`dueDate\` date NOT NULL, \`status\` varchar(20) NOT NULL, \`itemId\` varchar(36) NULL, \`carriedFromId\` varchar(36) NULL, \`createdAt\` datetime NOT NULL, INDEX \`IDX_b147e9c989042e1a474f1e31fb\` (\`organizationId\`), INDEX \`IDX_8417ba8ad1ebcd972de4d88d9f\` (\`ownerUserId\`), UNIQUE INDEX \`IDX_bc77f4a7ca748f06b4876eddd2\` (\`meetingId\`, \`carriedFromId\`), UNIQUE INDEX \`IDX_4ffeda140800baf823e3d3ac6d\` (\`meetingId\`, \`itemId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`rectification_events\` (\`id\` varchar(36) NOT NULL, \`entryId\` varchar(36) NOT NULL, \`kind\` varchar(20) NOT NULL, \`note\` text NULL, \`evidence\` text NULL, \`evidenceFileName\` varchar(255) NULL, \`evidenceFileType\` varchar(10) NULL, \`evidenceFileKey\` varchar(64) NULL, \`actorUserId\` varchar(36) NOT NULL, \`at\` datetime NOT NULL, \`seq\` int NOT NULL, UNIQUE INDEX \`IDX_58d4df01b7c48a3076ed5fbf7c\` (\`entryId\`, \`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`rectification_measures\` (\`id\` varchar(36) NOT NULL, \`entryId\` varchar(36) NOT NULL, \`text\` text NOT NULL, \`position\` int NOT NULL, INDEX \`IDX_392fd3d8d263f25abbb5381e34\` (\`entryId\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`ALTER TABLE \`opinion_items\` ADD \`repeatOfItemId\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`meetings\` ADD \`previousMeetingId\` varchar(36) NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`meetings\` DROP COLUMN \`previousMeetingId\``);
    await queryRunner.query(`ALTER TABLE \`opinion_items\` DROP COLUMN \`repeatOfItemId\``);
    await queryRunner.query(`DROP INDEX \`IDX_392fd3d8d263f25abbb5381e34\` ON \`rectification_measures\``);
    await queryRunner.query(`DROP TABLE \`rectification_measures\``);
    await queryRunner.query(`DROP INDEX \`IDX_58d4df01b7c48a3076ed5fbf7c\` ON \`rectification_events\``);
    await queryRunner.query(`DROP TABLE \`rectification_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_4ffeda140800baf823e3d3ac6d\` ON \`rectifications\``);
    await queryRunner.query(`DROP INDEX \`IDX_bc77f4a7ca748f06b4876eddd2\` ON \`rectifications\``);
    await queryRunner.query(`DROP INDEX \`IDX_8417ba8ad1ebcd972de4d88d9f\` ON \`rectifications\``);
    await queryRunner.query(`DROP INDEX \`IDX_b147e9c989042e1a474f1e31fb\` ON \`rectifications\``);
    await queryRunner.query(`DROP TABLE \`rectifications\``);
  }
}
