import { chineseNumeral } from '../common/chinese-numbers';
import { dayInWords } from '../web/dates';

/**
 * The 对照检查材料 drafted from what was claimed: a pure function of the member's answers, the
 * meeting's aspects and the previous year's ledger, in the skeleton the source documents share —
 * 一、上年度整改措施落实情况; 二、存在的问题 (by aspect in the meeting's order, 一是/二是 …);
 * 三、产生问题的原因分析 (the member's own to write); 四、今后的努力方向和整改措施 （一）（二）….
 * Nothing is invented: a section with nothing to draw on says PLACEHOLDER.
 */

export const DRAFT_SECTION_KEYS = ['carry-over', 'problems', 'causes', 'measures'] as const;

/**
 * The 发言提纲's skeleton (what a member says at the meeting): 一、对照检查 (自我批评, the problems
 * they claimed, briefly); 二、对班子其他成员的批评意见 (相互批评: one line a fellow member, theirs to
 * write); 三、今后的努力方向 (the measures).
 */
export const OUTLINE_SECTION_KEYS = ['self-criticism', 'criticism', 'direction'] as const;

/** The drafts there are: the 对照检查材料's (`check`, a member's or the team's) and a member's 发言提纲 (`outline`). */
export const DRAFT_KINDS = ['check', 'outline'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export const DRAFT_KEYS: Record<DraftKind, readonly DraftSectionKey[]> = { check: DRAFT_SECTION_KEYS, outline: OUTLINE_SECTION_KEYS };
export const ALL_DRAFT_SECTION_KEYS = [...DRAFT_SECTION_KEYS, ...OUTLINE_SECTION_KEYS] as const;
export type DraftSectionKey = (typeof DRAFT_SECTION_KEYS)[number] | (typeof OUTLINE_SECTION_KEYS)[number];

/** The section whose words coverage looks for: where the claimed problems are told. */
const TOLD_IN: Record<DraftKind, DraftSectionKey> = { check: 'problems', outline: 'self-criticism' };

export const DRAFT_SECTION_TITLES: Record<DraftSectionKey, string> = {
  'carry-over': '一、上年度整改措施落实情况',
  problems: '二、存在的问题',
  causes: '三、产生问题的原因分析',
  measures: '四、今后的努力方向和整改措施',
  'self-criticism': '一、对照检查（自我批评）',
  criticism: '二、对班子其他成员的批评意见',
  direction: '三、今后的努力方向',
};

export const PLACEHOLDER = '（请结合自身实际补充）';

/** `team`: the 领导班子's material, written by the secretary. */
export const TEAM = 'team';

export interface DraftSection {
  key: DraftSectionKey;
  title: string;
  paragraphs: string[];
}

/** One claimed item with the answer drawn on (the lead's, or for the team any claim's). */
export interface DraftSource {
  itemId: string;
  aspect: string;
  /** The item's words, quoted as the 比如. */
  summary: string;
  /** 问题认识; null while unanswered. */
  reflection: string | null;
  /** 整改措施; null while unanswered. */
  measures: string | null;
  dueDate: string | null;
}

/** A previous year's ledger entry, as it stands now (here once carried over, else there). */
export interface DraftCarryOver {
  problem: string;
  dueDate: string;
  status: 'open' | 'overdue' | 'reported' | 'closed';
}

export interface DraftInput {
  /** The member's name; null for the team. */
  memberName: string | null;
  year: number;
  /** The meeting's aspects in order; items under other aspects (其他) come after, in the order met. */
  aspects: readonly string[];
  sources: DraftSource[];
  /** Null when the meeting names no previous one. */
  carryOver: DraftCarryOver[] | null;
}

export interface DraftCoverage {
  claimed: number;
  answered: number;
  missing: string[];
}

export function draftTitle(memberName: string | null, year: number, kind: DraftKind = 'check'): string {
  if (kind === 'outline') return `${memberName ?? '领导班子'}同志在${year}年度民主生活会上的发言提纲`;
  return memberName === null ? `领导班子${year}年度民主生活会对照检查材料` : `${memberName}同志${year}年度民主生活会个人对照检查材料`;
}

const CARRY_STATUS_WORDS: Record<DraftCarryOver['status'], string> = {
  closed: '已完成整改并销号',
  reported: '已报告完成，待销号',
  open: '正在整改',
  overdue: '已超过完成时限，尚未完成',
};

/** 一是 … 十是, then 第11条. */
export function pointOrdinal(index: number): string {
  return index < 10 ? `${chineseNumeral(index + 1)}是` : `第${index + 1}条`;
}

/** （一）…（十）, then （11）. */
export function partOrdinal(index: number): string {
  return `（${index < 10 ? chineseNumeral(index + 1) : String(index + 1)}）`;
}

/** A sentence ending in one full stop, whatever it ended with. */
function sentence(text: string): string {
  const trimmed = text.replace(/\s+/g, ' ').trim().replace(/[。；;，,.\s]+$/u, '');
  return trimmed ? `${trimmed}。` : '';
}

/** Text compared for coverage: no whitespace, no punctuation, so a re-wrapped or re-punctuated paragraph still matches. */
export function comparable(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * The 比如 rule: the item's words are quoted after the 问题认识 unless the member's reflection
 * already holds them (compared as `comparable`), so nothing is said twice.
 */
export function quotesSummary(reflection: string, summary: string): boolean {
  const words = comparable(summary);
  return words.length > 0 && !comparable(reflection).includes(words);
}

function answered(source: DraftSource): boolean {
  return !!source.reflection?.trim();
}

/** The aspects met, in the meeting's order, then any other (其他) in the order met. */
function aspectOrder(aspects: readonly string[], sources: DraftSource[]): string[] {
  const order = [...aspects];
  for (const source of sources) if (!order.includes(source.aspect)) order.push(source.aspect);
  return order.filter((aspect) => sources.some((source) => source.aspect === aspect));
}

export function assembleDraft(input: DraftInput): { title: string; sections: DraftSection[] } {
  const usable = input.sources.filter(answered);
  const carry = input.carryOver ?? [];
  const carryParagraphs = carry.map((entry, index) => `${pointOrdinal(index)}${sentence(entry.problem).replace(/。$/, '')}（完成时限：${dayInWords(entry.dueDate)}），${CARRY_STATUS_WORDS[entry.status]}。`);
  if (carry.length) {
    const closed = carry.filter((entry) => entry.status === 'closed').length;
    carryParagraphs.unshift(`上年度民主生活会查摆的问题中，${input.memberName === null ? '列入整改台账' : '本人牵头整改'}${carry.length}条，已完成整改并销号${closed}条。`);
  }
  const problems: string[] = [];
  const order = aspectOrder(input.aspects, usable);
  order.forEach((aspect, aspectIndex) => {
    problems.push(`${partOrdinal(aspectIndex)}在“${aspect}”方面。`);
    usable
      .filter((source) => source.aspect === aspect)
      .forEach((source, index) => {
        const reflection = sentence(source.reflection!);
        const example = quotesSummary(reflection, source.summary) ? `比如：${sentence(source.summary)}` : '';
        problems.push(`${pointOrdinal(index)}${reflection}${example}`);
      });
  });
  return {
    title: draftTitle(input.memberName, input.year),
    sections: [section('carry-over', carryParagraphs), section('problems', problems), section('causes', []), section('measures', measuresOf(usable, order))],
  };
}

/**
 * The 发言提纲 drafted from the same claims: the problems told briefly, one 一是/二是 a claim in the
 * meeting's aspect order (no 比如: the material carries those); a line for each fellow member,
 * to be written by the member (nothing is invented about a colleague); the measures as in the
 * material.
 */
export function assembleOutline(input: Omit<DraftInput, 'carryOver'> & { memberName: string; fellows: readonly string[] }): { title: string; sections: DraftSection[] } {
  const usable = input.sources.filter(answered);
  const order = aspectOrder(input.aspects, usable);
  const told = order.flatMap((aspect) => usable.filter((source) => source.aspect === aspect)).map((source, index) => `${pointOrdinal(index)}${sentence(source.reflection!)}`);
  const criticism = input.fellows.map((name) => `对${name}同志：${PLACEHOLDER}`);
  return {
    title: draftTitle(input.memberName, input.year, 'outline'),
    sections: [section('self-criticism', told), section('criticism', criticism), section('direction', measuresOf(usable, order))],
  };
}

function section(key: DraftSectionKey, paragraphs: string[]): DraftSection {
  return { key, title: DRAFT_SECTION_TITLES[key], paragraphs: paragraphs.length ? paragraphs : [PLACEHOLDER] };
}

/** In the order the problems are told (by aspect as the meeting lists them): （一）each claim's measures, joined with ；, and its 完成时限. */
function measuresOf(usable: DraftSource[], order: string[]): string[] {
  return order
    .flatMap((aspect) => usable.filter((source) => source.aspect === aspect))
    .filter((source) => source.measures?.trim())
    .map((source, index) => `${partOrdinal(index)}${sentence(source.measures!.split(/\n+/).map((line) => line.trim().replace(/[。；;]+$/u, '')).filter(Boolean).join('；'))}（完成时限：${source.dueDate ? dayInWords(source.dueDate) : '待定'}）`);
}

/**
 * Coverage: a claimed item is answered when the 存在的问题 section (the 发言提纲's 对照检查; as
 * assembled or as edited and saved) still holds its 问题认识, or failing that the item's own words — compared without
 * whitespace or punctuation. An unanswered claim is never answered; a member who rewrites a
 * problem beyond recognition sees it listed as missing, which is the point: the check is that
 * what was claimed is spoken to, in words the team can find.
 */
export function draftCoverage(sources: DraftSource[], sections: ReadonlyArray<Pick<DraftSection, 'key' | 'paragraphs'>>, kind: DraftKind = 'check'): DraftCoverage {
  const text = comparable(sections.filter((section) => section.key === TOLD_IN[kind]).flatMap((section) => section.paragraphs).join(''));
  const found = (words: string | null) => {
    const wanted = words ? comparable(words) : '';
    return wanted.length > 0 && text.includes(wanted);
  };
  const missing = sources.filter((source) => !(answered(source) && (found(source.reflection) || found(source.summary)))).map((source) => source.itemId);
  return { claimed: sources.length, answered: sources.length - missing.length, missing };
}
