// certportal browser-test harness: serve.py + Debian's headless Chromium through playwright-core.
//
// Each test script imports this, calls withPortal(async ({page, url, consoleErrors}) => {...}),
// and throws on failure. Screenshots go to tests/artifacts/.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
export const artifacts = path.join(repo, 'tests', 'artifacts');
export const distDir = process.env.CERTPORTAL_DIST || path.join(repo, 'build', 'wasm', 'dist');

export const chromiumArgs = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-features=Translate,MediaRouter', '--hide-scrollbars',
];

// Starts serve.py on a free port for `dir` (the bundle by default); resolves with its URL once it
// prints it. The origin, and so the browser's storage, is tied to the port.
export function startServer(dir = distDir) {
  return new Promise((resolve, reject) => {
    const proc = spawn('python3', [path.join(repo, 'serve.py'), '--no-build', '--quiet', '--port', '0', '--dir', dir],
                       { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => { proc.kill(); reject(new Error('serve.py did not start: ' + out)); }, 10000);
    const onData = (d) => {
      out += d.toString();
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) { clearTimeout(timer); resolve({ url: m[0], stop: () => proc.kill('SIGINT') }); }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.py exited (${code}): ${out}`)); });
  });
}

export async function launch(options = {}) {
  const userDataDir = options.userDataDir || mkdtempSync(path.join(tmpdir(), 'certportal-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    viewport: options.viewport || { width: 1280, height: 800 },
    deviceScaleFactor: options.deviceScaleFactor || 1,
    locale: options.locale || 'en-US',
    hasTouch: !!options.hasTouch,
  });
  const cleanup = async () => {
    await context.close();
    if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, cleanup };
}

// Loads the portal and waits for its first frame. Collects console errors and page errors.
export async function withPortal(fn, options = {}) {
  mkdirSync(artifacts, { recursive: true });
  const server = await startServer();
  const { context, cleanup } = await launch(options);
  const page = context.pages()[0] || await context.newPage();
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  if (options.initScript) await page.addInitScript(options.initScript);
  try {
    const url = server.url + (options.query || '');
    await page.goto(url);
    await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 30000 });
    try {
      await fn({ page, url, consoleErrors, context });
    } catch (e) {
      // What the person saw when it went wrong.
      await page.screenshot({ path: path.join(artifacts, 'failure_' + (process.argv[2] || 'test') + '.png') }).catch(() => {});
      throw e;
    }
  } finally {
    await cleanup();
    server.stop();
  }
}

// Finds a widget of the last frame by its label (exact match).
export async function widget(page, label) {
  const all = await page.evaluate(() => window.certportal.widgets());
  const w = all.find((x) => x.label === label);
  if (!w) throw new Error(`no widget labelled "${label}"; have: ${all.map((x) => x.label).join(', ')}`);
  return w;
}

export function check(condition, message) {
  if (!condition) throw new Error('check failed: ' + message);
}

// Runs a test body and exits with a status ctest understands.
export function run(name, body) {
  body().then(() => { console.log(`ok ${name}`); process.exit(0); },
              (e) => { console.error(`FAIL ${name}: ${e.stack || e}`); process.exit(1); });
}
