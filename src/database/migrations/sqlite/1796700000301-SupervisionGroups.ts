import { MigrationInterface, QueryRunner } from 'typeorm';

export class SupervisionGroups1796700000301 implements MigrationInterface {
  name = 'SupervisionGroups1796700000301';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizations" ADD COLUMN "parentId" varchar(36)`);
    await queryRunner.query(`CREATE INDEX "IDX_organizations_parentId" ON "organizations" ("parentId")`);
    await queryRunner.query(`CREATE TABLE "supervision_groups" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "name" varchar(100) NOT NULL, "memberUserIds" text NOT NULL, "unitIds" text NOT NULL, "createdAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_supervision_groups_org_name" ON "supervision_groups" ("organizationId", "name")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "supervision_groups"`);
    await queryRunner.query(`DROP INDEX "IDX_organizations_parentId"`);
  }
}
