#!/usr/bin/env node
// certportal renewal benchmark: seed 000's 証明書更新 in headless Chromium, 20 times — the time from
// the last 「はい」 before issuing to 「電子証明書のインストールが完了しました」.
//
//   node tools/bench_renewal.mjs [--runs N] [--user] [--write]
//
// Needs the bundle (build/wasm/dist). Each run starts from the AdminRenewalWindow preset (the
// cp_debug_reset_preset diagnostic: a renewed certificate is outside the window for a year), logs
// on as a person does (tests/browser/admin_steps.mjs), opens 証明書更新 → 更新 → はい, then times,
// clicking each button as soon as it is on screen:
//   total    the second はい (the last before issuing) → OK (protected item, 中) → 電子証明書発行処理中
//            → はい (install) → 「電子証明書のインストールが完了しました」 on screen
//   issuing  OK → the install confirmation on screen: the PC's work (RSA-2048 key pair in the worker,
//            begun speculatively at 更新; CSR; the key sealed by the device key) and the bank's issue
// With --user: a user's own renewal (seed 000 A3) from the UserRenewalWindow preset, 利用者ログイン
// on 利用者のパソコン (tests/browser/pickup_steps.mjs), the same spans.
// --write replaces the "bench_renewal" (--user: "bench_user_renewal") section of docs/perf.md.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminLogin } from '../tests/browser/admin_steps.mjs';
import { check, launch, startServer } from '../tests/browser/harness.mjs';
import { click, waitForText, waitReady } from '../tests/browser/person.mjs';
import { PRESET_USER_RENEWAL_WINDOW, userLogin } from '../tests/browser/pickup_steps.mjs';
import { INSTALLED, PROTECTED_ITEM, WEB_ACCESS, toMenu } from '../tests/browser/renewal_steps.mjs';
import { writePerfSection } from './perf_doc.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const write = process.argv.includes('--write');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 20;
const ADMIN_RENEWAL_WINDOW = 1;  // cp::Preset::AdminRenewalWindow
const USER = process.argv.includes('--user');
const PRESET = USER ? PRESET_USER_RENEWAL_WINDOW : ADMIN_RENEWAL_WINDOW;
const PRESET_NAME = USER ? 'UserRenewalWindow' : 'AdminRenewalWindow';

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

// Clicks the enabled widget labelled `label` as soon as it is on screen and standing still (a
// dialog that replaces another is laid out over a frame or two: its buttons move once), without
// the person's settling waits: the benchmark is a quick person.
async function quickClick(page, label) {
  const handle = await page.waitForFunction((l) => {
    const w = window.certportal.widgets().find((x) => x.label === l && !x.disabled && x.w >= 8 && x.h >= 8);
    const key = w ? `${w.x},${w.y},${w.w},${w.h}` : '';
    const stable = w && window.__benchLast === key;
    window.__benchLast = key;
    return stable ? w : false;
  }, label, { timeout: 60000, polling: 'raf' });
  const w = await handle.jsonValue();
  await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
}
const textOnScreen = (page, fragment) =>
  page.waitForFunction((f) => window.certportal.texts().some((t) => t.label.includes(f)), fragment, { timeout: 60000, polling: 'raf' });
const countText = (page, fragment) =>
  page.evaluate((f) => window.certportal.texts().filter((t) => t.label.includes(f)).length, fragment);

const server = await startServer();
const { context, cleanup } = await launch();
const page = context.pages()[0] || await context.newPage();
const totals = [], issuing = [];
try {
  await page.goto(server.url);
  await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 30000 });
  await waitReady(page);
  for (let run = 0; run < RUNS; run++) {
    await page.evaluate((p) => window.certportal.module._cp_debug_reset_preset(p), PRESET);
    await page.waitForFunction(() => window.certportal.module._cp_debug_reset_state() !== 1, null, { timeout: 180000 });
    check(await page.evaluate(() => window.certportal.module._cp_debug_reset_state()) === 2, 'the reset succeeded');
    if (USER) {
      await click(page, '利用者のパソコン');
      await userLogin(page);
    } else {
      await adminLogin(page);
      await toMenu(page);
    }
    await click(page, '証明書更新');
    await click(page, '更新');
    await waitForText(page, WEB_ACCESS);
    await click(page, 'はい');  // the first confirmation (the simulated OS asks twice)
    await waitForText(page, WEB_ACCESS);
    const t0 = await page.evaluate(() => performance.now());
    await quickClick(page, 'はい');  // the last はい before issuing
    await textOnScreen(page, PROTECTED_ITEM);
    const tOk = await page.evaluate(() => performance.now());
    await quickClick(page, 'OK');
    await textOnScreen(page, WEB_ACCESS);  // the install confirmation
    const tAsked = await page.evaluate(() => performance.now());
    await quickClick(page, 'はい');
    await textOnScreen(page, INSTALLED);
    const t1 = await page.evaluate(() => performance.now());
    check(await countText(page, INSTALLED) > 0, 'installed');
    totals.push(t1 - t0);
    issuing.push(tAsked - tOk);
    console.log(`run ${run + 1}: total ${(t1 - t0).toFixed(0)} ms, issuing ${(tAsked - tOk).toFixed(0)} ms`);
    await click(page, 'このウィンドウを閉じる');
    await click(page, 'ログオフ');
  }
} catch (e) {
  await page.screenshot({ path: path.join(repo, 'tests', 'artifacts', 'bench_renewal_failure.png') }).catch(() => {});
  throw e;
} finally {
  await cleanup();
  server.stop();
}

const chromiumVersion = execFileSync('/usr/bin/chromium', ['--version']).toString().trim().split(' ')[1];
const uptime = execFileSync('uptime').toString().trim();
const f = (x) => x.toFixed(0);
const lines = [];
lines.push(`Measured ${new Date().toISOString().slice(0, 10)} by \`node tools/bench_renewal.mjs\` (headless Chromium ${chromiumVersion}, SwiftShader, 1280×800, RSA-2048 keys in the key worker, 2 cores shared with other builds: \`uptime\` at the end: ${uptime.replace(/^.*load average/, 'load average')}).`);
lines.push('');
lines.push(`${totals.length} ${USER ? "user's own " : ''}renewals from the ${PRESET_NAME} preset, each button clicked as soon as it is on screen:`);
lines.push('');
lines.push('| span | median (ms) | p95 (ms) | worst (ms) |');
lines.push('|---|---|---|---|');
lines.push(`| last はい before issuing → 「電子証明書のインストールが完了しました」 | ${f(quantile(totals, 0.5))} | ${f(quantile(totals, 0.95))} | ${f(Math.max(...totals))} |`);
lines.push(`| of which OK (保護されたアイテム) → install confirmation (PC work + the bank's issue) | ${f(quantile(issuing, 0.5))} | ${f(quantile(issuing, 0.95))} | ${f(Math.max(...issuing))} |`);
const section = lines.join('\n');
console.log('\n' + section);

if (write && USER) writePerfSection('bench_user_renewal', "A user's own renewal: from the last はい to the installed certificate", section);
else if (write) writePerfSection('bench_renewal', 'Administrator renewal: from the last はい to the installed certificate', section);
