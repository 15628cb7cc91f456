#!/usr/bin/env node
// certportal screens benchmark: frame CPU time while scrolling the users' grid with 100 users,
// frames built while each screen of the administrator's path sits idle, and the bytes of the
// first load.
//
//   node tools/bench_screens.mjs [--write]
//
// Needs the bundle (build/wasm/dist). The page is driven as a person drives it (tests/browser/
// person.mjs: widgets found by their words, real mouse and keyboard); the world is set to the
// HundredUsers preset through the cp_debug_reset_preset diagnostic. Frame CPU time is the runner's
// own measure (wasm/platform/runner.cpp: NewFrame .. GL calls issued, emscripten_get_now), read
// from cp_debug_frame_times_json. --write replaces the "bench_screens" section of docs/perf.md.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePerfSection } from './perf_doc.mjs';
import { CONFIRMATION_PIN, adminLogin, openUserEdit, toUserGrid } from '../tests/browser/admin_steps.mjs';
import { check, launch, startServer } from '../tests/browser/harness.mjs';
import { click, texts, typeInto, waitForText, waitForWidget, waitIdle, waitReady, widgets } from '../tests/browser/person.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const write = process.argv.includes('--write');

const HUNDRED_USERS = 6;  // cp::Preset::HundredUsers
const SCROLL_FRAMES = 100;

const framesBuilt = (page) => page.evaluate(() => window.certportal.framesBuilt());
const frameTimes = (page) => page.evaluate(() => {
  const m = window.certportal.module;
  return JSON.parse(m.UTF8ToString(m._cp_debug_frame_times_json()));
});

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

// A screen left alone: after 1 s to settle, no frame may be built in the next 3 s.
const idle = [];
async function idleFrames(page, screen) {
  await waitIdle(page);
  await page.waitForTimeout(1000);
  const before = await framesBuilt(page);
  await page.waitForTimeout(3000);
  const frames = (await framesBuilt(page)) - before;
  idle.push({ screen, frames });
  console.log(`idle: ${screen}: ${frames} frames in 3 s`);
}

async function resetToHundredUsers(page) {
  await page.evaluate((p) => window.certportal.module._cp_debug_reset_preset(p), HUNDRED_USERS);
  await page.waitForFunction(() => window.certportal.module._cp_debug_reset_state() !== 1, null, { timeout: 180000 });
  check(await page.evaluate(() => window.certportal.module._cp_debug_reset_state()) === 2, 'the reset to HundredUsers succeeded');
}

// Wheel steps over the grid until SCROLL_FRAMES frames were built: down, up, then sideways with
// Shift held. Returns those frames' CPU times (ms).
async function scrollGrid(page) {
  const anchor = await waitForWidget(page, 'S0001', { scroll: false });
  const x = anchor.x + 300, y = anchor.y + 60;  // inside the table, right of the frozen radio column
  await page.mouse.move(x, y);
  await waitIdle(page);
  const start = await framesBuilt(page);
  const plan = [];
  for (let i = 0; i < 30; i++) plan.push({ dy: 120 });
  for (let i = 0; i < 15; i++) plan.push({ dy: -120 });
  for (let i = 0; i < 20; i++) plan.push({ dy: 120, shift: true });
  for (let i = 0; i < 20; i++) plan.push({ dy: -120, shift: true });
  let steps = 0;
  for (let round = 0; round < 4 && (await framesBuilt(page)) - start < SCROLL_FRAMES; round++) {
    for (const step of plan) {
      if (step.shift) await page.keyboard.down('Shift');
      await page.mouse.wheel(0, step.dy);
      if (step.shift) await page.keyboard.up('Shift');
      await page.waitForTimeout(30);
      steps++;
      if ((await framesBuilt(page)) - start >= SCROLL_FRAMES) break;
    }
  }
  await waitIdle(page);
  const built = (await framesBuilt(page)) - start;
  const times = await frameTimes(page);
  console.log(`scroll: ${steps} wheel steps, ${built} frames`);
  return times.slice(-Math.min(built, times.length));
}

const server = await startServer();
const { context, cleanup } = await launch();
const page = context.pages()[0] || await context.newPage();
const consoleErrors = [];
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
page.on('pageerror', (e) => consoleErrors.push(String(e)));
let transferred = 0, requests = 0, firstLoadBytes = 0, firstLoadRequests = 0;
page.on('requestfinished', async (req) => {
  try { const s = await req.sizes(); transferred += s.responseBodySize + s.responseHeadersSize; requests++; } catch { /* closed */ }
});

let scroll, firstFrameMs;
try {
  await page.goto(server.url);
  await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 30000 });
  firstLoadBytes = transferred;
  firstLoadRequests = requests;
  firstFrameMs = await page.evaluate(() => window.certportal.firstFrameAt);
  await waitReady(page);
  await resetToHundredUsers(page);
  // The screens of the login path, each measured before the person acts on it (a focused text
  // field blinks its caret: that is not idle).
  const screens = {
    top_page: 'top page', certificate_chooser: 'certificate chooser (OS dialog)', key_access: 'key access (OS dialog)',
    contract_pin_page: 'contract PIN page', card_page: 'card page (確認用パスワード)', notices: 'notices', menu: 'menu',
  };
  const at = async (step) => { if (screens[step]) await idleFrames(page, screens[step]); };
  await adminLogin(page, at);
  await toUserGrid(page, at);
  await waitForWidget(page, 'S0001', { scroll: false });
  for (let i = 0; i < 20; i++) {
    await waitIdle(page);
    if (!(await widgets(page)).some((w) => w.label === 'もっと見る ▼' && !w.disabled)) break;
    await click(page, 'もっと見る ▼');
  }
  check(!(await widgets(page)).some((w) => w.label === 'もっと見る ▼'), 'all 100 rows are shown (no もっと見る ▼ left)');
  await idleFrames(page, 'users grid, 100 rows');
  scroll = await scrollGrid(page);
  await idleFrames(page, 'users grid after scrolling');

  // Back to the top row, then the edit page and the completion of a reissue.
  const rowShown = async (id) => (await widgets(page)).some((w) => w.label === id);
  if (!(await rowShown('S0001'))) {
    const row = (await widgets(page)).find((w) => /^S0\d{3}$/.test(w.label));
    await page.mouse.move(row.x + 300, row.y + 10);
    for (let i = 0; i < 60 && !(await rowShown('S0001')); i++) {
      await page.mouse.wheel(0, -400);
      await waitIdle(page);
    }
  }
  // The wheel over the table scrolls the table: scroll the page from its title, above the grid,
  // until the buttons below the grid are in view.
  const title = (await texts(page)).find((t) => t.label.includes('利用者情報の編集'));
  if (title) {
    await page.mouse.move(title.x + 5, title.y + title.h / 2);
    await page.mouse.wheel(0, 2000);
    await waitIdle(page);
  }
  await openUserEdit(page);
  await waitForText(page, '利用者電子証明書の再発行・失効');
  await idleFrames(page, 'user edit page');
  await click(page, '再発行');
  await typeInto(page, 'ご契約先確認暗証番号', CONFIRMATION_PIN);
  await click(page, 'OK');
  await waitForText(page, '利用者電子証明書の再発行を受け付けました');
  await idleFrames(page, 'completion');
  check(consoleErrors.length === 0, 'no console errors: ' + consoleErrors.join(' | '));
} catch (e) {
  await page.screenshot({ path: path.join(repo, 'tests', 'artifacts', 'bench_screens_failure.png') }).catch(() => {});
  throw e;
} finally {
  await cleanup();
  server.stop();
}

const chromiumVersion = execFileSync('/usr/bin/chromium', ['--version']).toString().trim().split(' ')[1];
const uptime = execFileSync('uptime').toString().trim();
const f = (x) => x.toFixed(2);
const lines = [];
lines.push(`Measured ${new Date().toISOString().slice(0, 10)} by \`node tools/bench_screens.mjs\` (headless Chromium ${chromiumVersion}, SwiftShader, 1280×800 at DPR 1, 2 cores shared with other builds: \`uptime\` at the end: ${uptime.replace(/^.*load average/, 'load average')}).`);
lines.push('');
lines.push(`Users' grid with the HundredUsers preset, all 100 rows shown (もっと見る ▼ until gone), mouse-wheel scrolling over the table (vertical, then horizontal with Shift): CPU time of each frame built (build + render: NewFrame … GL calls issued), ${scroll.length} frames.`);
lines.push('');
lines.push('| frames | median (ms) | p95 (ms) | worst (ms) |');
lines.push('|---|---|---|---|');
lines.push(`| ${scroll.length} | ${f(quantile(scroll, 0.5))} | ${f(quantile(scroll, 0.95))} | ${f(Math.max(...scroll))} |`);
lines.push('');
lines.push('Frames built while each screen sits idle (after 1 s to settle, counted over the next 3 s; target 0):');
lines.push('');
lines.push('| screen | frames in 3 s |');
lines.push('|---|---|');
for (const r of idle) lines.push(`| ${r.screen} | ${r.frames} |`);
lines.push('');
lines.push(`First load: ${(firstLoadBytes / 1024).toFixed(1)} KB transferred (compressed, with headers; ${firstLoadRequests} requests) from navigation until the first frame, which came ${firstFrameMs.toFixed(0)} ms after navigation.`);
const section = lines.join('\n');
console.log('\n' + section);
console.log(`(load average now: ${loadavg().map((x) => x.toFixed(2)).join(' ')})`);

if (write) writePerfSection('bench_screens', 'Screens: frame time and idle frames', section);
