import { IsIn } from 'class-validator';
import { EXPORT_KINDS, ExportFormat, ExportKind } from '../export-job.entity';

export class RequestExportDto {
  /** `opinion-list` (xlsx or docx), `talk-coverage` (xlsx), `progress-report` (docx) or `rectification-ledger` (整改台账, xlsx or docx). */
  @IsIn(EXPORT_KINDS)
  what: ExportKind;

  @IsIn(['xlsx', 'docx'])
  format: ExportFormat;
}
