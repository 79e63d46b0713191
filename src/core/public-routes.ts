/**
 * The routes people use without an account, named once. Their requests are counted by the day
 * instead of logged one by one (PublicRequestTally), and their errors are answered as pages or JSON.
 */

/** The server-rendered pages: the box (/b), receipt look-up (/r) and survey (/s) pages. */
export function isPagePath(url: string): boolean {
  return /^\/(b\/|r(\/|\?|$)|s\/)/.test(url);
}

/** The pages and the API under `/api/v1/public`. */
export function isPublicPath(url: string): boolean {
  return /^\/api\/v1\/public(\/|$)/.test(url) || isPagePath(url);
}

/** The pages behind a login (the session cookie): sign-in, the leader's items and the progress board. */
export function isSignedInPagePath(url: string): boolean {
  return /^\/(login|logout|me\/items)(\/|\?|$)/.test(url) || /^\/meetings\/[^/?]+\/board(\?|$)/.test(url);
}

/** Every route answered as HTML, errors included, and the only ones taking form posts. */
export function isHtmlPath(url: string): boolean {
  return isPagePath(url) || isSignedInPagePath(url);
}

/**
 * What a browser fetches along with a public page: the pages' script and the icons it asks for
 * unbidden. A timestamped line for one of these would date the visit to the page beside it.
 */
export function isPageFurniturePath(url: string): boolean {
  return /^\/(assets\/|favicon\.ico(\?|$)|apple-touch-icon[\w-]*\.png(\?|$))/.test(url);
}

/** The same routes as Nest middleware patterns (path-to-regexp v8), for excluding them from middleware. */
export const PUBLIC_ROUTE_PATTERNS = ['api/v1/public/*path', 'b/*path', 'r', 's/*path'];
