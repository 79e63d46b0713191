/**
 * The name an uploaded file is shown and downloaded under: no path, no control or reserved
 * characters, at most 200 characters, and the extension its content says it has (`extension`),
 * whatever it was called. `dropped` is the extension to take off the name as given.
 */
export function cleanFileName(given: string | undefined, fallbackStem: string, extension: string, dropped: RegExp): string {
  const base = (given ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f"<>|:*?]/g, '').trim().slice(0, 200);
  const stem = base.replace(dropped, '') || fallbackStem;
  return `${stem}.${extension}`;
}
