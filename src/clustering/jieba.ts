import type { Jieba } from '@node-rs/jieba';
import { domainWords } from './vocabulary';

/**
 * One segmenter per process, built on first use: loading the dictionary takes ~0.1 s and some
 * 30 MB, which the api process should not pay unless it clusters (the worker and the CLI do).
 */
let instance: Jieba | undefined;

/** Frequency given to the domain words: enough for jieba to prefer them whole over their parts. */
const DOMAIN_WORD_FREQUENCY = 2000;

export function segmenter(): Jieba {
  if (!instance) {
    // Required here, not imported at the top, so that importing this module costs nothing.
    const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict');
    const jieba = JiebaClass.withDict(dict);
    const extra = domainWords().map((word) => `${word} ${DOMAIN_WORD_FREQUENCY} n`).join('\n');
    jieba.loadDict(Buffer.from(`${extra}\n`, 'utf8'));
    instance = jieba;
  }
  return instance;
}

/**
 * The IDF table jieba ships beside its dictionary ("word idf" a line, see background.ts), read
 * here with the dictionary so that neither is loaded before the process clusters.
 */
export function idfTable(): string {
  const { idf } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict');
  return Buffer.from(idf.buffer, idf.byteOffset, idf.byteLength).toString('utf8');
}
