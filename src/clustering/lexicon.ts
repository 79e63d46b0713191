import { OTHER_ASPECT } from '../meetings/aspect-presets';
import { PRESET_ASPECT_THEMES, THEMES, ThemeName } from './lexicon-themes';
import { normalise } from './normalise';

/** An aspect name this short is itself a keyword ("工作作风不实" names its aspect). */
const MAX_NAME_AS_KEYWORD = 6;

/**
 * The default keywords of an aspect: those of the themes a preset aspect covers; for an aspect an
 * organiser named, those of the themes its name cues (an aspect called "学习教育" gets the study
 * theme's). Plus the name itself when it is short. Normalised, distinct, in a fixed order.
 */
export function defaultKeywords(aspect: string): string[] {
  const themes: ThemeName[] = [...(PRESET_ASPECT_THEMES[aspect] ?? themesCuedBy(aspect))];
  const keywords = themes.flatMap((theme) => THEMES[theme].keywords);
  if ([...aspect].length <= MAX_NAME_AS_KEYWORD) keywords.push(aspect);
  return distinctNormalised(keywords);
}

function themesCuedBy(aspect: string): ThemeName[] {
  return (Object.keys(THEMES) as ThemeName[]).filter((theme) => THEMES[theme].cues.some((cue) => aspect.includes(cue)));
}

function distinctNormalised(keywords: readonly string[]): string[] {
  return [...new Set(keywords.map((keyword) => normalise(keyword).replace(/ /g, '')).filter((keyword) => keyword.length > 0))];
}

/**
 * Decides the aspect of a normalised text among `aspects` (see chooseAspect), with the keyword
 * lists built once for many texts.
 */
export function aspectChooser(aspects: readonly string[], extraKeywords: Readonly<Record<string, readonly string[]>> = {}): (normalisedText: string) => string {
  const lexicon = aspects.map((aspect) => ({ aspect, keywords: distinctNormalised([...defaultKeywords(aspect), ...(extraKeywords[aspect] ?? [])]) }));
  return (normalisedText) => {
    let best = OTHER_ASPECT;
    let bestScore = 0;
    for (const { aspect, keywords } of lexicon) {
      let score = 0;
      for (const keyword of keywords) if (normalisedText.includes(keyword)) score += keyword.length;
      // Strictly greater: on a tie the aspect listed first wins, whatever order texts come in.
      if (score > bestScore) {
        best = aspect;
        bestScore = score;
      }
    }
    return best;
  };
}

/**
 * The aspect an opinion most likely belongs to when its writer chose none: the one of `aspects`
 * whose keywords (the default lexicon plus what the organiser added in `extraKeywords`) cover the
 * most of the text, counted in characters so that a specific phrase (八项规定) outweighs a
 * generic one (学习); on a tie the aspect listed first; '其他' when no keyword occurs.
 */
export function chooseAspect(text: string, aspects: readonly string[], extraKeywords?: Readonly<Record<string, readonly string[]>>): string {
  return aspectChooser(aspects, extraKeywords)(normalise(text));
}
