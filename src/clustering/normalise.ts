/**
 * The form of an opinion's text that matching works on. Never shown to anyone: claimants read
 * the writer's own words (原汁原味), this is only what the clustering compares.
 *
 * - NFKC turns full-width letters, digits and the ideographic space into their half-width forms
 *   (ＡＢＣ１２３ → abc123), so the same words typed on a phone and on a PC compare equal.
 * - Latin letters are lower-cased (PPT, ppt).
 * - Every run of punctuation, symbols, spaces and invisible characters (，。、！？“”…… emoji,
 *   zero-width spaces) becomes one space: punctuation says nothing about which complaint an
 *   opinion makes, but it does end a phrase, so character pairs are not formed across it.
 */
const SEPARATORS = /[\p{P}\p{S}\p{Z}\p{C}]+/gu;

export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SEPARATORS, ' ').trim();
}
