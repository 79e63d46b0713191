import busboy from 'busboy';
import { Readable } from 'node:stream';

/** A file from a page's form (an xlsx list of people, a 对照检查材料), held in memory: pages accept small files only. */
export interface UploadedFile {
  filename: string;
  mimeType: string;
  data: Buffer;
}

/** What a multipart form holds: its text fields as strings (the last of a repeated name kept as a list), its files. */
export type MultipartFields = Record<string, string | string[] | UploadedFile>;

/** A part over the limits: answered 413 by the caller's parser. */
export class MultipartTooLarge extends Error {}

/**
 * Reads a `multipart/form-data` body (a page's form with a file input) into plain fields, with
 * busboy. The body is already within the route's size limit; a file cut short by busboy's own
 * limit is refused rather than half read.
 */
export function parseMultipart(contentType: string, body: Buffer, limits: { fileBytes: number; files: number }): Promise<MultipartFields> {
  return new Promise((resolve, reject) => {
    const fields: MultipartFields = {};
    const add = (name: string, value: string | UploadedFile) => {
      const before = fields[name];
      if (before === undefined || typeof value !== 'string') fields[name] = value;
      else fields[name] = [...(Array.isArray(before) ? before : typeof before === 'string' ? [before] : []), value];
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': contentType }, limits: { fileSize: limits.fileBytes, files: limits.files, fields: 2000, fieldSize: 1024 * 1024 }, defParamCharset: 'utf8' });
    } catch (error) {
      return reject(error as Error);
    }
    parser.on('field', (name, value) => add(name, value));
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => reject(new MultipartTooLarge('file too large')));
      stream.on('end', () => {
        // An empty file input (nothing chosen) sends a part with no name and no bytes: no file.
        if (info.filename || chunks.length) add(name, { filename: info.filename ?? '', mimeType: info.mimeType, data: Buffer.concat(chunks) });
      });
    });
    parser.on('filesLimit', () => reject(new MultipartTooLarge('too many files')));
    parser.on('error', (error: Error) => reject(error));
    parser.on('close', () => resolve(fields));
    Readable.from([body]).pipe(parser);
  });
}

/** A file field of a parsed form, or undefined when none was chosen. */
export function formFile(body: unknown, name: string): UploadedFile | undefined {
  const value = (body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined) as UploadedFile | undefined;
  return value && typeof value === 'object' && Buffer.isBuffer((value as UploadedFile).data) ? value : undefined;
}
