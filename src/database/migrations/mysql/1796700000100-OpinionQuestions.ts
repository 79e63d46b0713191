import { MigrationInterface, QueryRunner } from 'typeorm';

/** 追问: organisers' questions on anonymous opinions and the writers' replies, held until a release. */
export class OpinionQuestions1796700000100 implements MigrationInterface {
  name = 'OpinionQuestions1796700000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`opinion_questions\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`opinionId\` varchar(36) NOT NULL, \`askedBy\` varchar(36) NOT NULL, \`text\` text NOT NULL, \`askedOn\` date NOT NULL, \`replyText\` text NULL, \`replyReleasedOn\` date NULL, INDEX \`IDX_fe85015bd5cd9c83895908bc25\` (\`opinionId\`), INDEX \`IDX_3cbbb65c8561d10bd77ca7d850\` (\`replyReleasedOn\`, \`organizationId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_3cbbb65c8561d10bd77ca7d850\` ON \`opinion_questions\``);
    await queryRunner.query(`DROP INDEX \`IDX_fe85015bd5cd9c83895908bc25\` ON \`opinion_questions\``);
    await queryRunner.query(`DROP TABLE \`opinion_questions\``);
  }
}
