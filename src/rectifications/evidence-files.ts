import { Injectable } from '@nestjs/common';
import { cleanFileName } from '../common/file-names';
import { FileStore } from '../common/file-store';
import { AppConfig } from '../config/app-config';
import { detectFileType } from '../common/file-type';

export type EvidenceFileType = 'pdf' | 'docx' | 'jpg' | 'png';

export const EVIDENCE_CONTENT_TYPES: Record<EvidenceFileType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpg: 'image/jpeg',
  png: 'image/png',
};

const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * What evidence a file is, read from its bytes: a document (PDF, .docx, as for materials) or a
 * photo of one (JPEG, PNG) — a scan of a signed 整改报告, a photo of a notice board. Null otherwise.
 */
export function detectEvidenceType(content: Buffer): EvidenceFileType | null {
  if (content.subarray(0, 3).equals(JPEG)) return 'jpg';
  if (content.subarray(0, 8).equals(PNG)) return 'png';
  return detectFileType(content);
}

/** The name shown for an uploaded evidence file (see cleanFileName). */
export function evidenceFileName(given: string | undefined, type: EvidenceFileType): string {
  return cleanFileName(given, '整改佐证材料', type, /\.(pdf|docx?|jpe?g|png)$/i);
}

/** Evidence files (整改佐证材料), under UPLOAD_DIR beside the check materials. */
@Injectable()
export class EvidenceFiles extends FileStore {
  constructor(config: AppConfig) {
    super(config.uploads.dir);
  }
}
