import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';

/** Where the demo's seeding writes the addresses it made (a survey token exists nowhere else in the clear). */
export const DEMO_ADDRESSES_FILE = 'demo-addresses.json';

/** What the demo organisation offers to try, as written at seeding. */
export interface DemoAddresses {
  accounts: string;
  box: string;
  survey: string;
}

/**
 * The few lines a start prints: where to open, where to sign in, where the API is described,
 * and, on the embedded default with the demo, who to sign in as and where to write an opinion.
 */
export function startupBanner(config: AppConfig): string[] {
  const base = config.publicBaseUrl;
  const lines = [`Tanxin is listening on ${config.host}:${config.port}: open ${base}/ · sign in at ${base}/login · API at ${base}/api/docs`];
  if (!config.publicBaseUrlGiven) {
    lines.push(`PUBLIC_BASE_URL is not set: box posters, QR codes, survey cards and webhook links will point to ${base}, which other people's phones cannot open; set it to the address they use`);
  }
  const demo = readDemoAddresses(config.dataDir);
  if (config.demoData && demo) {
    lines.push(`demo accounts: ${demo.accounts}`);
    lines.push(`demo box (意见箱): ${demo.box}`);
    lines.push(`demo survey (征求意见表, one unanswered token): ${demo.survey}`);
  }
  return lines;
}

function readDemoAddresses(dataDir: string): DemoAddresses | null {
  const file = join(dataDir, DEMO_ADDRESSES_FILE);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DemoAddresses;
  } catch {
    return null;
  }
}
