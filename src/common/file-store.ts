import { randomBytes } from 'node:crypto';
import { createReadStream, ReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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

  open(key: string): ReadStream {
    return createReadStream(join(this.directory, key));
  }

  async remove(key: string | null): Promise<void> {
    if (key) await rm(join(this.directory, key), { force: true });
  }
}
