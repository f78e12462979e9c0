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

/**
 * Starts Chromium headless. playwright-core gives every launch a fresh temporary profile
 * (its own --user-data-dir, deleted on close), so no state leaks between runs.
 * Pages should come from `browser.newContext()` (@axe-core/playwright needs that).
 */
export async function launchBrowser(
  config: Pick<Config, 'chromePath'> = loadConfig(),
): Promise<LaunchedBrowser> {
  const browser = await chromium.launch({
    executablePath: config.chromePath,
    headless: true,
    args: chromiumArgs,
  });
  return { browser, close: () => browser.close() };
}
