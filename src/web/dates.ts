/**
 * Dates as people read them on the pages: "2026年12月21日". The pages keep ISO days everywhere
 * else — form fields, the API, exports, data attributes — and word them only when shown.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;
const TIME = /^\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2})/;

/**
 * `2026-12-21` → `2026年12月21日`. Reads only the day part of a longer ISO string. Text that is
 * not an ISO day is returned as it is, so a page never shows less than it was given.
 */
export function dayInWords(day: string): string {
  const match = ISO_DAY.exec(day);
  if (!match) return day;
  const [, year, month, date] = match;
  return `${year}年${Number(month)}月${Number(date)}日`;
}

/**
 * `2026-12-21T14:30` or `2026-12-21 14:30` (a local date-time) → `2026年12月21日 14:30`.
 * Never for a box or survey opinion: those keep only their day.
 */
export function dayTimeInWords(dayTime: string): string {
  const time = TIME.exec(dayTime);
  return time ? `${dayInWords(dayTime)} ${time[1]}:${time[2]}` : dayInWords(dayTime);
}
