import { PASSWORD } from './organizations';
import { TestApp } from '../setup/test-app';

/** Signs in through the sign-in page (as a browser would) and returns the session cookie to send with page requests. */
export async function signInToPages(t: TestApp, username: string, password = PASSWORD): Promise<string> {
  const response = await t.http.post('/login').type('form').send({ username, password });
  if (response.status !== 303) throw new Error(`signing in as ${username} answered ${response.status}, not 303: ${response.text.slice(0, 300)}`);
  const cookie = [response.headers['set-cookie']].flat()[0] as string;
  return cookie.split(';')[0];
}

/** Where a signed-in page's form post sent the browser (a 303's Location), failing with the page's words otherwise. */
export function redirectedTo(response: { status: number; headers: Record<string, string>; text: string }): string {
  if (response.status !== 303) throw new Error(`expected a 303 after the form, got ${response.status}: ${response.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 400)}`);
  return response.headers.location;
}
