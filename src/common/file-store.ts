import { randomBytes } from 'node:crypto';
import { ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from './app-error';

/** A stored file on its way to a reader: its bytes, the name to save it under, its type. */
export interface StoredFile {
  stream: ReadStream;
  name: string;
  contentType: string;
}

/**
 * Files under one directory by a random key, never by a name someone typed. A file is written
 * whole to a temporary name and renamed, so a reader never sees half of one.
 */
export class FileStore {
  constructor(private readonly directory: string) {}

  /** Stores the content; resolves with its key (random, ending in `.extension`). */
  async save(content: Buffer, extension: string): Promise<string> {
    await mkdir(this.directory, { recursive: true });
    const key = `${randomBytes(16).toString('hex')}.${extension}`;
    const temporary = join(this.directory, `.${key}.part`);
    try {
      await writeFile(temporary, content, { flag: 'wx' });
      await rename(temporary, join(this.directory, key));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return key;
  }

  /**
   * The stored file, or null when it is not there (removed, or written by a process that does
   * not share this directory): opened before the answer starts, so a missing file is a clear
   * refusal and never a broken download.
   */
  async open(key: string): Promise<ReadStream | null> {
    try {
      const handle = await open(join(this.directory, key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** The file to send as `name`; 410 FILE_GONE saying `goneMessage` when it is no longer here. */
  async download(key: string, name: string, contentType: string, goneMessage: string): Promise<StoredFile> {
    const stream = await this.open(key);
    if (!stream) throw AppError.fileGone(goneMessage);
    return { stream, name, contentType };
  }

  async remove(key: string | null): Promise<void> {
    if (key) await rm(join(this.directory, key), { force: true });
  }
}
