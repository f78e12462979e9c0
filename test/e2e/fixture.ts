// One start-up for the browser suites: the real server (site-server.ts), Chromium (support/browser.ts), the screenshot folder and signing people in.
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { CSRF_COOKIE } from '../../src/http/plugins/auth.js';
import { CSRF_HEADER } from '../../src/http/plugins/csrf.js';
import { launchBrowser } from '../support/browser.js';
import { startSiteServer, type SiteServer, type SiteServerOptions } from './site-server.js';

/** Where the suites write their screenshots (look at them after a run). */
export const screens = '.tmp/screens';
/** CI reads no pictures: the axe suites take theirs on a developer's run, or with SCREENSHOTS=1. */
const axeScreenshots = !process.env.CI || process.env.SCREENSHOTS === '1';
export const desktop = { width: 1280, height: 900 } as const;

/** The machine is shared: give each page up to 30 s to show what it should. */
export const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });

/** Opens every fold of What is due (receipts, later and late work), as a reader looking for an item would. */
export async function openFolds(page: Page): Promise<void> {
  await page.locator('#due-done').waitFor();
  const closed = page.locator('main details:not([open]) > summary');
  for (let n = await closed.count(); n > 0; n--) await closed.first().click();
}

export interface E2eOptions extends Omit<SiteServerOptions, 'clock'> {
  /** Freezes the server's clock at this time (moved with `setNow`); real time when absent. */
  now?: Date;
}

export interface E2e extends SiteServer {
  browser: Browser;
  /** The server's frozen time (or the real time when the suite did not freeze it). */
  now(): Date;
  setNow(now: Date): void;
  /**
   * Signs the page's context in (through the sign-in API, as the form does) and opens `next`, hydrated. A frozen clock
   * runs at the real time meanwhile: the browser would drop a session cookie whose expiry lies in the past.
   */
  signIn(page: Page, email: string, password: string, next?: string): Promise<void>;
  /** A new 1280 px browser context with a page signed in as `email`, left where sign-in sends it. */
  signedIn(email: string, password: string, next?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the server and Chromium for one suite (call in beforeAll; `close` in afterAll). */
export async function startE2e({ now: frozen, ...options }: E2eOptions = {}): Promise<E2e> {
  let now = frozen;
  let realTime = false;
  const clock = frozen ? () => (realTime || !now ? new Date() : now) : undefined;
  const server = await startSiteServer({ ...options, ...(clock ? { clock } : {}) });
  let chrome;
  try {
    chrome = await launchBrowser();
  } catch (error) {
    await server.close();
    throw error;
  }
  mkdirSync(screens, { recursive: true });
  const { browser } = chrome;

  async function signIn(page: Page, email: string, password: string, next = '/'): Promise<void> {
    realTime = true;
    try {
      // The sign-in form itself is the auth suite's: here the page's own cookie jar signs in through the same API
      // the form posts to (password, rate limit, session cookie), which spares a page load per sign-in.
      const csrf = 'e2e-sign-in';
      await page.context().addCookies([{ name: CSRF_COOKIE, value: csrf, url: server.url }]);
      const res = await page.request.post(`${server.url}/api/auth/sign-in`, {
        data: { email, password },
        headers: { [CSRF_HEADER]: csrf, origin: server.url },
      });
      if (!res.ok()) throw new Error(`signing in ${email} answered ${res.status()}: ${await res.text()}`);
      await page.goto(`${server.url}${next}`);
      // The page answers clicks once hydrated (a menu button rendered by the server does nothing before).
      await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
    } finally {
      realTime = false;
    }
  }

  return {
    ...server,
    browser,
    now: () => now ?? new Date(),
    setNow(next) {
      if (!frozen) throw new Error('startE2e({ now }) freezes the clock; this suite runs at the real time');
      now = next;
    },
    signIn,
    async signedIn(email, password, next = '/') {
      const page = await (await browser.newContext({ viewport: desktop })).newPage();
      await signIn(page, email, password, next);
      return page;
    },
    async close() {
      await chrome.close();
      await server.close();
    },
  };
}

export interface AxeOptions {
  /** The widths to check at (phones 812 px high, the rest 900); the viewport goes back to 1280 px after several. */
  widths?: readonly number[];
  /** Only this part of the page (a CSS selector) is screenshot and checked. */
  within?: string;
  /** Reload at each width and wait for this before the check. */
  ready?: (page: Page) => Promise<void>;
  /** Report when the page scrolls sideways (tables must scroll inside their box). */
  sideways?: boolean;
}

/** A screenshot for a developer to look at; CI reads no pictures and takes them only with SCREENSHOTS=1. */
export async function snap(target: Page | Locator, path: string, fullPage = false): Promise<void> {
  if (!axeScreenshots) return;
  if (fullPage) await (target as Page).screenshot({ path, fullPage });
  else await target.screenshot({ path });
}

/**
 * Axe on a page, keeping whole only what the suites read: the violations (nodes that pass are counted, not
 * described, which takes axe most of its time on a long page).
 */
export async function axe(page: Page): Promise<AxeBuilder> {
  // axe-core runs in the page itself (legacy mode): the default mode opens a blank page for every pass to merge the
  // frames' results in, which doubled a pass's cost. Its 500 kB source is evaluated once per document, not twice a pass
  // (a page with frames gets it anew: each frame needs its own copy).
  const loaded = await page.evaluate('typeof window.axe === "object" && window.frames.length === 0');
  return new AxeBuilder({ page, ...(loaded ? { axeSource: 'void 0' } : {}) })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] });
}

/** Screenshots `page` as `${name}-${width}.png` (just `${name}.png` at one width) and returns axe's findings, one line each. */
export async function axeAt(
  page: Page,
  name: string,
  { widths = [1280], within, ready, sideways = false }: AxeOptions = {},
): Promise<string[]> {
  const found: string[] = [];
  const several = widths.length > 1;
  for (const width of widths) {
    if (several) await page.setViewportSize({ width, height: width <= 400 ? 812 : 900 });
    if (ready) {
      await page.reload();
      await ready(page);
    }
    const at = several ? ` @${width}` : '';
    const path = `${screens}/${name}${several ? `-${width}` : ''}.png`;
    await snap(within ? page.locator(within) : page, path, !within);
    const builder = await axe(page);
    const result = await (within ? builder.include(within) : builder).analyze();
    found.push(
      ...result.violations.map(
        (v) => `${name}${at}: ${v.id} (${v.nodes.length}×) ${v.help}: ${v.nodes[0]?.target.join(' ')}`,
      ),
    );
    if (sideways) {
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      if (overflow > 0) found.push(`${name}${at}: the page scrolls sideways by ${overflow} px`);
    }
  }
  if (several) await page.setViewportSize(desktop);
  return found;
}
