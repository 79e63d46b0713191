import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgressIndexes1795450421474 implements MigrationInterface {
  name = 'ProgressIndexes1795450421474';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The new indexes first: on a large database no query is left without one while they build.
    await queryRunner.query(`CREATE INDEX \`IDX_1a734834b8613e0827fa6dae4b\` ON \`item_claims\` (\`meetingId\`, \`kind\`, \`itemId\`, \`memberUserId\`, \`answeredAt\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_d2b38770fe8f54b005e7056d94\` ON \`opinion_items\` (\`meetingId\`, \`status\`, \`targetMemberId\`, \`aspect\`, \`sourceCount\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_f5975e3c7e3f22bd6840d43cee\` ON \`raw_opinions\` (\`meetingId\`, \`channel\`, \`sourceId\`, \`receivedOn\`, \`pendingAggregation\`)`);
    await queryRunner.query(`DROP INDEX \`IDX_4dd61cf9f91e27228226d8c3a6\` ON \`item_claims\``);
    await queryRunner.query(`DROP INDEX \`IDX_62596b9381a0e54f88697a9497\` ON \`opinion_items\``);
    await queryRunner.query(`DROP INDEX \`IDX_4091fc2c58a9b42c1c7591f829\` ON \`raw_opinions\``);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_f5975e3c7e3f22bd6840d43cee\` ON \`raw_opinions\``);
    await queryRunner.query(`DROP INDEX \`IDX_d2b38770fe8f54b005e7056d94\` ON \`opinion_items\``);
    await queryRunner.query(`DROP INDEX \`IDX_1a734834b8613e0827fa6dae4b\` ON \`item_claims\``);
    await queryRunner.query(`CREATE INDEX \`IDX_4091fc2c58a9b42c1c7591f829\` ON \`raw_opinions\` (\`meetingId\`, \`channel\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_62596b9381a0e54f88697a9497\` ON \`opinion_items\` (\`meetingId\`, \`status\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_4dd61cf9f91e27228226d8c3a6\` ON \`item_claims\` (\`meetingId\`, \`memberUserId\`)`);
  }
}
