import { IsIn } from 'class-validator';
import { EXPORT_KINDS, ExportFormat, ExportKind } from '../export-job.entity';

export class RequestExportDto {
  /** `opinion-list` (xlsx or docx), `talk-coverage` (xlsx) or `progress-report` (docx). */
  @IsIn(EXPORT_KINDS)
  what: ExportKind;

  @IsIn(['xlsx', 'docx'])
  format: ExportFormat;
}
