// Browser tests of the portal page in headless Chromium. usage: node portal.test.mjs CASE
// Each case is registered in ctest as browser.CASE (tests/CMakeLists.txt).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifacts, check, distDir, launch, repo, run, startServer, widget, withPortal } from './harness.mjs';
import { launchEngine } from './engines.mjs';
import { click, waitForText, waitForWidget, waitIdle, waitReady, waitSettled } from './person.mjs';
import { decodePng } from './png.mjs';

// Counts requestAnimationFrame calls made by the page (installed before any page script runs).
const countAnimationFrames = () => {
  window.__rafCalls = 0;
  const original = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => { window.__rafCalls++; return original(cb); };
};

async function screenshot(page, name) {
  const file = path.join(artifacts, name + '.png');
  const buf = await page.screenshot({ path: file });
  return decodePng(buf);
}

// Keeps the widgets of the frame the page first shows: read inside the loader's first-frame
// callback (web/loader.js sets certportal.firstFrameAt there, right after that frame is drawn).
const keepFirstFrameWidgets = () => {
  let portal;
  Object.defineProperty(window, 'certportal', {
    configurable: true,
    get: () => portal,
    set: (state) => {
      portal = state;
      let at = state.firstFrameAt;
      Object.defineProperty(state, 'firstFrameAt', {
        get: () => at,
        set: (v) => {
          at = v;
          const m = state.module;
          window.__firstFrameWidgets = m ? JSON.parse(m.UTF8ToString(m._cp_debug_widgets())) : null;
        },
      });
    },
  });
};

const near = (a, b, tol = 6) => Math.abs(a[0] - b[0]) <= tol && Math.abs(a[1] - b[1]) <= tol && Math.abs(a[2] - b[2]) <= tol;
const MARKER = [0xff, 0xc1, 0x07];

const cases = {
  // The top page of the seeds, in Japanese, with the permanent simulator marker and no errors.
  async first_frame() {
    await withPortal(async ({ page, consoleErrors }) => {
      const timing = await page.evaluate(() => ({ first: window.certportal.firstFrameAt, lang: document.documentElement.lang, title: document.title }));
      writeFileSync(path.join(artifacts, 'first_frame.json'), JSON.stringify(timing));
      check(timing.lang === 'ja', `document language is ja (got ${timing.lang})`);
      check(timing.title === 'シティ信金ビジネスダイレクト', `title is the service name (got ${timing.title})`);
      // The first frame shown is the top page whole, not the desk with the page still growing in.
      const shown = await page.evaluate(() => window.__firstFrameWidgets);
      check(Array.isArray(shown), 'the widgets of the first frame were read when it was drawn');
      for (const label of ['利用者ログイン', '管理者ログイン']) {
        const w = shown.find((x) => x.label === label);
        check(w, `the first frame shows "${label}" (it has: ${shown.map((x) => x.label).join(', ')})`);
        check(w.disabled, `"${label}" is disabled until the simulation is ready`);
      }
      // The administrator's login works once the simulation behind the page is ready.
      await page.waitForFunction(() => window.certportal.module._cp_debug_simulation_status() >= 2, null, { timeout: 90000 });
      await page.waitForFunction(() => window.certportal.widgets().some((w) => w.label === '管理者ログイン' && !w.disabled));
      await page.waitForTimeout(300);
      const img = await screenshot(page, 'top_page');
      check(near(img.pixel(5, 5), MARKER) && near(img.pixel(img.width - 5, 20), MARKER), 'the simulator marker strip is at the top');
      check(!near(img.pixel(5, 40), MARKER), 'the marker is a strip, not the whole page');
      check(consoleErrors.length === 0, 'no console errors: ' + consoleErrors.join(' | '));
    }, { initScript: keepFirstFrameWidgets });
  },

  // Render on demand: nothing is built or drawn, and no animation frame is requested, while idle.
  async idle_draws_nothing() {
    await withPortal(async ({ page }) => {
      // The simulation behind the page finishes loading (or creating its world) asynchronously,
      // and each step rightly asks for a frame: idle starts when it is ready.
      await page.waitForFunction(() => window.certportal.module._cp_debug_simulation_status() >= 2, null, { timeout: 90000 });
      await waitSettled(page);  // the last frames, and the hover frame they promised
      const before = await page.evaluate(() => ({ raf: window.__rafCalls, built: window.certportal.framesBuilt() }));
      await page.waitForTimeout(3000);
      const after = await page.evaluate(() => ({ raf: window.__rafCalls, built: window.certportal.framesBuilt() }));
      check(after.raf === before.raf, `no requestAnimationFrame in 3 s of idle (got ${after.raf - before.raf})`);
      check(after.built === before.built, `no frame built in 3 s of idle (got ${after.built - before.built})`);
      // And input does wake it: a mouse move builds at least one frame, then it sleeps again.
      await page.mouse.move(400, 300);
      const woke = await page.waitForFunction((n) => window.certportal.framesBuilt() > n, after.built, { timeout: 10000 })
        .then(() => true, () => false);
      check(woke, 'a mouse move builds a frame');
      await waitSettled(page);
      const settled = await page.evaluate(() => window.certportal.framesBuilt());
      await page.waitForTimeout(1500);
      const still = await page.evaluate(() => window.certportal.framesBuilt());
      check(still === settled, `asleep again after the mouse move (got ${still - settled} more frames)`);
    }, { initScript: countAnimationFrames });
  },

  // The language switch changes the UI live, updates <html lang>, and is remembered on reload.
  async language_switch() {
    await withPortal(async ({ page, consoleErrors }) => {
      const en = await widget(page, 'English');
      await page.mouse.click(en.x + en.w / 2, en.y + en.h / 2);
      await page.waitForFunction(() => window.certportal.widgets().some((w) => w.label === 'User login'));
      check(await page.evaluate(() => document.documentElement.lang) === 'en', 'document language follows the switch');
      await screenshot(page, 'top_page_en');
      await page.reload();
      await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0);
      await page.waitForFunction(() => window.certportal.widgets().some((w) => w.label === 'User login'));
      const ja = await widget(page, '日本語');
      await page.mouse.click(ja.x + ja.w / 2, ja.y + ja.h / 2);
      await page.waitForFunction(() => window.certportal.widgets().some((w) => w.label === '利用者ログイン'));
      check(consoleErrors.length === 0, 'no console errors: ' + consoleErrors.join(' | '));
    });
  },

  // A link's ?lang=, by the one rule the module's test checks too (tests/lang_cases.tsv): the
  // language drawn, <html lang> and the document's title agree, from the first frame; and they
  // follow a switch at run time.
  async lang_link_rule() {
    const cases = readFileSync(path.join(repo, 'tests', 'lang_cases.tsv'), 'utf-8').split('\n')
      .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
    const titles = { ja: 'シティ信金ビジネスダイレクト', en: 'City Shinkin Business Direct' };
    const login = { ja: '利用者ログイン', en: 'User login' };
    await withPortal(async ({ page, url: first, consoleErrors }) => {
      const url = first.split('?')[0];
      for (const [search, shown] of cases) {
        await page.goto(url + search);
        await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 30000 });
        await page.waitForFunction((l) => window.certportal.widgets().some((w) => w.label === l), login[shown], { timeout: 10000 })
          .catch(() => { throw new Error(search + ': not drawn in ' + shown); });
        const doc = await page.evaluate(() => ({ lang: document.documentElement.lang, title: document.title }));
        check(doc.lang === shown, `${search}: <html lang="${doc.lang}">, drawn in ${shown}`);
        check(doc.title === titles[shown], `${search}: title "${doc.title}", drawn in ${shown}`);
      }
      // A link does not become the remembered choice; a switch does, and the document follows it.
      await page.goto(url);
      await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 30000 });
      await page.waitForFunction(() => window.certportal.widgets().some((w) => w.label === '利用者ログイン'));
      const en = await widget(page, 'English');
      await page.mouse.click(en.x + en.w / 2, en.y + en.h / 2);
      await page.waitForFunction(() => window.certportal.widgets().some((w) => w.label === 'User login'));
      const doc = await page.evaluate(() => ({ lang: document.documentElement.lang, title: document.title }));
      check(doc.lang === 'en' && doc.title === titles.en, 'the document follows the switch: ' + JSON.stringify(doc));
      check(consoleErrors.length === 0, 'no console errors: ' + consoleErrors.join(' | '));
    }, { query: '?lang=en-US' });
  },

  // A link's ?profile=plain-ja (web/profiles/plain-ja.json): the top page's entry carries the
  // profile's wording, found by role and name on the accessibility mirror, the catalogue's words
  // are gone, and the profile has no mistake to list. A profile the server does not have is listed
  // with its reason and the default profile is used.
  async profile_link_changes_wording() {
    await withPortal(async ({ page, consoleErrors }) => {
      await waitReady(page);
      const mirror = page.locator('#cp-mirror');
      await mirror.getByRole('button', { name: '管理者の ログイン（管理者ログイン）', exact: true }).waitFor({ timeout: 15000 });
      check(await mirror.getByRole('button', { name: '管理者ログイン', exact: true }).count() === 0,
        "the catalogue's label is replaced, not shown beside");
      check(!(await page.evaluate(() => window.certportal.texts().some((t) => t.label.includes('設定ファイルに問題があります')))),
        'the example profile has no mistake to list');
      check(consoleErrors.length === 0, 'no console errors: ' + consoleErrors.join(' | '));
      const missing = await page.evaluate(async () => (await fetch('profiles/nope.json')).status);
      check(missing === 404, 'the server has no profiles/nope.json: ' + missing);
      await page.goto(page.url().replace('plain-ja', 'nope'));
      await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 30000 });
      await waitForText(page, 'profiles/nope.json: not loaded (HTTP 404)');
      await mirror.getByRole('button', { name: '管理者ログイン', exact: true }).waitFor({ timeout: 15000 });
    }, { query: '?profile=plain-ja' });
  },

  // A brand.json that is not UTF-8 (here Shift_JIS) is listed as a mistake and the default brand
  // kept: the page hands the module the file's bytes, not a lossy decoding of them.
  async brand_not_utf8_is_listed() {
    const server = await startServer();
    const { page, cleanup } = await launchEngine();
    try {
      // 「大阪シティ」 in Shift_JIS: not UTF-8.
      const sjis = Buffer.concat([Buffer.from('{"bank_name_ja": "'), Buffer.from([0x91, 0xe5, 0x8d, 0xe3, 0x83, 0x56, 0x83, 0x65, 0x83, 0x42]),
        Buffer.from('", "service_name_en": "Mojibake Direct"}\n')]);
      await page.route('**/brand.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: sjis }));
      await page.goto(server.url);
      await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 30000 });
      await waitForText(page, '設定ファイルに問題があります');
      await waitForText(page, 'invalid UTF-8');
      check(await page.evaluate(() => document.title) === 'シティ信金ビジネスダイレクト', 'the default brand is kept');
      await screenshot(page, 'brand_not_utf8');
    } finally {
      await cleanup();
      server.stop();
    }
  },

  // A touch is a touch: tapping the language switch switches, and no hover is left behind.
  async touch_tap() {
    await withPortal(async ({ page }) => {
      const en = await widget(page, 'English');
      await page.touchscreen.tap(en.x + en.w / 2, en.y + en.h / 2);
      await page.waitForFunction(() => window.certportal.widgets().some((w) => w.label === 'User login'), null, { timeout: 5000 });
      await page.waitForTimeout(600);
      // After the finger lifts, the tapped button (now the selected language) must show its plain
      // selected colour, not the hovered one a mouse pointer resting on it would give.
      const enNow = await widget(page, 'English');
      const tapped = await screenshot(page, 'touch_after_tap');
      const px = tapped.pixel(Math.round(enNow.x + 3), Math.round(enNow.y + enNow.h / 2));
      check(near(px, [0x00, 0x5f, 0xb8], 8), `the tapped button is not left hovered (got ${px})`);
    }, { hasTouch: true });
  },

  // A disabled entry point explains itself: resting the pointer on it shows a tooltip (drawn by a
  // timer frame, not by spinning).
  async disabled_entry_tooltip() {
    await withPortal(async ({ page }) => {
      await click(page, '利用者ログイン');  // よくあるご質問 is on 利用者ログイン's page (seed 001)
      await waitForWidget(page, '電子証明書方式 利用者ログイン');
      await waitIdle(page);
      const w = await widget(page, 'よくあるご質問');  // leads nowhere in the simulator: always disabled
      const cx = Math.round(w.x + w.w / 2), cy = Math.round(w.y + w.h / 2);
      await page.mouse.move(cx, cy);
      await page.waitForTimeout(150);
      const early = await screenshot(page, 'tooltip_before');
      await page.waitForTimeout(900);
      const late = await screenshot(page, 'tooltip_after');
      // The tooltip opens just below-right of the pointer: those pixels change once it is shown.
      let changed = 0;
      for (let y = cy + 10; y < cy + 40; y += 2)
        for (let x = cx + 10; x < cx + 200; x += 4)
          if (!near(early.pixel(x, y), late.pixel(x, y), 2)) changed++;
      check(changed > 20, `a tooltip appeared below the pointer (${changed} pixels changed)`);
    });
  },

  // Crisp text at devicePixelRatio 2: the drawing buffer is in device pixels.
  async hidpi_device_pixels() {
    for (const scale of [1.5, 2]) {
      await withPortal(async ({ page }) => {
        const size = await page.evaluate(() => {
          const c = document.getElementById('canvas');
          return { w: c.width, h: c.height, cssW: c.getBoundingClientRect().width, dpr: window.devicePixelRatio };
        });
        check(Math.abs(size.w - Math.round(size.cssW * scale)) <= 1, `canvas is ${size.cssW}×${scale} device pixels wide (got ${size.w})`);
        await screenshot(page, `top_page_dpr${scale}`);
      }, { deviceScaleFactor: scale, viewport: { width: 900, height: 640 } });
    }
  },

  // The large text face (JIS X 0208) is not part of the first load; asked for, it is fetched and
  // merged behind the UI subset without errors.
  async text_font_on_demand() {
    await withPortal(async ({ page, consoleErrors }) => {
      const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/fonts/text.ttf')));
      check(!(await fetched()), 'text.ttf is not part of the first load');
      // It follows once the bank's data (names outside the UI subset) is on screen: when the
      // simulation is ready (or a text field is focused, whichever comes first).
      await page.waitForFunction(() => window.certportal.module._cp_debug_simulation_status() >= 2, null, { timeout: 120000 });
      await page.waitForFunction(() => window.certportal.module._cp_debug_text_font_present() === 1, null, { timeout: 20000 });
      check(await fetched(), 'text.ttf was fetched once the simulation was ready');
      await page.mouse.move(200, 200);  // a frame with the merged face
      await page.waitForTimeout(500);
      await screenshot(page, 'after_text_font');
      check(consoleErrors.length === 0, 'no console errors: ' + consoleErrors.join(' | '));
    });
  },

  // Key generation runs in a Web Worker: the key worker is running, the page keeps building frames
  // while a key is made, and no task on the page's thread is anywhere near as long as the key's
  // generation (on the page's thread, RSA-2048 would be one task of its whole time). How long a
  // frame's task takes is a speed figure, for the benchmarks: under load one is over 50 ms.
  async keygen_in_worker() {
    await withPortal(async ({ page, consoleErrors }) => {
      // Start-up tasks are not what this test measures: the simulation starts after the first
      // frame and makes its world (the CA's keys on the page's thread) until it is ready.
      await waitReady(page);
      await waitIdle(page);
      for (const [keyType, name, minBytes] of [[0, 'RSA-2048', 1100], [1, 'P-256', 100]]) {
        await page.evaluate(() => { window.__longTasks = []; });
        const builtBefore = await page.evaluate(() => window.certportal.framesBuilt());
        const started = Date.now();
        await page.evaluate((t) => window.certportal.module._cp_debug_start_key_job(t), keyType);
        // Keep the UI busy meanwhile: pointer moves make frames the main thread must build.
        let i = 0;
        while (await page.evaluate(() => window.certportal.module._cp_debug_key_job_state()) === 1) {
          if (Date.now() - started > 30000) throw new Error(name + ' key generation did not finish in 30 s');
          await page.mouse.move(300 + (i % 20) * 10, 300 + (i % 7) * 10);
          await page.waitForTimeout(40);
          i++;
        }
        const elapsed = Date.now() - started;
        const state = await page.evaluate(() => window.certportal.module._cp_debug_key_job_state());
        const bytes = await page.evaluate(() => window.certportal.module._cp_debug_key_job_bytes());
        const built = (await page.evaluate(() => window.certportal.framesBuilt())) - builtBefore;
        const longTasks = await page.evaluate(() => window.__longTasks);
        console.log(`${name}: ${elapsed} ms, ${built} frames built meanwhile, long tasks: ${JSON.stringify(longTasks)}`);
        check(state === 2, `${name} key generated (state ${state})`);
        check(bytes >= minBytes, `${name} PKCS#8 key has ${bytes} bytes`);
        check(i === 0 || built > 0, `${name}: frames were built while the key was generated`);
        const longest = Math.max(0, ...longTasks);
        if (keyType === 0) check(longest < elapsed / 2, `${name}: no main-thread task of half the generation's ${elapsed} ms (got ${JSON.stringify(longTasks)})`);
      }
      check(page.workers().some((w) => w.url().startsWith('blob:')),
            'the key worker (a blob the page made) runs: ' + page.workers().map((w) => w.url()).join(' '));
      check(consoleErrors.length === 0, 'no console errors: ' + consoleErrors.join(' | '));
    }, { initScript: () => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask', buffered: true });
    } });
  },

  // A key worker that cannot start (its wasm missing from the server): the first visit's world,
  // whose certificates need keys, is not made; the page says to reload and the console names the
  // file. With the file back, the reload makes the world and a key.
  async key_worker_unavailable() {
    const dist = mkdtempSync(path.join(tmpdir(), 'certportal-dist-'));
    cpSync(distDir, dist, { recursive: true });
    const wasm = path.join(dist, 'keyworker_module.wasm');
    const held = readFileSync(wasm);
    for (const f of [wasm, wasm + '.gz', wasm + '.br']) rmSync(f, { force: true });
    try {
      await withPortal(async ({ page, consoleErrors }) => {
        const status = () => page.evaluate(() => window.certportal.module._cp_debug_simulation_status());
        await page.waitForFunction(() => window.certportal.module._cp_debug_simulation_status() >= 2, null, { timeout: 120000 });
        check((await status()) === 3, 'the world was not made without the key worker');
        await waitForText(page, 'シミュレーターを開始できませんでした。ページを再読み込みしてください。');
        check(consoleErrors.some((e) => e.includes('the key worker could not start: keyworker_module.wasm: HTTP 404')),
              'the console names the missing file: ' + consoleErrors.join(' | '));
        writeFileSync(wasm, held);
        consoleErrors.length = 0;
        await page.reload();
        await waitReady(page);
        await page.evaluate(() => window.certportal.module._cp_debug_start_key_job(1));
        await page.waitForFunction(() => window.certportal.module._cp_debug_key_job_state() !== 1, null, { timeout: 30000 });
        check((await page.evaluate(() => window.certportal.module._cp_debug_key_job_state())) === 2, 'with the file back, a key is made');
        check(consoleErrors.length === 0, 'no console errors after the reload: ' + consoleErrors.join(' | '));
      }, { dist });
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  },

  // Protection level 中: the device key is a non-extractable WebCrypto AES-GCM key per PC, kept in
  // IndexedDB; it seals and unseals, refuses tampering and other PCs' blobs, and survives a reload.
  async device_key_webcrypto() {
    await withPortal(async ({ page, consoleErrors }) => {
      const op = (kind, pc, bytes) => page.evaluate(async ([kind, pc, bytes]) => {
        const m = window.certportal.module;
        const data = new Uint8Array(bytes);
        const ptr = m._malloc(data.length || 1);
        m.HEAPU8.set(data, ptr);
        const pcPtr = m.allocateUTF8(pc);
        (kind === 'seal' ? m._cp_debug_device_key_seal : m._cp_debug_device_key_unseal)(pcPtr, ptr, data.length);
        m._free(ptr);
        m._free(pcPtr);
        while (m._cp_debug_device_key_state() === 1) await new Promise((r) => setTimeout(r, 10));
        const state = m._cp_debug_device_key_state();
        const out = m.HEAPU8.slice(m._cp_debug_device_key_output(), m._cp_debug_device_key_output() + m._cp_debug_device_key_output_size());
        return { state, out: Array.from(out) };
      }, [kind, pc, bytes]);
      const secret = Array.from(Buffer.from('PKCS#8 private key bytes (sample)'));
      const sealed = await op('seal', '利用者のパソコン', secret);
      check(sealed.state === 2, 'sealing succeeds');
      check(sealed.out.length === 5 + 12 + secret.length + 16, `sealed blob is magic + IV + ciphertext + tag (${sealed.out.length} bytes)`);
      check(Buffer.from(sealed.out.slice(0, 5)).toString() === 'CPDK1', 'sealed blob starts with its format magic');
      check(!Buffer.from(sealed.out).includes(Buffer.from('private key')), 'the plaintext does not appear in the sealed blob');
      const opened = await op('unseal', '利用者のパソコン', sealed.out);
      check(opened.state === 2 && Buffer.from(opened.out).equals(Buffer.from(secret)), 'unsealing gives the plaintext back');
      const tampered = [...sealed.out];
      tampered[tampered.length - 1] ^= 1;
      check((await op('unseal', '利用者のパソコン', tampered)).state === -1, 'a tampered blob is refused');
      check((await op('unseal', '管理者のパソコン', sealed.out)).state === -1, "another PC's device key cannot unseal it");
      check((await op('unseal', '利用者のパソコン', [1, 2, 3])).state === -1, 'garbage is refused');
      const exportable = await page.evaluate(() => new Promise((resolve) => {
        const req = indexedDB.open('certportal-device-keys');
        req.onsuccess = () => {
          const get = req.result.transaction('keys').objectStore('keys').get('利用者のパソコン');
          get.onsuccess = () => crypto.subtle.exportKey('raw', get.result).then(() => resolve('exported'), () => resolve(get.result.extractable ? 'extractable' : 'refused'));
        };
      }));
      check(exportable === 'refused', `the device key cannot be exported (${exportable})`);
      await page.reload();
      await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0);
      const again = await op('unseal', '利用者のパソコン', sealed.out);
      check(again.state === 2 && Buffer.from(again.out).equals(Buffer.from(secret)), 'the device key survives a reload');
      check(consoleErrors.length === 0, 'no console errors: ' + consoleErrors.join(' | '));
    });
  },

  // The simulation behind the page: the first visit creates the sample world (real keys made in
  // the worker) and saves it in IndexedDB; a reload loads it instead of creating it again.
  async simulation_persists() {
    await withPortal(async ({ page, consoleErrors }) => {
      const sim = () => page.evaluate(() => {
        const m = window.certportal.module;
        return { status: m._cp_debug_simulation_status(), storage: m._cp_debug_simulation_storage(), created: m._cp_debug_simulation_created() };
      });
      await page.waitForFunction(() => window.certportal.module._cp_debug_simulation_status() >= 2, null, { timeout: 90000 });
      const first = await sim();
      check(first.status === 2, `the simulation is ready (status ${first.status})`);
      check(first.created === 1 && first.storage === 0, `first visit: created and saved in IndexedDB (${JSON.stringify(first)})`);
      const dbs = await page.evaluate(() => indexedDB.databases().then((l) => l.map((d) => d.name).sort()));
      check(['certportal-bank', 'certportal-pc-admin-pc', 'certportal-pc-user-pc'].every((n) => dbs.includes(n)), 'bank and PC databases exist: ' + dbs);
      await page.mouse.move(10, 200);
      await page.waitForTimeout(300);
      await screenshot(page, 'simulation_ready');
      await page.reload();
      await page.waitForFunction(() => window.certportal && window.certportal.module && window.certportal.module._cp_debug_simulation_status() >= 2, null, { timeout: 60000 });
      const second = await sim();
      check(second.status === 2 && second.created === 0 && second.storage === 0, `after a reload the saved world is loaded (${JSON.stringify(second)})`);
      check(consoleErrors.length === 0, 'no console errors: ' + consoleErrors.join(' | '));
    });
  },

  // Without IndexedDB (private mode) the simulator still runs, in memory, and says so on the page.
  async simulation_without_storage() {
    await withPortal(async ({ page, consoleErrors }) => {
      await page.waitForFunction(() => window.certportal.module._cp_debug_simulation_status() >= 2, null, { timeout: 90000 });
      const status = await page.evaluate(() => window.certportal.module._cp_debug_simulation_status());
      const storage = await page.evaluate(() => window.certportal.module._cp_debug_simulation_storage());
      check(status === 2, `the simulation runs without IndexedDB (status ${status})`);
      check(storage === 1, `memory only is reported (notice ${storage})`);
      await page.mouse.move(10, 200);
      await page.waitForFunction(() => window.certportal.widgets().some((w) => w.label === '閉じる'), null, { timeout: 5000 });
      await screenshot(page, 'simulation_memory_only');
      const close = await widget(page, '閉じる');
      await page.mouse.click(close.x + close.w / 2, close.y + close.h / 2);
      await page.waitForFunction(() => !window.certportal.widgets().some((w) => w.label === '閉じる'), null, { timeout: 5000 });
      check(consoleErrors.length === 0, 'no console errors: ' + consoleErrors.join(' | '));
    }, { initScript: () => { delete window.indexedDB; } });
  },

  // WebGL context loss is survived: after a restore the page draws again, without errors.
  async webgl_context_loss() {
    await withPortal(async ({ page, consoleErrors }) => {
      const drawn = await page.evaluate(() => window.certportal.framesDrawn());
      await page.evaluate(() => {
        const gl = document.getElementById('canvas').getContext('webgl2');
        const ext = gl.getExtension('WEBGL_lose_context');
        window.__lose = ext;
        ext.loseContext();
      });
      await page.waitForTimeout(300);
      await page.evaluate(() => window.__lose.restoreContext());
      await page.waitForFunction((d) => window.certportal.framesDrawn() > d, drawn, { timeout: 5000 });
      await page.waitForTimeout(300);
      const img = await screenshot(page, 'after_context_restore');
      check(near(img.pixel(5, 5), MARKER), 'the page is drawn again after the context came back');
      check(consoleErrors.length === 0, 'no console errors: ' + consoleErrors.join(' | '));
    });
  },

  // A device whose GL refuses the shaders: the page says so in words (the status is read at the
  // first frame, not at start-up), and the console carries the compiler's log.
  async shader_failure_message() {
    const server = await startServer();
    const { context, cleanup } = await launch();
    try {
      const page = context.pages()[0] || await context.newPage();
      const warnings = [];
      page.on('console', (m) => warnings.push(m.text()));
      await page.addInitScript(() => {
        const original = WebGL2RenderingContext.prototype.shaderSource;
        WebGL2RenderingContext.prototype.shaderSource = function (shader, source) {
          return original.call(this, shader, source.replace('void main()', 'void main() { this_device_refuses(); }\nvoid unused()'));
        };
      });
      await page.goto(server.url);
      await page.waitForSelector('#fatal:not([hidden])', { timeout: 10000 });
      const text = await page.textContent('#fatal');
      check(text.includes('shaders did not compile'), 'the message says the shaders did not compile: ' + text);
      check(await page.isHidden('#canvas'), 'the canvas is hidden');
      check(warnings.some((w) => w.includes('shaders/imgui.vert failed to compile') && w.includes('this_device_refuses')),
            'the console names the shader and quotes the compiler: ' + warnings.join(' | '));
    } finally {
      await cleanup();
      server.stop();
    }
  },

  // Without WebGL the page says so in words, instead of a blank canvas.
  async no_webgl_message() {
    const server = await startServer();
    const { context, cleanup } = await launch();
    try {
      const page = context.pages()[0] || await context.newPage();
      await page.addInitScript(() => {
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          return type === 'webgl2' ? null : original.call(this, type, ...rest);
        };
      });
      await page.goto(server.url);
      await page.waitForSelector('#fatal:not([hidden])', { timeout: 10000 });
      const text = await page.textContent('#fatal');
      check(text.includes('WebGL2'), 'the message names WebGL2');
      check(await page.isHidden('#canvas'), 'the canvas is hidden');
      await page.screenshot({ path: path.join(artifacts, 'no_webgl.png') });
    } finally {
      await cleanup();
      server.stop();
    }
  },
};

const name = process.argv[2];
if (!cases[name]) {
  console.error(`unknown case "${name}"; cases: ${Object.keys(cases).join(', ')}`);
  process.exit(2);
}
run(name, cases[name]);
