import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnonymousRelease1796606737804 implements MigrationInterface {
  name = 'AnonymousRelease1796606737804';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_6b51472f5e80309187190914b2\` ON \`raw_opinions\``);
    await queryRunner.query(`DROP INDEX \`IDX_f5975e3c7e3f22bd6840d43cee\` ON \`raw_opinions\``);
    await queryRunner.query(`DROP INDEX \`IDX_f6ecafe37ef1d881069ccb0124\` ON \`survey_responses\``);
    await queryRunner.query(`CREATE TABLE \`release_slots\` (\`slot\` varchar(20) NOT NULL, PRIMARY KEY (\`slot\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`ALTER TABLE \`raw_opinions\` ADD \`held\` tinyint NOT NULL`);
    await queryRunner.query(`ALTER TABLE \`survey_responses\` ADD \`held\` tinyint NOT NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_dbf3cd68c5f88e9b5b7ee07610\` ON \`raw_opinions\` (\`sourceId\`, \`held\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_7072f761ed7d3840bd9125563c\` ON \`raw_opinions\` (\`meetingId\`, \`held\`, \`channel\`, \`sourceId\`, \`receivedOn\`, \`pendingAggregation\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_5e01ae86310682453c6fad3759\` ON \`survey_responses\` (\`surveyId\`, \`held\`, \`departmentId\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_5e01ae86310682453c6fad3759\` ON \`survey_responses\``);
    await queryRunner.query(`DROP INDEX \`IDX_7072f761ed7d3840bd9125563c\` ON \`raw_opinions\``);
    await queryRunner.query(`DROP INDEX \`IDX_dbf3cd68c5f88e9b5b7ee07610\` ON \`raw_opinions\``);
    await queryRunner.query(`ALTER TABLE \`survey_responses\` DROP COLUMN \`held\``);
    await queryRunner.query(`ALTER TABLE \`raw_opinions\` DROP COLUMN \`held\``);
    await queryRunner.query(`DROP TABLE \`release_slots\``);
    await queryRunner.query(`CREATE INDEX \`IDX_f6ecafe37ef1d881069ccb0124\` ON \`survey_responses\` (\`surveyId\`, \`departmentId\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_f5975e3c7e3f22bd6840d43cee\` ON \`raw_opinions\` (\`meetingId\`, \`channel\`, \`sourceId\`, \`receivedOn\`, \`pendingAggregation\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_6b51472f5e80309187190914b2\` ON \`raw_opinions\` (\`sourceId\`)`);
  }
}
