import { createHash } from 'node:crypto';

/**
 * The form of a text that is embedded and hashed: Unicode NFKC (full-width letters and digits as
 * half-width) and runs of white space as one space, trimmed. Two opinions that differ only there
 * share one vector and one cache row.
 */
export function normaliseForEmbedding(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** The cache key of a normalised text: hex SHA-256. */
export function textHash(normalised: string): string {
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}

/** The vector scaled to length 1, or null when it has no length (or is not finite). */
export function toUnitLength(vector: ArrayLike<number>): Float32Array | null {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i] * vector[i];
  const norm = Math.sqrt(sum);
  if (!Number.isFinite(norm) || norm === 0) return null;
  const unit = new Float32Array(vector.length);
  for (let i = 0; i < vector.length; i++) unit[i] = vector[i] / norm;
  return unit;
}

/** float32 little-endian bytes, as the cache keeps them. */
export function vectorToBytes(vector: Float32Array): Buffer {
  const bytes = Buffer.alloc(vector.length * 4);
  for (let i = 0; i < vector.length; i++) bytes.writeFloatLE(vector[i], i * 4);
  return bytes;
}

/** The vector back from the cache's bytes; null when they do not hold `dimension` floats. */
export function bytesToVector(bytes: Buffer, dimension: number): Float32Array | null {
  if (bytes.length !== dimension * 4) return null;
  const vector = new Float32Array(dimension);
  for (let i = 0; i < dimension; i++) vector[i] = bytes.readFloatLE(i * 4);
  return vector;
}
