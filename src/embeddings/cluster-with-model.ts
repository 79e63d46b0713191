import { clusterAll } from '../clustering/cluster';
import { EmbeddingsSettings } from '../config/app-config';
import { TextVectors } from './text-vectors';
import { MemoryVectorCache } from './vector-cache';

/**
 * One batch clustered as `cli cluster` does: with the embedding model's vectors when settings are
 * given and the model answers (each distinct text sent once, kept in memory for the run), by words
 * alone otherwise, the warning passed to `warn`.
 */
export async function clusterWithModel(
  opinions: Array<{ id: string; text: string; aspect?: string | null; target?: string | null }>,
  settings: EmbeddingsSettings | null,
  warn: (message: string) => void,
): Promise<Array<{ id: string; item: string }>> {
  const vectors = settings ? await new TextVectors(settings, new MemoryVectorCache(), { warn }).vectorsFor(opinions.map((opinion) => opinion.text)) : null;
  return clusterAll(opinions, [], vectors && settings ? { vectors, modelThreshold: settings.threshold } : {});
}
