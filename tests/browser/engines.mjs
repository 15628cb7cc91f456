// certportal browser tests on three engines: one small Page interface over three drivers, so a
// test is written once. The interface is the part of playwright's Page the tests use:
//   goto(url), reload(), evaluate(fn, arg), waitForFunction(fn, arg, {timeout}) → {jsonValue()},
//   waitForTimeout(ms), mouse.{move, click, wheel}, keyboard.{type, press}, screenshot({path}),
//   viewportSize(), isHidden(selector), waitForSelector(selector, {state, timeout}),
//   click(selector), on('console' | 'pageerror', fn), addInitScript(source), waitForEvent('load')
//
//   chromium  Debian's chromium, headless, SwiftShader — playwright-core's own Page
//   firefox   Debian's firefox-esr over WebDriver BiDi (puppeteer-core), a real window under Xvfb:
//             headless Firefox has no WebGL here (software GL: LIBGL_ALWAYS_SOFTWARE)
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver (selenium-webdriver), under Xvfb
//
// The engine comes from CERTPORTAL_ENGINE (tests/CMakeLists.txt sets it per test; the Xvfb
// display from xvfb-run). What a driver cannot do is refused by name (unsupported()), so a test
// can skip with the reason instead of passing silently.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const engine = process.env.CERTPORTAL_ENGINE || 'chromium';

export class Unsupported extends Error {
  constructor(what) { super(`${engine} cannot ${what}`); this.unsupported = true; }
}
export const unsupported = (what) => { throw new Unsupported(what); };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A driver that stops answering must fail the case with a reason, not hang it until ctest's
// timeout with no output (seen once in CI: WebKitWebDriver, silent for 300 s; the same case passed
// on the next run). Every WebDriver command is raced against a deadline, and such a hang fails the
// case with that said (no second try: harness.mjs's run()).
export class DriverHang extends Error {
  constructor(what, ms) { super(`${engine}'s driver did not answer "${what}" within ${ms} ms`); this.driverHang = true; }
}
function answered(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new DriverHang(what, ms)), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
const kDriverCommandMs = 60000;
const kDriverSessionMs = 120000;
const kLookMs = 10000;  // WebKit: one look at the page while polling (launchWebkit says why)

// The times of a browser's start-up and navigations, for a failure message (where a slow first
// navigation spent its time) and, with CERTPORTAL_TEST_TRACE=1, on stderr as they happen.
class Phases {
  constructor(name) { this.name = name; this.start = Date.now(); this.list = []; }
  mark(what) {
    const at = Date.now() - this.start;
    this.list.push(`${what} at ${(at / 1000).toFixed(1)} s`);
    if (process.env.CERTPORTAL_TEST_TRACE) console.error(`[${this.name} start-up] ${what}: ${(at / 1000).toFixed(2)} s`);
  }
  toString() {  // the start-up and the first navigation, then the latest marks
    const l = this.list.length > 12 ? [...this.list.slice(0, 7), '…', ...this.list.slice(-4)] : this.list;
    return `${this.name} since launch: ${l.join(', ')}`;
  }
}

// Polls `probe` (async, truthy = done) until `timeout`; the error names `what`.
async function poll(probe, timeout, what) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(50);
  }
}

// --- chromium ---------------------------------------------------------------------------------
// WebGL on Mesa's llvmpipe through ANGLE's EGL backend (--ignore-gpu-blocklist: Chromium would
// otherwise refuse a software GL driver and fall back to SwiftShader). On 2 cores a drawn frame
// at 1280×800 costs the GPU process about half the CPU time it does on SwiftShader, whose worker
// threads take most of it, and a browser case's wall time 20–25 % less (docs/perf.md, "The
// suite's GL"). SwiftShader stays allowed as the fallback where Mesa's EGL is missing.
export const chromiumArgs = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=gl-egl', '--ignore-gpu-blocklist',
  '--enable-unsafe-swiftshader', '--disable-features=Translate,MediaRouter', '--hide-scrollbars',
];

export async function launchChromium(options = {}) {
  const { chromium } = await import('playwright-core');
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
  const page = context.pages()[0] || await context.newPage();
  return { context, page, cleanup };
}

// --- shared by the WebDriver-style adapters -----------------------------------------------------
// The page's console, as the page sees it: errors and warnings are recorded in the page by an
// init script (window.__cpConsole), read back by polling while listeners are attached.
const CONSOLE_HOOK = `(() => {
  if (window.__cpConsole) return;
  const log = window.__cpConsole = [];
  for (const [kind, type] of [['error', 'error'], ['warn', 'warning']]) {
    const original = console[kind].bind(console);
    console[kind] = (...a) => { log.push({ type, text: a.map(String).join(' ') }); original(...a); };
  }
  window.addEventListener('error', (e) => log.push({ type: 'pageerror', text: String(e.message) }));
  window.addEventListener('unhandledrejection', (e) => log.push({ type: 'pageerror', text: String(e.reason) }));
})();`;

function consoleRelay(readLog) {
  const listeners = { console: [], pageerror: [] };
  let seen = 0, timer = null;
  const pump = async () => {
    try {
      const log = await readLog();
      if (log.length < seen) seen = 0;  // a new document
      for (const entry of log.slice(seen)) {
        if (entry.type === 'pageerror') listeners.pageerror.forEach((fn) => fn(new Error(entry.text)));
        else listeners.console.forEach((fn) => fn({ type: () => entry.type, text: () => entry.text }));
      }
      seen = log.length;
    } catch (e) { /* navigating */ }
  };
  return {
    on(event, fn) {
      if (!listeners[event]) return;
      listeners[event].push(fn);
      if (!timer) timer = setInterval(pump, 200);
    },
    async flush() { await pump(); },
    stop() { if (timer) clearInterval(timer); },
  };
}

// Hidden as playwright means it: no element, or no box (display none, hidden, zero size) or
// visibility hidden. (offsetParent is null for position: fixed, so it cannot tell.)
const isHiddenInPage = (s) => {
  const e = document.querySelector(s);
  if (!e) return true;
  const r = e.getBoundingClientRect();
  return r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden';
};

// A function and its argument as source for the driver: fn(arg), awaited by the caller.
const callSource = (fn, arg) => `return (${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)});`;

// --- firefox ------------------------------------------------------------------------------------
function firefoxPage(raw, view) {
  const page = {
    engine: 'firefox',
    goto: (url) => raw.goto(url),
    reload: () => raw.reload(),
    evaluate: (fn, arg) => raw.evaluate(fn, arg),
    async waitForFunction(fn, arg, { timeout = 30000 } = {}) {
      const v = await poll(() => raw.evaluate(fn, arg).catch(() => false), timeout, 'a condition in the page');
      return { jsonValue: async () => v };
    },
    waitForTimeout: sleep,
    mouse: {
      move: (x, y) => raw.mouse.move(x, y),
      click: (x, y) => raw.mouse.click(x, y),
      wheel: (dx, dy) => raw.mouse.wheel({ deltaX: dx, deltaY: dy }),
    },
    keyboard: {
      type: (text, o = {}) => raw.keyboard.type(text, { delay: o.delay }),
      press: (key) => raw.keyboard.press(key),
    },
    screenshot: (o = {}) => raw.screenshot(o),
    viewportSize: () => view,
    isHidden: (selector) => raw.evaluate(isHiddenInPage, selector),
    async waitForSelector(selector, { state = 'visible', timeout = 30000 } = {}) {
      await poll(async () => (await page.isHidden(selector)) === (state !== 'visible'), timeout, selector + ' ' + state);
    },
    click: (selector) => raw.click(selector),
    close: () => raw.close(),  // the tab (not the browser)
    // WebDriver BiDi's log events, named as playwright names them.
    on(event, fn) {
      if (event === 'console') raw.on('console', (m) => fn({ type: () => (m.type() === 'warn' ? 'warning' : m.type()), text: () => m.text() }));
      else raw.on(event, fn);
    },
    addInitScript: (source) => raw.evaluateOnNewDocument(source),
    // Only 'load' (a navigation the page starts itself); called before the cause, as in playwright.
    waitForEvent(event, { timeout = 30000 } = {}) {
      if (event !== 'load') unsupported(`wait for the page event ${event}`);
      return raw.waitForNavigation({ waitUntil: 'load', timeout });
    },
  };
  return page;
}

async function launchFirefox(options) {
  const { default: puppeteer } = await import('puppeteer-core');
  if (options.hasTouch) unsupported('emulate a touch screen (WebDriver BiDi in firefox-esr)');
  if ((options.deviceScaleFactor || 1) !== 1) unsupported('emulate a device pixel ratio other than 1');
  const view = options.viewport || { width: 1280, height: 800 };
  const userDataDir = options.userDataDir || mkdtempSync(path.join(tmpdir(), 'certportal-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: false, userDataDir,
    defaultViewport: view, args: [`--width=${view.width}`, `--height=${view.height + 120}`],
    env: { ...process.env, LIBGL_ALWAYS_SOFTWARE: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
    extraPrefsFirefox: { 'intl.accept_languages': options.locale || 'en-US' },
  });
  const open = async (raw) => { await raw.setViewport(view); return firefoxPage(raw, view); };
  const page = await open((await browser.pages())[0] || await browser.newPage());
  const context = {
    newPage: async () => open(await browser.newPage()),
    close: () => browser.close(),
  };
  const cleanup = async () => {
    await browser.close().catch(() => {});
    if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, page, cleanup };
}

// --- webkit -------------------------------------------------------------------------------------
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

async function launchWebkit(options) {
  const { default: webdriver } = await import('selenium-webdriver');
  const { default: remote } = await import('selenium-webdriver/remote/index.js');
  if (options.hasTouch) unsupported('emulate a touch screen (WebKitWebDriver)');
  if ((options.deviceScaleFactor || 1) !== 1) unsupported('emulate a device pixel ratio other than 1');
  if (options.userDataDir) unsupported('keep a browser profile across restarts (MiniBrowser --automation is ephemeral)');
  const view = options.viewport || { width: 1280, height: 800 };
  const phases = new Phases('webkit');
  // The driver listens on loopback only (by default selenium picks the machine's address).
  const service = new remote.DriverService.Builder('/usr/bin/WebKitWebDriver')
    .setHostname('127.0.0.1').addArguments('--host=127.0.0.1').build();
  const server = await answered(service.start(), kDriverSessionMs, 'start');
  phases.mark('WebKitWebDriver listening');
  const driver = await answered(new webdriver.Builder()
    .withCapabilities({ browserName: 'MiniBrowser', pageLoadStrategy: 'none', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } })
    .usingServer(server).build(), kDriverSessionMs, 'new session');
  phases.mark('session (MiniBrowser started)');
  // Every command after it (scripts, actions, window, screenshots) goes through execute().
  const execute = driver.execute.bind(driver);
  driver.execute = (command) => answered(execute(command), kDriverCommandMs, command.getName());
  // The window's outer size: grow it until the page's viewport is the one asked for.
  await driver.manage().window().setRect({ width: view.width, height: view.height });
  const inner = await driver.executeScript('return [innerWidth, innerHeight]');
  phases.mark('first script answered');
  await driver.manage().window().setRect({ width: 2 * view.width - inner[0], height: 2 * view.height - inner[1] });
  phases.mark('window sized');
  // One look at the page while polling, with its own deadline (see navigated below).
  const look = (source) => answered(driver.executeScript(source), kLookMs, 'a look at the page');
  const relay = consoleRelay(() => driver.executeScript('return window.__cpConsole || []'));
  const navigated = async (go, what) => {
    await driver.executeScript('window.__cpOldDocument = true');
    phases.mark(`${what}: old document marked`);
    await go();
    phases.mark(`${what}: sent`);
    // WebKitWebDriver sometimes never answers one script sent around a navigation that moves the
    // page to a new web process (about:blank → the server's site, the first goto: WebKit swaps
    // processes on a cross-site navigation); the next script is answered at once, on the new
    // document. Seen in 6 of 110 first navigations with 3 CPU burners on the 2 cores (about 1 s
    // after the goto; the page was there all along); a look then waited the command's 60 s, the
    // whole wait for the new document, and the case failed at its first goto (issue 26: the
    // clean clone's first run, the fuzz tree building beside the browser lanes). So each look here has its own deadline, well inside the
    // wait's: a look not answered is given up (counted, said on failure) and the next one sent.
    // What the last look saw, for the failure message: a navigation that never started (the old
    // document), a document still loading, or no answer.
    let seen = 'nothing yet', unanswered = 0;
    try {
      // The look that finds the new document also hooks its console (idempotent: a look whose
      // answer is lost does not leave the document unhooked).
      await poll(() => look(`if (!window.__cpOldDocument && document.readyState !== 'loading') ${CONSOLE_HOOK}
                             return [location.href, document.readyState, !!window.__cpOldDocument];`).then(
        ([href, state, old]) => { seen = `${old ? 'the old document' : href}, readyState ${state}`; return !old && state !== 'loading'; },
        (e) => {
          if (e.driverHang) { unanswered++; phases.mark(`${what}: a look got no answer within ${kLookMs} ms`); }
          seen = `no answer (${e.message.split('\n')[0]})`;
          return false;
        }), 60000, 'the new document');
    } catch (e) {
      e.message += `; last seen: ${seen}; looks unanswered: ${unanswered}; ${phases}`;
      throw e;
    }
    phases.mark(`${what}: new document`);
  };
  const actions = () => driver.actions({ async: true });
  let pointer = { x: 0, y: 0 };
  let wheelTotal = { x: 0, y: 0 };
  const page = {
    engine: 'webkit',
    // No init scripts in WebDriver classic: the hook is installed right after each navigation
    // (what a page logs before that is not seen). Navigation returns at once (pageLoadStrategy
    // 'none': WebKitWebDriver's own wait never returns on the 4 MB kiosk page) and the adapter
    // waits for the new document itself.
    async goto(url) { await navigated(() => driver.get(url), 'goto'); },
    async reload() { await navigated(() => driver.navigate().refresh(), 'reload'); },
    evaluate: (fn, arg) => driver.executeScript(callSource(fn, arg)),
    async waitForFunction(fn, arg, { timeout = 30000 } = {}) {
      const v = await poll(() => look(callSource(fn, arg)).catch(() => false), timeout, 'a condition in the page');
      return { jsonValue: async () => v };
    },
    waitForTimeout: sleep,
    mouse: {
      async move(x, y) { pointer = { x: Math.round(x), y: Math.round(y) }; await actions().move({ x: pointer.x, y: pointer.y }).perform(); },
      async click(x, y) {
        pointer = { x: Math.round(x), y: Math.round(y) };
        await actions().move({ x: pointer.x, y: pointer.y }).press().release().perform();
      },
      async wheel(dx, dy) {
        // WebKitWebDriver keeps the wheel's position across actions and dispatches only the
        // difference (a second scroll of the same amount delivers nothing): scroll to the sum.
        wheelTotal = { x: wheelTotal.x + Math.round(dx), y: wheelTotal.y + Math.round(dy) };
        await actions().scroll(pointer.x, pointer.y, wheelTotal.x, wheelTotal.y).perform();
      },
    },
    keyboard: {
      async type(text, o = {}) {
        for (const ch of text) { await actions().sendKeys(ch).perform(); if (o.delay) await sleep(o.delay); }
      },
      async press(key) {
        const k = webdriver.Key[{ Enter: 'ENTER', Escape: 'ESCAPE', Tab: 'TAB', Backspace: 'BACK_SPACE' }[key] || key] || key;
        await actions().sendKeys(k).perform();
      },
    },
    async screenshot(o = {}) {
      const png = Buffer.from(await driver.takeScreenshot(), 'base64');
      if (o.path) writeFileSync(o.path, png);
      return png;
    },
    viewportSize: () => view,
    isHidden: (selector) => driver.executeScript(callSource(isHiddenInPage, selector)),
    async waitForSelector(selector, { state = 'visible', timeout = 30000 } = {}) {
      await poll(async () => (await page.isHidden(selector)) === (state !== 'visible'), timeout, selector + ' ' + state);
    },
    async click(selector) { await driver.findElement(webdriver.By.css(selector)).click(); },
    on: (event, fn) => relay.on(event, fn),
    // A script that must run before the page's own cannot: WebDriver classic has no such hook.
    async addInitScript() { unsupported('run a script before the page\'s own (no init scripts in WebDriver classic)'); },
    waitForEvent(event) {
      if (event !== 'load') unsupported(`wait for the page event ${event}`);
      return navigated(async () => {}, 'load');  // the mark is set before the cause's command is sent
    },
  };
  let pages = 0;
  const context = {
    // The session's one window is its page; a second tab would need window switching around
    // every command.
    async newPage() { if (pages++ > 0) unsupported('open a second tab (one window per WebDriver session here)'); return page; },
    close: () => driver.quit(),
  };
  const cleanup = async () => {
    await relay.flush();
    relay.stop();
    await driver.quit().catch(() => {});
  };
  return { context, page, cleanup };
}

// Launches the engine of this run: {context (chromium only), page, cleanup}.
export function launchEngine(options = {}) {
  switch (engine) {
    case 'chromium': return launchChromium(options);
    case 'firefox': return launchFirefox(options);
    case 'webkit': return launchWebkit(options);
    default: throw new Error(`unknown CERTPORTAL_ENGINE ${engine} (chromium, firefox, webkit)`);
  }
}
