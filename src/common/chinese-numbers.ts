const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 零 to 十 as a party document writes small numbers ("六个方面", "一是"); larger ones in digits. */
export function chineseNumeral(count: number): string {
  return DIGITS[count] ?? String(count);
}
