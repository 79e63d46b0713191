import { MigrationInterface, QueryRunner } from 'typeorm';

/** 对照检查材料 drafts: each saved version of a member's (or the team's) draft, section by section. */
export class MaterialDrafts1796700000401 implements MigrationInterface {
  name = 'MaterialDrafts1796700000401';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "material_drafts" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "memberUserId" varchar(36) NOT NULL, "version" integer NOT NULL, "sections" text NOT NULL, "savedBy" varchar(36) NOT NULL, "savedAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3415cf3d622cfaa2f99ac4c841" ON "material_drafts" ("meetingId", "memberUserId", "version") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_3415cf3d622cfaa2f99ac4c841"`);
    await queryRunner.query(`DROP TABLE "material_drafts"`);
  }
}
