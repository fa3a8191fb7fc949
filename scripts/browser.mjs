// Finds a Chromium for Playwright: CHROMIUM_PATH, Debian's /usr/bin/chromium, another installed
// Chrome/Chromium, or Playwright's own download. Returns undefined when there is none.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The path to use as Playwright's executablePath; null means Playwright's own browser. */
export function findBrowser() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const path of CANDIDATES) if (existsSync(path)) return path;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      const found = execFileSync('which', [name], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    if (existsSync(chromium.executablePath())) return null;
  } catch {
    // no Playwright browser either
  }
  return undefined;
}
