import { Injectable } from '@nestjs/common';
import { FileStore } from '../common/file-store';
import { AppConfig } from '../config/app-config';

/** Check-material files, under UPLOAD_DIR. */
@Injectable()
export class MaterialFiles extends FileStore {
  constructor(config: AppConfig) {
    super(config.uploads.dir);
  }
}
