import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drafts of the 发言提纲 beside those of the 对照检查材料: a draft's kind, its versions counted per
 * kind. SQLite changes a table's columns by building it again, as TypeORM's own migrations do.
 */
export class OutlineDrafts1796700000501 implements MigrationInterface {
  name = 'OutlineDrafts1796700000501';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_3415cf3d622cfaa2f99ac4c841"`);
    await queryRunner.query(`CREATE TABLE "temporary_material_drafts" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "memberUserId" varchar(36) NOT NULL, "version" integer NOT NULL, "sections" text NOT NULL, "savedBy" varchar(36) NOT NULL, "savedAt" datetime NOT NULL, "kind" varchar(20) NOT NULL DEFAULT ('check'))`);
    await queryRunner.query(`INSERT INTO "temporary_material_drafts"("id", "organizationId", "meetingId", "memberUserId", "version", "sections", "savedBy", "savedAt") SELECT "id", "organizationId", "meetingId", "memberUserId", "version", "sections", "savedBy", "savedAt" FROM "material_drafts"`);
    await queryRunner.query(`DROP TABLE "material_drafts"`);
    await queryRunner.query(`ALTER TABLE "temporary_material_drafts" RENAME TO "material_drafts"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_material_drafts_version" ON "material_drafts" ("meetingId", "memberUserId", "kind", "version") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_material_drafts_version"`);
    await queryRunner.query(`ALTER TABLE "material_drafts" RENAME TO "temporary_material_drafts"`);
    await queryRunner.query(`CREATE TABLE "material_drafts" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "memberUserId" varchar(36) NOT NULL, "version" integer NOT NULL, "sections" text NOT NULL, "savedBy" varchar(36) NOT NULL, "savedAt" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "material_drafts"("id", "organizationId", "meetingId", "memberUserId", "version", "sections", "savedBy", "savedAt") SELECT "id", "organizationId", "meetingId", "memberUserId", "version", "sections", "savedBy", "savedAt" FROM "temporary_material_drafts" WHERE "kind" = 'check'`);
    await queryRunner.query(`DROP TABLE "temporary_material_drafts"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3415cf3d622cfaa2f99ac4c841" ON "material_drafts" ("meetingId", "memberUserId", "version") `);
  }
}
