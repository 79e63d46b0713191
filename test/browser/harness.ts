import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { Browser, BrowserContext, chromium, Page, Response } from 'playwright-core';
import { createTestApp, TestApp } from '../setup/test-app';

/**
 * The browser harness: Debian's Chromium, headless, driven by playwright-core (no browser
 * download). One browser per test file; one fresh context (no cookies, no storage) per flow, at a
 * phone's width. A flow fails on any console error or uncaught page error, any server error, and
 * any request to a host other than this machine: the pages must load nothing from elsewhere.
 * Every flow leaves a screenshot in test/browser/artifacts/.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const INSTALL_HINT = `Install Debian's Chromium: apt-get install -y --no-install-recommends chromium (or set CHROMIUM_PATH to a Chromium binary).`;

/** Without the background-networking flags Chromium tries to reach Google, which the closed network refuses. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PHONE = { width: 375, height: 740 };
export const DESK = { width: 1280, height: 900 };
export const ARTIFACTS_DIR = join(__dirname, 'artifacts');
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface FlowOptions {
  /** false: the browser runs no page script, as on a phone that blocks JavaScript. */
  javaScript: boolean;
}

export interface Flow {
  page: Page;
  context: BrowserContext;
  /** Runs one step of the flow; a failure names the step and where the page was. */
  step<T>(name: string, run: () => Promise<T>): Promise<T>;
}

export interface BrowserHarness {
  /** Opens a fresh context and page, runs the flow, screenshots it, and fails on any problem the page showed. */
  flow(options: FlowOptions, run: (flow: Flow) => Promise<void>): Promise<void>;
}

/** Launches the browser once for the calling test file (call at describe level). */
export function useBrowser(): BrowserHarness {
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    async flow(options, run) {
      if (!browser) throw new Error('the browser is not running: useBrowser() must be called in a describe block, and its beforeAll must have succeeded');
      const name = screenshotName(expect.getState().testPath, expect.getState().currentTestName);
      // A screenshot of an earlier run must not pass for this one's.
      for (const stale of [`${name}.png`, `${name}-failed.png`]) rmSync(join(ARTIFACTS_DIR, stale), { force: true });
      const context = await browser.newContext({
        viewport: PHONE,
        javaScriptEnabled: options.javaScript,
        locale: 'zh-CN',
        serviceWorkers: 'block',
      });
      context.setDefaultTimeout(5_000);
      context.setDefaultNavigationTimeout(10_000);
      const problems: string[] = [];

      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (LOCAL_HOSTS.has(url.hostname)) return route.continue();
        problems.push(`request to another host: ${route.request().method()} ${url.href}`);
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      // Pages answered with a 4xx status on purpose (a form re-shown with its error): the flow checks
      // that status itself, so Chromium's console line about it is no problem. Any other failed
      // load (the script, a style, an image) still is.
      const refusedPages = new Set<string>();
      page.on('response', (response) => {
        const request = response.request();
        if (response.status() >= 500) problems.push(`server error: ${request.method()} ${response.url()} answered ${response.status()}`);
        else if (response.status() >= 400 && request.isNavigationRequest() && request.frame() === page.mainFrame()) refusedPages.add(response.url());
      });
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (/^Failed to load resource: the server responded with a status of 4\d\d\b/.test(message.text()) && refusedPages.has(message.location().url)) return;
        problems.push(`console error on ${page.url()}: ${message.text()}${message.location().url ? ` (${message.location().url})` : ''}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`));

      const step = async <T>(stepName: string, body: () => Promise<T>): Promise<T> => {
        try {
          return await body();
        } catch (error) {
          throw await explain(error, `step "${stepName}" failed`, page);
        }
      };

      try {
        await run({ page, context, step });
      } catch (error) {
        await screenshot(page, `${name}-failed`);
        const failure = error instanceof Error ? error : new Error(String(error));
        if (problems.length) rewrite(failure, `${failure.message}\n\nThe page also showed these problems:\n- ${problems.join('\n- ')}`);
        await context.close().catch(() => undefined);
        throw failure;
      }
      await screenshot(page, name);
      await context.close();
      if (problems.length) throw new Error(`The flow ran, but the page showed problems:\n- ${problems.join('\n- ')}`);
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: the browser tests need it. ${INSTALL_HINT}`);
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new Error(`Chromium at ${CHROMIUM_PATH} did not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** The app as production starts it, listening on a real port of 127.0.0.1. */
export async function startServer(overrides: Record<string, string> = {}): Promise<{ t: TestApp; baseUrl: string }> {
  const t = await createTestApp(overrides);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return { t, baseUrl: `http://127.0.0.1:${port}` };
}

/** Clicks what sends a form or follows a link, and returns the response of the page it loads. */
export async function clickAndLoad(page: Page, selector: string): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.request().isNavigationRequest() && candidate.request().frame() === page.mainFrame()),
    page.click(selector),
  ]);
  await page.waitForLoadState('load');
  return response;
}

/**
 * The little of the DOM the harness reads inside the page. The test build has no DOM types (adding
 * them would change the globals every Node test sees), so they are declared here, for this module.
 */
declare const document: {
  title: string;
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelector(selector: string): { textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
};

/** How wide the page is laid out, against the width the phone shows. */
export async function pageWidth(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
}

/** A readable account of the page: address, title and any alert on it. */
export async function describePage(page: Page): Promise<string> {
  try {
    const { title, alerts, heading } = await page.evaluate(() => ({
      title: document.title,
      heading: document.querySelector('h1')?.textContent?.trim() ?? '',
      alerts: Array.from(document.querySelectorAll('.alert')).map((node) => node.textContent?.trim() ?? ''),
    }));
    return `the page was ${page.url()} (title "${title}", heading "${heading}"${alerts.length ? `, alerts: ${alerts.map((text) => `"${text}"`).join(', ')}` : ''})`;
  } catch {
    return `the page was ${page.url()}`;
  }
}

async function explain(error: unknown, what: string, page: Page): Promise<Error> {
  const failure = error instanceof Error ? error : new Error(String(error));
  return rewrite(failure, `${what}; ${await describePage(page)}:\n${failure.message}`);
}

/** Changes an error's message where Jest reads it: the message, and the stack that repeats it. */
function rewrite(error: Error, message: string): Error {
  error.message = message;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  error.stack = [`${error.name}: ${message}`, ...frames].join('\n');
  return error;
}

async function screenshot(page: Page, name: string): Promise<void> {
  try {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true, timeout: 5_000 });
  } catch {
    // A screenshot is a help for the reader; its failure must not hide the test's own result.
  }
}

/** `<spec file>--<test name>`, e.g. `box-page--意见箱-page-…-with-JavaScript-…`. */
function screenshotName(testPath: string | undefined, testName: string | undefined): string {
  const file = basename(testPath ?? 'browser').replace(/\.browser-spec\.ts$/, '');
  const test = (testName ?? 'flow').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return `${file}--${test}`.slice(0, 150);
}

/**
 * A test file's screenshots, numbered, in artifacts/<name>/ (emptied first): each page at a desk
 * and on a phone (then back at the width it had), failing unless it fits the phone.
 */
export function screenshotSeries(name: string): (page: Page, label: string) => Promise<void> {
  const dir = join(ARTIFACTS_DIR, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let shot = 0;
  return async (page, label) => {
    shot += 1;
    const prefix = join(dir, `${String(shot).padStart(2, '0')}-${label}`);
    const before = page.viewportSize() ?? DESK;
    await page.setViewportSize(DESK);
    await page.screenshot({ path: `${prefix}-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${prefix}-375.png`, fullPage: true });
    const widths = await pageWidth(page);
    expect({ page: label, ...widths, fitsThePhone: widths.scrollWidth <= widths.clientWidth }).toEqual({ page: label, ...widths, fitsThePhone: true });
    await page.setViewportSize(before);
  };
}

/** Signs in through the sign-in page as a flow step. */
export async function signInAs({ page, step }: Flow, baseUrl: string, username: string, password: string): Promise<void> {
  await step(`sign in as ${username}`, async () => {
    await page.goto(`${baseUrl}/login`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await clickAndLoad(page, '#login');
  });
}
