/** One opinion as the `cluster` command reads it. */
export interface OpinionLine {
  id: string;
  text: string;
  aspect?: string | null;
  target?: string | null;
}

/**
 * Reads JSON lines of opinions ({"id","text","aspect"?,"target"?}; other fields, such as a
 * labelled set's "cluster", are ignored). Blank lines are skipped. The first malformed line
 * (not JSON, no string id or text, a repeated id) is reported by its number, counted from 1.
 */
export function readOpinionLines(content: string): { opinions: OpinionLine[] } | { problem: string } {
  const opinions: OpinionLine[] = [];
  const firstLineOf = new Map<string, number>();
  const lines = content.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (line.trim() === '') continue;
    const number = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return { problem: `line ${number} is not JSON (${(error as Error).message})` };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: `line ${number} is not a JSON object` };
    const { id, text, aspect, target } = value as Record<string, unknown>;
    if (typeof id !== 'string' || id === '') return { problem: `line ${number} has no "id" string` };
    if (typeof text !== 'string') return { problem: `line ${number} has no "text" string` };
    if (aspect !== undefined && aspect !== null && typeof aspect !== 'string') return { problem: `line ${number}: "aspect" must be a string or null` };
    if (target !== undefined && target !== null && typeof target !== 'string') return { problem: `line ${number}: "target" must be a string or null` };
    const earlier = firstLineOf.get(id);
    if (earlier !== undefined) return { problem: `line ${number} repeats the id "${id}" of line ${earlier}` };
    firstLineOf.set(id, number);
    opinions.push({ id, text, aspect: (aspect as string | null | undefined) ?? null, target: (target as string | null | undefined) ?? null });
  }
  return { opinions };
}
