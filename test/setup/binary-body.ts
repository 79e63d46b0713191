import type { Response } from 'superagent';

/**
 * A supertest parser that keeps a response body as bytes, whatever its content type (superagent
 * hands the parser the raw response stream): `.buffer(true).parse(binaryBody)`, then `body` is a Buffer.
 */
export function binaryBody(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer | string) => chunks.push(Buffer.from(chunk)));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}
