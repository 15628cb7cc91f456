// Offline use (issue 12): the service worker (web/sw.js) after a first visit, a new deployment
// offered with 「新しい版があります」, and the single-file kiosk page opened from disk. As a person:
// the server is really stopped, the kiosk page is really a file:// URL.
// usage: node offline.test.mjs CASE
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { artifactName, artifacts, check, distDir, repo, run, startServer } from './harness.mjs';
import { launchEngine } from './engines.mjs';
import { CONFIRMATION_PIN, adminLogin, openUserEdit, toUserGrid } from './admin_steps.mjs';
import { click, hasText, screenshot, typeInto, waitForText, waitForWidget, waitReady } from './person.mjs';

const kioskPage = path.join(path.dirname(distDir), 'kiosk', 'certportal-kiosk.html');

async function firstFrame(page) {
  await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 30000 });
}

// Until the service worker is active with its cache complete (bundle.json is cached last): the
// first visit is over. The first visit's page itself is not claimed (web/sw.js says why).
async function installed(page) {
  const ready = () => page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration || !registration.active || registration.active.state !== 'activated') return false;
    for (const k of await caches.keys())
      if (await (await caches.open(k)).match('bundle.json')) return true;
    return false;
  });
  for (const until = Date.now() + 30000; !(await ready());) {
    if (Date.now() > until) throw new Error('the service worker was not active with a complete cache in 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

// Seed 001 part 1 from the top page to the reissue's completion: proof that the portal works.
async function reissue(page) {
  await adminLogin(page);
  await toUserGrid(page);
  await openUserEdit(page);
  await waitForText(page, '利用者電子証明書の再発行・失効');
  await click(page, '再発行');
  await typeInto(page, 'ご契約先確認暗証番号', CONFIRMATION_PIN);
  await click(page, 'OK');
  await waitForText(page, '利用者電子証明書の再発行を受け付けました');
}

// A browser, one page, console errors collected; `body` gets them; always cleaned up.
async function withBrowser(body) {
  const { page, cleanup } = await launchEngine();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await body(page, errors);
  } catch (e) {
    await page.screenshot({ path: path.join(artifacts, artifactName('failure_' + process.argv[2]) + '.png') }).catch(() => {});
    throw e;
  } finally {
    await cleanup();
  }
}

// The server's requests are not the page's: a failed request shows as a console error.
const offlineNoise = (e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e);

const cases = {
  // First visit online; second visit with the server stopped starts and completes a reissue.
  async offline_second_visit() {
    await withBrowser(async (page, errors) => {
      const warnings = [];
      page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
      const server = await startServer();
      await page.goto(server.url);
      await firstFrame(page);
      await waitReady(page);  // the world is made (its certificates' keys came from the key worker)
      await installed(page);
      server.stop();
      await new Promise((r) => setTimeout(r, 300));
      const probe = await page.evaluate(() => fetch('sw.js', { cache: 'no-store' }).then(() => 'up', () => 'down'));
      check(probe === 'down', 'the server is really stopped (sw.js is not cached, so it needs the network)');
      await page.reload();
      await firstFrame(page);
      check(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the second visit is the service worker\'s');
      await reissue(page);
      await screenshot(page, 'offline_reissue_done');
      check(!warnings.some((w) => w.includes('text font not loaded')), 'the text face came from the cache: ' + warnings.join(' | '));
      // An example profile's link works offline too: web/profiles/ is cached with the bundle.
      await page.goto(server.url + '?profile=plain-ja');
      await firstFrame(page);
      await waitForWidget(page, '管理者の ログイン（管理者ログイン）');
      check(!(await hasText(page, '設定ファイルに問題があります')), 'the profile came from the cache, whole');
      const real = errors.filter(offlineNoise);
      check(real.length === 0, 'no console errors offline: ' + real.join(' | '));
    });
  },

  // A new deployment is installed in the background and offered; 「再読み込み」 switches to it
  // whole, and the old version's cache is gone.
  async new_version_prompt() {
    const web = mkdtempSync(path.join(tmpdir(), 'certportal-web-'));
    const dist = mkdtempSync(path.join(tmpdir(), 'certportal-dist-'));
    cpSync(path.join(repo, 'web'), web, { recursive: true });
    cpSync(distDir, dist, { recursive: true });
    const deploy = () => {
      const r = spawnSync('python3', [path.join(repo, 'tools', 'package_web.py'), '--web', web, '--dist', dist], { encoding: 'utf-8' });
      check(r.status === 0, 'package_web.py: ' + r.stderr);
      return JSON.parse(readFileSync(path.join(dist, 'bundle.json'), 'utf-8')).version;
    };
    const first = deploy();
    const server = await startServer(dist);
    try {
      await withBrowser(async (page, errors) => {
        await page.goto(server.url);
        await firstFrame(page);
        await installed(page);
        check(await page.isHidden('#update'), 'no prompt while the version is current');

        // The next deployment: the brand's wording changed.
        const brandFile = path.join(web, 'brand.json');
        writeFileSync(brandFile, readFileSync(brandFile, 'utf-8').replace(/\}\s*$/, ', "deployment": "second"}\n'));
        const second = deploy();
        check(second !== first, 'a changed file makes a new version');

        await page.reload();
        await firstFrame(page);
        await page.waitForSelector('#update', { state: 'visible', timeout: 30000 });
        await screenshot(page, 'offline_new_version_prompt');
        // Until the person chooses, the page runs the version it started with, whole.
        const servedBrand = await page.evaluate(() => fetch('brand.json').then((r) => r.text()));
        check(!servedBrand.includes('"deployment"'), 'the old version is served until the person reloads');

        // The page reloads itself: the old document's mark is gone once the new one shows.
        await page.evaluate(() => { window.__beforeReload = true; });
        await page.click('#update-reload');
        await page.waitForFunction(() => !window.__beforeReload && window.certportal && window.certportal.firstFrameAt > 0,
                                   null, { timeout: 30000 });
        const after = await page.evaluate(async () => ({
          keys: await caches.keys(),
          brand: await fetch('brand.json').then((r) => r.text()),
        }));
        check(after.brand.includes('"deployment": "second"'), 'the new version is served after the reload');
        check(after.keys.length === 1 && after.keys[0] === 'certportal-' + second,
              'only the new version is cached: ' + after.keys.join(', '));
        check(await page.isHidden('#update'), 'no prompt after switching');
        check(errors.length === 0, 'no console errors: ' + errors.join(' | '));
      });
    } finally {
      server.stop();
      rmSync(web, { recursive: true, force: true });
      rmSync(dist, { recursive: true, force: true });
    }
  },

  // The single-file page from disk: no server at all; it runs a procedure, and reloading keeps it
  // (IndexedDB on file://) or the page says it keeps memory only.
  async kiosk_file() {
    await withBrowser(async (page, errors) => {
      const url = pathToFileURL(kioskPage).href;
      await page.goto(url);
      await firstFrame(page);
      await reissue(page);
      await screenshot(page, 'kiosk_reissue_done');
      const requests = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)
        .filter((u) => !/^(blob|data|file):/.test(u)));
      check(requests.length === 0, 'the kiosk page asks the network for nothing: ' + requests.join(', '));
      check(errors.length === 0, 'no console errors: ' + errors.join(' | '));
      // The example profiles are carried too: a profile's link works from the file.
      await page.goto(url + '?profile=plain-ja');
      await firstFrame(page);
      await waitForWidget(page, '管理者の ログイン（管理者ログイン）');
      check(!(await hasText(page, '設定ファイルに問題があります')), 'the kiosk page carries the profile, whole');
    });
  },
};

const name = process.argv[2];
if (!cases[name]) {
  console.error(`unknown case ${name}; cases: ${Object.keys(cases).join(', ')}`);
  process.exit(2);
}
run(name, cases[name]);
