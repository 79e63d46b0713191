/**
 * A list of people as an organiser has it (姓名 部门 职务, one person a line, pasted from Excel or
 * typed, or the rows of an uploaded sheet): read into rows, with what is wrong with each line said
 * in words. Pure: the import page decides what to create from it.
 */

/** How an account is set up from a person's 职务: a team member, a department's head, staff, or no account. */
export const IMPORT_ROLES = ['leader', 'head', 'staff', 'none'] as const;
export type ImportRole = (typeof IMPORT_ROLES)[number];

export const IMPORT_ROLE_NAMES: Record<ImportRole, string> = {
  leader: '班子成员',
  head: '部门负责人',
  staff: '干部职工',
  none: '不建账号',
};

export interface ListedPerson {
  /** The line (or sheet row) it came from, counted from 1. */
  line: number;
  name: string;
  department: string;
  title: string;
}

export interface SkippedLine {
  line: number;
  text: string;
  problem: string;
}

export interface PeopleList {
  people: ListedPerson[];
  skipped: SkippedLine[];
}

const MAX_NAME = 100;
const MAX_DEPARTMENT = 100;
const HEADER = { name: /姓名|名字/, department: /部门|单位|科室|处室/, title: /职务|职位|岗位/ };

/** A pasted list: Excel gives tabs; typed lists use commas (either width), 、 or spaces. */
export function parsePeopleText(text: string): PeopleList {
  const rows = text.split(/\r\n|\r|\n/).map(splitLine);
  return parsePeopleRows(rows);
}

/** The cells of one line: by tab when there is one (empty cells kept), else by commas, else by spaces. */
export function splitLine(line: string): string[] {
  const trimmed = line.replace(/^\uFEFF/, '');
  if (trimmed.includes('\t')) return trimmed.split('\t').map(clean);
  if (/[,，、;；]/.test(trimmed)) return trimmed.split(/[,，、;；]/).map(clean);
  return trimmed.trim().split(/[\s\u3000]+/).map(clean).filter((cell, index) => cell !== '' || index === 0);
}

/**
 * Rows of cells (a pasted list's lines, a sheet's rows): a first row naming 姓名 (and 部门, 职务)
 * is a header and says which column holds what; without one the columns are 姓名, 部门, 职务.
 * Blank rows are passed over; a row without a name, or a second row for the same name in the
 * same department, is skipped with its reason.
 */
export function parsePeopleRows(rows: string[][]): PeopleList {
  let columns = { name: 0, department: 1, title: 2 };
  let start = 0;
  const first = rows.findIndex((row) => row.some((cell) => clean(cell) !== ''));
  if (first >= 0 && isHeader(rows[first])) {
    const header = rows[first].map(clean);
    const find = (pattern: RegExp, fallback: number) => {
      const index = header.findIndex((cell) => pattern.test(cell));
      return index >= 0 ? index : fallback;
    };
    columns = { name: find(HEADER.name, 0), department: find(HEADER.department, -1), title: find(HEADER.title, -1) };
    start = first + 1;
  }
  const people: ListedPerson[] = [];
  const skipped: SkippedLine[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (index < start) return;
    const cells = row.map(clean);
    if (cells.every((cell) => cell === '')) return;
    const line = index + 1;
    const text = cells.filter(Boolean).join(' ');
    const cell = (column: number) => (column >= 0 ? cells[column] ?? '' : '');
    const person = { line, name: cell(columns.name), department: cell(columns.department), title: cell(columns.title) };
    const problem = problemOf(person, seen);
    if (problem) skipped.push({ line, text, problem });
    else {
      seen.add(keyOf(person));
      people.push(person);
    }
  });
  return { people, skipped };
}

function problemOf(person: ListedPerson, seen: Set<string>): string | undefined {
  if (!person.name) return '缺少姓名';
  if (person.name.length > MAX_NAME) return '姓名过长';
  if (person.department.length > MAX_DEPARTMENT) return '部门名称过长';
  if (seen.has(keyOf(person))) return '与前面的行重复';
  return undefined;
}

const keyOf = (person: Pick<ListedPerson, 'name' | 'department'>) => `${person.name}\u0000${person.department}`;

function isHeader(row: string[]): boolean {
  return row.some((cell) => /^(姓名|名字)$/.test(clean(cell)));
}

function clean(cell: unknown): string {
  return String(cell ?? '').replace(/[\s\u3000]+/g, ' ').trim();
}

/**
 * The account a 职务 suggests; the organiser can change it in the preview.
 * - 书记 / 主要负责 (not 副, not a branch's): a team member, likely the 主要负责同志;
 * - 副书记, 局长, 副局长, 班子成员, 党组成员 …: a team member;
 * - 主任, 处长, 科长 … (not 副): staff, and the head of their department;
 * - anyone else: staff.
 */
export function guessRole(title: string): { role: ImportRole; secretary: boolean } {
  const t = title.replace(/\s+/g, '');
  if (/支部/.test(t)) return { role: 'staff', secretary: false };
  if (/纪委书记|纪检/.test(t)) return { role: 'leader', secretary: false };
  if (/主要负责/.test(t) || (/书记/.test(t) && !/副书记/.test(t))) return { role: 'leader', secretary: true };
  if (/副书记|班子成员|党组成员|党委委员|党委成员|局长|厅长|院长|校长|总经理|董事长|总工程师|总会计师|总经济师|主席/.test(t)) return { role: 'leader', secretary: false };
  if (/(主任|处长|科长|部长|所长|队长|经理|站长)/.test(t) && !/副/.test(t)) return { role: 'head', secretary: false };
  return { role: 'staff', secretary: false };
}

/** An initial password: 12 characters without look-alikes (0/O, 1/l/I), read out or printed once. */
export function newPassword(random: (size: number) => Buffer): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return [...random(12)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** A username when no pinyin is at hand: `u` and six digits; the organiser can change it in the preview. */
export function newUsername(random: (size: number) => Buffer): string {
  const digits = random(6).reduce((text, byte) => text + String(byte % 10), '');
  return `u${digits}`;
}
