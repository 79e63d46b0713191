import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 发言提纲 beside 对照检查材料: a material's kind, one of each kind per member and meeting. SQLite
 * changes a table's columns by building it again, as TypeORM's own migrations do.
 */
export class MaterialKinds1796700000201 implements MigrationInterface {
  name = 'MaterialKinds1796700000201';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_d12b8ce670dbe293435f8bacb9"`);
    await queryRunner.query(`CREATE TABLE "temporary_check_materials" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "memberUserId" varchar(36) NOT NULL, "status" varchar(20) NOT NULL, "reviewComment" varchar(2000), "fileName" varchar(255), "fileType" varchar(10), "fileSize" integer, "fileKey" varchar(100), "updatedAt" datetime NOT NULL, "kind" varchar(20) NOT NULL DEFAULT ('check'))`);
    await queryRunner.query(`INSERT INTO "temporary_check_materials"("id", "organizationId", "meetingId", "memberUserId", "status", "reviewComment", "fileName", "fileType", "fileSize", "fileKey", "updatedAt") SELECT "id", "organizationId", "meetingId", "memberUserId", "status", "reviewComment", "fileName", "fileType", "fileSize", "fileKey", "updatedAt" FROM "check_materials"`);
    await queryRunner.query(`DROP TABLE "check_materials"`);
    await queryRunner.query(`ALTER TABLE "temporary_check_materials" RENAME TO "check_materials"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_dbaa850fa4bdbe26020c84a01d" ON "check_materials" ("meetingId", "memberUserId", "kind") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "check_material_events" WHERE "materialId" IN (SELECT "id" FROM "check_materials" WHERE "kind" <> 'check')`);
    await queryRunner.query(`DROP INDEX "IDX_dbaa850fa4bdbe26020c84a01d"`);
    await queryRunner.query(`ALTER TABLE "check_materials" RENAME TO "temporary_check_materials"`);
    await queryRunner.query(`CREATE TABLE "check_materials" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "memberUserId" varchar(36) NOT NULL, "status" varchar(20) NOT NULL, "reviewComment" varchar(2000), "fileName" varchar(255), "fileType" varchar(10), "fileSize" integer, "fileKey" varchar(100), "updatedAt" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "check_materials"("id", "organizationId", "meetingId", "memberUserId", "status", "reviewComment", "fileName", "fileType", "fileSize", "fileKey", "updatedAt") SELECT "id", "organizationId", "meetingId", "memberUserId", "status", "reviewComment", "fileName", "fileType", "fileSize", "fileKey", "updatedAt" FROM "temporary_check_materials" WHERE "kind" = 'check'`);
    await queryRunner.query(`DROP TABLE "temporary_check_materials"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d12b8ce670dbe293435f8bacb9" ON "check_materials" ("meetingId", "memberUserId") `);
  }
}
