import { MigrationInterface, QueryRunner } from 'typeorm';

export class Surveys1795441571761 implements MigrationInterface {
  name = 'Surveys1795441571761';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`survey_responses\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`surveyId\` varchar(36) NOT NULL, \`departmentId\` varchar(36) NULL, \`tokenId\` varchar(36) NULL, \`answers\` text NOT NULL, \`receivedOn\` date NOT NULL, INDEX \`IDX_f6ecafe37ef1d881069ccb0124\` (\`surveyId\`, \`departmentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`survey_tokens\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`surveyId\` varchar(36) NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`departmentId\` varchar(36) NULL, \`used\` tinyint NOT NULL, UNIQUE INDEX \`IDX_4edd9ffa0f5ab81617bb6a6fd2\` (\`tokenHash\`), INDEX \`IDX_8d09793fd3d7a75a01e0e2c9ed\` (\`surveyId\`, \`departmentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`surveys\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`title\` varchar(200) NOT NULL, \`anonymous\` tinyint NOT NULL, \`questions\` text NOT NULL, \`closedAt\` datetime NULL, \`createdBy\` varchar(36) NOT NULL, \`createdAt\` datetime NOT NULL, INDEX \`IDX_c65fb4726f140ec11c69203170\` (\`meetingId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_c65fb4726f140ec11c69203170\` ON \`surveys\``);
    await queryRunner.query(`DROP TABLE \`surveys\``);
    await queryRunner.query(`DROP INDEX \`IDX_8d09793fd3d7a75a01e0e2c9ed\` ON \`survey_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_4edd9ffa0f5ab81617bb6a6fd2\` ON \`survey_tokens\``);
    await queryRunner.query(`DROP TABLE \`survey_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_f6ecafe37ef1d881069ccb0124\` ON \`survey_responses\``);
    await queryRunner.query(`DROP TABLE \`survey_responses\``);
  }
}
