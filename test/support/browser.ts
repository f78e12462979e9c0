// Launches Debian's Chromium for the browser suites via playwright-core; skips locally (one line) or fails in CI when it is missing.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig, type Config } from '../../src/config.js';

/** The flags every helper uses for Chromium on these machines (see notes/common.md). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether the browser suites can run here. With no Chromium at config.chromePath this throws
 * in CI (a browser suite must never silently skip there) and otherwise prints one line and returns false.
 */
export function browserAvailable(config: Pick<Config, 'chromePath' | 'ci'> = loadConfig()): boolean {
  if (existsSync(config.chromePath)) return true;
  const message = `Chromium not found at ${config.chromePath} (install Debian's chromium or set CHROME_PATH)`;
  if (config.ci) throw new Error(`${message}: the browser suites must run in CI.`);
  console.warn(`skipping browser suites: ${message}.`);
  return false;
}

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** The worker's Chromium: suites in one test worker run one after another and share it (each launch costs about 1.6 s of CPU). */
let running: Promise<Browser> | null = null;

/**
 * Chromium headless for one suite: the test worker's one browser, started by the first suite that asks and kept
 * for the next (Playwright ends it when the worker exits). playwright-core gives a launch a fresh temporary
 * profile (its own --user-data-dir, deleted on close), and each suite works in contexts of its own, which `close`
 * ends: no cookie or storage passes from one suite to the next. Pages should come from `browser.newContext()`
 * (@axe-core/playwright needs that).
 */
export async function launchBrowser(
  config: Pick<Config, 'chromePath'> = loadConfig(),
): Promise<LaunchedBrowser> {
  let browser = running ? await running.catch(() => null) : null;
  if (!browser?.isConnected()) {
    running = chromium.launch({ executablePath: config.chromePath, headless: true, args: chromiumArgs });
    browser = await running.catch((error: unknown) => {
      running = null;
      throw error;
    });
  }
  const mine = browser;
  return {
    browser: mine,
    close: async () => {
      await Promise.all(mine.contexts().map((context) => context.close()));
    },
  };
}
