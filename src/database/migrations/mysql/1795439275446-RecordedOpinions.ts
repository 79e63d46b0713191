import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordedOpinions1795439275446 implements MigrationInterface {
  name = 'RecordedOpinions1795439275446';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`symposiums\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`heldOn\` date NOT NULL, \`audience\` varchar(100) NOT NULL, \`attendeeCount\` int NOT NULL, \`opinionCount\` int NOT NULL, \`recordedBy\` varchar(36) NOT NULL, \`recordedAt\` datetime NOT NULL, INDEX \`IDX_9440c9fec65e95e4b41b8b5a47\` (\`meetingId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await queryRunner.query(`CREATE TABLE \`written_solicitations\` (\`id\` varchar(36) NOT NULL, \`organizationId\` varchar(36) NOT NULL, \`meetingId\` varchar(36) NOT NULL, \`fromBody\` varchar(200) NOT NULL, \`receivedOn\` date NOT NULL, \`opinionCount\` int NOT NULL, \`recordedBy\` varchar(36) NOT NULL, \`recordedAt\` datetime NOT NULL, INDEX \`IDX_c367ff352c07d8c5c699a18c70\` (\`meetingId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_c367ff352c07d8c5c699a18c70\` ON \`written_solicitations\``);
    await queryRunner.query(`DROP TABLE \`written_solicitations\``);
    await queryRunner.query(`DROP INDEX \`IDX_9440c9fec65e95e4b41b8b5a47\` ON \`symposiums\``);
    await queryRunner.query(`DROP TABLE \`symposiums\``);
  }
}
