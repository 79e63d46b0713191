import { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckMaterials1795442724642 implements MigrationInterface {
  name = 'CheckMaterials1795442724642';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "check_materials" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "memberUserId" varchar(36) NOT NULL, "status" varchar(20) NOT NULL, "reviewComment" varchar(2000), "fileName" varchar(255), "fileType" varchar(10), "fileSize" integer, "fileKey" varchar(100), "updatedAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d12b8ce670dbe293435f8bacb9" ON "check_materials" ("meetingId", "memberUserId") `);
    await queryRunner.query(`CREATE TABLE "check_material_events" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "materialId" varchar(36) NOT NULL, "kind" varchar(20) NOT NULL, "fromStatus" varchar(20) NOT NULL, "toStatus" varchar(20) NOT NULL, "note" varchar(2000), "byUserId" varchar(36) NOT NULL, "at" datetime NOT NULL, "step" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_cbb32313aa5206dd097a15e416" ON "check_material_events" ("materialId", "at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_cbb32313aa5206dd097a15e416"`);
    await queryRunner.query(`DROP TABLE "check_material_events"`);
    await queryRunner.query(`DROP INDEX "IDX_d12b8ce670dbe293435f8bacb9"`);
    await queryRunner.query(`DROP TABLE "check_materials"`);
  }
}
