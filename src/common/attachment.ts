import { StreamableFile } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { StoredFile } from './file-store';

/** A stored file as the answer: its type, and its name for saving in any browser (RFC 5987, UTF-8). */
export function asAttachment(reply: FastifyReply, file: StoredFile): StreamableFile {
  reply.header('content-type', file.contentType);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  return new StreamableFile(file.stream);
}
