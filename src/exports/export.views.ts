import { ExportFormat, ExportKind, ExportStatus } from './export-job.entity';

/** A document asked for, and where it stands. */
export class ExportView {
  id: string;
  what: ExportKind;
  format: ExportFormat;
  status: ExportStatus;
  /** Once done: where to download it (only the organiser who asked may). */
  downloadUrl?: string;
  /** Once failed: what went wrong. */
  error?: string;
}
