import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const EXPORT_KINDS = ['opinion-list', 'talk-coverage', 'progress-report', 'rectification-ledger'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportFormat = 'xlsx' | 'docx';
export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

/** A document an organiser asked for, built by the `exports` queue and kept for EXPORT_RETENTION_DAYS. */
@Entity('export_jobs')
@Index(['status'])
export class ExportJob {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  organizationId: string;

  @Column('varchar', { length: 36 })
  meetingId: string;

  /** Only the organiser who asked may download it. */
  @Column('varchar', { length: 36 })
  requestedBy: string;

  @Column('varchar', { length: 20 })
  what: ExportKind;

  @Column('varchar', { length: 10 })
  format: ExportFormat;

  @Column('varchar', { length: 10 })
  status: ExportStatus;

  /** The file under the exports directory, by a random key. */
  @Column('varchar', { length: 100, nullable: true })
  fileKey: string | null;

  @Column('varchar', { length: 200, nullable: true })
  fileName: string | null;

  @Column('varchar', { length: 500, nullable: true })
  error: string | null;

  @Column('datetime')
  createdAt: Date;

  @Column('datetime', { nullable: true })
  finishedAt: Date | null;
}
