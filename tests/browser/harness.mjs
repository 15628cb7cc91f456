// certportal browser-test harness: serve.py + a browser engine (tests/browser/engines.mjs:
// Chromium by default, Firefox or WebKit by CERTPORTAL_ENGINE).
//
// Each test script imports this, calls withPortal(async ({page, url, consoleErrors}) => {...}),
// and throws on failure. Screenshots go to tests/artifacts/ (named after the engine off Chromium).
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, engine, launchChromium, launchEngine } from './engines.mjs';

export { chromiumArgs, engine };

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '..', '..');
export const artifacts = path.join(repo, 'tests', 'artifacts');
export const distDir = process.env.CERTPORTAL_DIST || path.join(repo, 'build', 'wasm', 'dist');


// Starts serve.py on a free port for `dir` (the bundle by default); resolves with its URL once it
// prints it. The origin, and so the browser's storage, is tied to the port. The server's stdin is a
// pipe from this process and it stops when that pipe closes: it ends with this process however
// that ends (a case skipped before its clean-up, ctest's SIGKILL), not only through stop().
export function startServer(dir = distDir) {
  return new Promise((resolve, reject) => {
    // CERTPORTAL_SERVER_LOG=FILE: the server's request log is appended there (to see, after a
    // failure, which requests reached it and how they were answered).
    const log = process.env.CERTPORTAL_SERVER_LOG;
    const proc = spawn('python3', [path.join(repo, 'serve.py'), '--no-build', ...(log ? [] : ['--quiet']), '--stop-when-stdin-closes',
                                   '--port', '0', '--dir', dir],
                       { stdio: ['pipe', 'pipe', 'pipe'] });
    if (log) proc.stderr.on('data', (d) => appendFileSync(log, d));
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

// Chromium with its playwright context (for the Chromium-only tests: CDP, touch, contexts).
export async function launch(options = {}) {
  const { context, cleanup } = await launchChromium(options);
  return { context, cleanup };
}

// Loads the portal (options.dist: served from that folder instead of the build's) and waits for its
// first frame. Collects console errors and page errors.
export async function withPortal(fn, options = {}) {
  mkdirSync(artifacts, { recursive: true });
  const server = await startServer(options.dist);
  const { context, page, cleanup } = await launchEngine(options);
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  if (options.initScript) await page.addInitScript(options.initScript);
  // The document the test drives is marked, and marked again after each navigation the test makes:
  // one the browser replaced on its own (its web process restarted) is told apart from the portal
  // failing in the failure's message.
  const markDocument = () => page.evaluate(() => { window.__cpTestDocument = true; }).catch(() => {});
  for (const name of ['goto', 'reload']) {
    const own = page[name].bind(page);
    page[name] = async (...args) => { const r = await own(...args); await markDocument(); return r; };
  }
  try {
    const url = server.url + (options.query || '');
    await page.goto(url);
    await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 30000 });
    try {
      await fn({ page, url, consoleErrors, context });
    } catch (e) {
      // What the person saw when it went wrong.
      await page.screenshot({ path: path.join(artifacts, artifactName('failure_' + (process.argv[2] || 'test')) + '.png') }).catch(() => {});
      if (e && !e.driverHang && !(await page.evaluate(() => window.__cpTestDocument === true).catch(() => true))) {
        const said = 'the browser replaced the page under the test, no navigation asked: ';
        e.stack = said + (e.stack || e.message);
        e.message = said + e.message;
      }
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

// A screenshot's file name: Chromium's as it always was, the other engines' prefixed.
export function artifactName(name) { return engine === 'chromium' ? name : engine + '_' + name; }

// ctest's SKIP_RETURN_CODE (tests/CMakeLists.txt): an engine that cannot do what the test needs.
export const SKIPPED = 77;

// Runs a test body and exits with a status ctest understands.
// A case runs once. A driver that stopped answering (engines.mjs: DriverHang) or a page the
// browser replaced by itself (withPortal) fails it like any other cause, with that said in the
// message: a second try would hide a flake the suite must not have.
export function run(name, body) {
  body().then(() => { console.log(`ok ${engine} ${name}`); process.exit(0); },
    (e) => {
      if (e && e.unsupported) { console.log(`SKIP ${engine} ${name}: ${e.message}`); process.exit(SKIPPED); }
      console.error(`FAIL ${engine} ${name}: ${e.stack || e}`); process.exit(1);
    });
}
