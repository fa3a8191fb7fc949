// Runs the Playwright suite against the built app. Finds a Chromium first; on a machine with
// none, installs Debian's chromium and fonts-noto-cjk when it can (root + apt), else says what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './browser.mjs';

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  return result.status ?? 1;
}

function canApt() {
  return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

function hasCjkFonts() {
  try {
    return execFileSync('fc-list', [':lang=ko'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

let browser = findBrowser();
const packages = [];
if (browser === undefined) packages.push('chromium');
if (!hasCjkFonts() && canApt()) packages.push('fonts-noto-cjk');
if (packages.length > 0 && canApt()) {
  console.log(`e2e: installing ${packages.join(' ')} from Debian's packages`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  browser = findBrowser();
}
if (browser === undefined) {
  console.error(
    'e2e: no Chromium found: install chromium (e.g. apt-get install chromium) or set CHROMIUM_PATH',
  );
  process.exit(1);
}

let status = run('npx', ['vite', 'build', '--logLevel', 'warn']);
if (status !== 0) process.exit(status);
status = run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
process.exit(status);
