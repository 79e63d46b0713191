import { QuestionKind } from './survey-questions';

/**
 * The custom-survey form's questions as plain text, one a line, so an organiser builds every
 * kind of question without JavaScript:
 *
 *   1. 您对班子整体工作作风的评价 [单选] 满意 / 基本满意 / 不满意
 *   2. 您认为班子最需要改进的方面 [多选] 理论学习 / 工作作风 / 廉洁自律
 *   3. 班子的总体评价 [评分]
 *   4. 在工作作风方面对班子的意见建议 [必填] [方面：工作作风]
 *
 * A line without a kind tag is a text question; the options follow [单选] / [多选], split by "/";
 * [必填] makes a question required (otherwise it may be left unanswered). Tags are written in
 * [], ［］ or 【】 (what a Chinese input method types for "["). A leading "1." / "1、" / "（1）" is dropped.
 */

/** The limits of CreateSurveyDto, said per line here before the API would say them per question. */
export const MAX_QUESTIONS = 100;
export const MAX_PROMPT_LENGTH = 500;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 20;
export const MAX_OPTION_LENGTH = 200;
/** A long paste of wrong lines is answered with its first few problems, not hundreds. */
const MAX_PROBLEMS_SAID = 10;

/** One question as read from its line, in the shape CreateSurveyDto takes (plus its line). */
export interface QuestionLine {
  /** The line of the text it came from, from 1 (blank lines counted). */
  line: number;
  kind: QuestionKind;
  prompt: string;
  options: string[] | null;
  required: boolean;
  aspect: string | null;
}

export interface LineProblem {
  line: number;
  message: string;
}

export interface ReadQuestions {
  questions: QuestionLine[];
  /** Everything wrong, by line (line 0: the text as a whole); empty when the questions can be created. */
  problems: LineProblem[];
}

export const KIND_WORDS: Record<QuestionKind, string> = { text: '文字题', single: '单选题', multi: '多选题', rating: '评分题' };

const KIND_TAGS = new Map<string, QuestionKind>([
  ...['单选', '单选题'].map((tag) => [tag, 'single'] as const),
  ...['多选', '多选题'].map((tag) => [tag, 'multi'] as const),
  ...['评分', '评分题', '打分'].map((tag) => [tag, 'rating'] as const),
  ...['文字', '文字题', '问答', '问答题', '开放题'].map((tag) => [tag, 'text'] as const),
]);
const REQUIRED_TAGS = new Set(['必填', '必答', '必答题']);
const OPTIONAL_TAGS = new Set(['选填', '选答', '可不填']);
const ASPECT_TAG = /^方面\s*[:：]\s*(.*)$/;

const TAG = /[[［【]([^\]］】[［【]*)[\]］】]/g;
const NUMBERING = /^(?:\d{1,3}\s*[.、．)）]|[(（]\d{1,3}[)）]|[一二三四五六七八九十]{1,3}\s*、)\s*/;
const OPTION_SEPARATOR = /[/／]/;

/** Reads every line; the meeting's aspects are the ones [方面：…] may name. */
export function readQuestionLines(text: string, aspects: readonly string[]): ReadQuestions {
  const questions: QuestionLine[] = [];
  const problems: LineProblem[] = [];
  let written = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const read = readLine(raw, index + 1, aspects);
    if (read === null) return;
    written += 1;
    if ('problems' in read) problems.push(...read.problems);
    else questions.push(read);
  });
  if (written === 0) problems.push({ line: 0, message: '请至少写一道题，每行一道' });
  if (written > MAX_QUESTIONS) problems.unshift({ line: 0, message: `最多 ${MAX_QUESTIONS} 道题，现在有 ${written} 道` });
  return { questions, problems };
}

/** The problems in words, each with its line: "第 3 行：单选题需要至少 2 个选项；…". */
export function problemsInWords(problems: readonly LineProblem[]): string {
  const said = problems.slice(0, MAX_PROBLEMS_SAID).map((problem) => (problem.line > 0 ? `第 ${problem.line} 行：${problem.message}` : problem.message));
  return said.join('；') + (problems.length > MAX_PROBLEMS_SAID ? `；另有 ${problems.length - MAX_PROBLEMS_SAID} 处问题` : '');
}

/** The questions as CreateSurveyDto's `questions`: options only for choices, an aspect only when given. */
export function asQuestionInputs(questions: readonly QuestionLine[]): Array<Record<string, unknown>> {
  return questions.map(({ kind, prompt, options, required, aspect }) => ({
    kind,
    prompt,
    required,
    ...(options ? { options } : {}),
    ...(aspect ? { aspect } : {}),
  }));
}

function readLine(raw: string, line: number, aspects: readonly string[]): QuestionLine | { problems: LineProblem[] } | null {
  const text = raw.trim().replace(NUMBERING, '');
  if (text === '') return null;
  const problems: string[] = [];
  const kinds: QuestionKind[] = [];
  const required = new Set<boolean>();
  const named: string[] = [];
  // The text before the kind tag is the prompt; after it, the options.
  const before: string[] = [];
  const after: string[] = [];
  let last = 0;
  for (const match of text.matchAll(TAG)) {
    (kinds.length ? after : before).push(text.slice(last, match.index));
    last = match.index + match[0].length;
    const tag = match[1].trim();
    const aspect = ASPECT_TAG.exec(tag);
    const tagged = KIND_TAGS.get(tag);
    if (tagged) kinds.push(tagged);
    else if (REQUIRED_TAGS.has(tag)) required.add(true);
    else if (OPTIONAL_TAGS.has(tag)) required.add(false);
    else if (aspect) named.push(aspect[1].trim());
    else problems.push(`不认识的标记“${match[0]}”，可用的有 [单选] [多选] [评分] [必填] [方面：…]`);
  }
  (kinds.length ? after : before).push(text.slice(last));

  const kind = kinds[0] ?? 'text';
  const prompt = before.join('').trim();
  const rest = after.join('').trim();
  if (kinds.length > 1) problems.push('一道题只能有一种题型');
  if (required.size > 1) problems.push('[必填] 和 [选填] 只能写一个');
  if (prompt === '') problems.push(kinds.length ? `请在 [${tagOf(kind)}] 前面写题目` : '请写题目');
  else if ([...prompt].length > MAX_PROMPT_LENGTH) problems.push(`题目最多 ${MAX_PROMPT_LENGTH} 个字（现在 ${[...prompt].length} 个字），可分成两行两道题`);

  let options: string[] | null = null;
  if (kind === 'single' || kind === 'multi') {
    options = rest.split(OPTION_SEPARATOR).map((option) => option.trim()).filter((option) => option !== '');
    problems.push(...optionProblems(kind, options));
  } else if (rest !== '') {
    problems.push(kind === 'rating' ? `评分题不用写选项（固定为 1–5 分），“${rest}”请删去` : `文字题不用写选项，“${rest}”请删去或写在 [文字] 前面`);
  }

  const aspect = named[0] ?? null;
  if (named.length > 1) problems.push('一道题只能对应一个方面');
  else if (aspect !== null) problems.push(...aspectProblems(kind, aspect, aspects));

  if (problems.length) return { problems: problems.map((message) => ({ line, message })) };
  return { line, kind, prompt, options, required: required.has(true), aspect };
}

function optionProblems(kind: 'single' | 'multi', options: string[]): string[] {
  const problems: string[] = [];
  if (options.length < MIN_OPTIONS) problems.push(`${KIND_WORDS[kind]}需要至少 ${MIN_OPTIONS} 个选项，写在 [${tagOf(kind)}] 后面，用 / 隔开`);
  if (options.length > MAX_OPTIONS) problems.push(`最多 ${MAX_OPTIONS} 个选项（现在 ${options.length} 个）`);
  const tooLong = options.find((option) => [...option].length > MAX_OPTION_LENGTH);
  if (tooLong) problems.push(`每个选项最多 ${MAX_OPTION_LENGTH} 个字（“${[...tooLong].slice(0, 10).join('')}…”过长）`);
  const repeated = options.find((option, index) => options.indexOf(option) !== index);
  if (repeated) problems.push(`选项“${repeated}”重复了`);
  return problems;
}

function aspectProblems(kind: QuestionKind, aspect: string, aspects: readonly string[]): string[] {
  if (kind !== 'text') return ['只有文字题可以对应方面（选择题、评分题的回答不进入意见清单）'];
  if (aspect === '') return ['请在“方面：”后写方面的名称'];
  if (aspects.includes(aspect)) return [];
  return [aspects.length ? `“${aspect}”不是本次会议的对照检查方面，可选：${aspects.join('、')}` : '本次会议还没有设置对照检查方面'];
}

function tagOf(kind: QuestionKind): string {
  return KIND_WORDS[kind].slice(0, 2);
}
