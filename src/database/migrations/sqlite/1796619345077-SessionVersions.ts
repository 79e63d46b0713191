import { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionVersions1796619345077 implements MigrationInterface {
  name = 'SessionVersions1796619345077';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_f3d6aea8fcca58182b2e80ce97"`);
    await queryRunner.query(`CREATE TABLE "temporary_users" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "username" varchar(64) NOT NULL, "displayName" varchar(100) NOT NULL, "passwordHash" varchar(255) NOT NULL, "roles" text NOT NULL, "departmentId" varchar(36), "active" boolean NOT NULL, "createdAt" datetime NOT NULL, "branchId" varchar(36), "tokenVersion" integer NOT NULL DEFAULT (0), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"))`);
    await queryRunner.query(`INSERT INTO "temporary_users"("id", "organizationId", "username", "displayName", "passwordHash", "roles", "departmentId", "active", "createdAt", "branchId") SELECT "id", "organizationId", "username", "displayName", "passwordHash", "roles", "departmentId", "active", "createdAt", "branchId" FROM "users"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`ALTER TABLE "temporary_users" RENAME TO "users"`);
    await queryRunner.query(`CREATE INDEX "IDX_f3d6aea8fcca58182b2e80ce97" ON "users" ("organizationId") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_f3d6aea8fcca58182b2e80ce97"`);
    await queryRunner.query(`ALTER TABLE "users" RENAME TO "temporary_users"`);
    await queryRunner.query(`CREATE TABLE "users" ("id" varchar(36) PRIMARY KEY NOT NULL, "organizationId" varchar(36) NOT NULL, "username" varchar(64) NOT NULL, "displayName" varchar(100) NOT NULL, "passwordHash" varchar(255) NOT NULL, "roles" text NOT NULL, "departmentId" varchar(36), "active" boolean NOT NULL, "createdAt" datetime NOT NULL, "branchId" varchar(36), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"))`);
    await queryRunner.query(`INSERT INTO "users"("id", "organizationId", "username", "displayName", "passwordHash", "roles", "departmentId", "active", "createdAt", "branchId") SELECT "id", "organizationId", "username", "displayName", "passwordHash", "roles", "departmentId", "active", "createdAt", "branchId" FROM "temporary_users"`);
    await queryRunner.query(`DROP TABLE "temporary_users"`);
    await queryRunner.query(`CREATE INDEX "IDX_f3d6aea8fcca58182b2e80ce97" ON "users" ("organizationId") `);
  }
}
