import { idfTable } from './jieba';

/**
 * 背景词频: how telling a word is in Chinese at large, from the IDF table jieba ships beside its
 * dictionary (@node-rs/jieba/idf.txt, some 270,000 words with their inverse document frequency in
 * a general corpus). A meeting's own IDF knows its commonplaces but not, with thirty opinions,
 * that 问题 or 没有 say little anywhere while 留痕 or 连轴转 are rare anywhere; the two together
 * weigh a word by both (see similarity.ts).
 *
 * No data file of our own: the table comes with the segmenter the project already depends on.
 * Loaded on first use (the worker and the CLI cluster; the api process mostly does not), about
 * 0.1–0.2 s once per process, and only the words commoner than COMMON_BELOW kept (some 82,000):
 * a rarer word, and one the table lacks (a domain phrase such as 两个维护, a new word), weighs
 * UNKNOWN_BACKGROUND_IDF, as jieba itself weighs unknown words by the table's median.
 */
let table: Map<string, number> | undefined;

/** Words rarer than this are not kept: between it and the median the difference is small. */
const COMMON_BELOW = 11;
/** The weight of a word the table lacks or does not keep: about the table's median. */
export const UNKNOWN_BACKGROUND_IDF = 11.95;

export function backgroundIdf(word: string): number {
  return (table ??= load()).get(word) ?? UNKNOWN_BACKGROUND_IDF;
}

function load(): Map<string, number> {
  const text = idfTable();
  const words = new Map<string, number>();
  // One pass over lines "word idf", without splitting the 6 MB text into an array first.
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const space = text.lastIndexOf(' ', end);
    if (space > at) {
      const value = Number(text.slice(space + 1, end));
      if (value < COMMON_BELOW) words.set(text.slice(at, space), value);
    }
    at = end + 1;
  }
  return words;
}
