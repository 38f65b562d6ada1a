#!/usr/bin/env node
// `npm start`: build the Chrome extension, then open Debian's Chromium with it loaded on an
// offline demo exchange page served from 127.0.0.1.
//
//   npm start                 with a display: the browser stays open until you close it
//   npm start -- --headless   (or no DISPLAY): screenshot to ./demo.png, then exit 0
//
// Chromium comes from apt, not from Playwright's download (CI reaches only npm and apt),
// so playwright-core drives /usr/bin/chromium directly. Flags follow browser-testing.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const EXTENSION_DIR = path.join(ROOT, 'dist', 'chrome');
const DEMO_PAGE = path.join(ROOT, 'e2e', 'fixtures', 'pages', 'demo.html');
const SCREENSHOT = path.join(ROOT, 'demo.png');
const headless = process.argv.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (!existsSync(CHROMIUM)) {
  console.error(`start: ${CHROMIUM} not found. Install it with:  apt-get install -y chromium`);
  process.exit(1);
}

console.log('start: building dist/chrome ...');
const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), 'chrome'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// Serves exactly one file; every other path is a 404, so nothing else in the repo is exposed.
const demoHtml = readFileSync(DEMO_PAGE);
const server = createServer((req, res) => {
  if (req.url === '/' || req.url === '/demo.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(demoHtml);
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const demoUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;

const profileDir = mkdtempSync(path.join(tmpdir(), 'margin-preflight-profile-'));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: CHROMIUM,
  headless,
  // Our own SIGINT handler below closes the browser and cleans up; Playwright's would exit(130) first.
  handleSIGINT: false,
  viewport: { width: 1100, height: 520 },
  args: [
    // Playwright passes --disable-extensions by default; --disable-extensions-except overrides it.
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    '--no-sandbox', // we run as root in CI containers
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

// Idempotent: Ctrl+C and the browser's own 'close' event may both ask for it.
let closing;
function shutdown() {
  closing ??= (async () => {
    await context.close().catch(() => {});
    server.closeAllConnections();
    server.close();
    // Retries: Chromium may still be flushing the profile for a moment after close.
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  })();
  return closing;
}

try {
  // The MV3 service worker proves the extension loaded; its URL host is the extension id.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  console.log(`start: extension loaded, id ${new URL(worker.url()).host} (service worker ${worker.url()})`);

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(demoUrl);
  console.log(`start: demo page "${await page.title()}" at ${demoUrl}`);

  if (headless) {
    await page.screenshot({ path: SCREENSHOT });
    console.log(`start: headless run, screenshot saved to ${path.relative(process.cwd(), SCREENSHOT) || SCREENSHOT}`);
    await shutdown();
  } else {
    console.log('start: browser is open; close its window (or press Ctrl+C) to exit.');
    process.once('SIGINT', () => void shutdown());
    await context.waitForEvent('close', { timeout: 0 });
    await shutdown();
  }
} catch (error) {
  console.error('start: failed:', error instanceof Error ? error.message : error);
  await shutdown();
  process.exit(1);
}
