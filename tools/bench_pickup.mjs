// The user's pickup in headless Chromium (seed 001 part 2): the wait a person sees from the final
// click — 取得 (acquisition app) or はい (IE mode's 「Webアクセスの確認」) — to the frame that shows
// 「電子証明書 取得完了」, over N pickups per path (default 20), each from the UserPickupPending
// preset (cp_debug_reset_preset). The key pair is generated speculatively once the IDs are accepted,
// so the wait is the CSR, the key's protection (WebCrypto device key), the CA's signature and the
// IndexedDB transactions. Also: frames built while each pickup screen sits idle (target 0; the
// token's countdown at most one a second).
//   node tools/bench_pickup.mjs [--count N] [--write]   (--write replaces its section of docs/perf.md)
import { execFileSync } from 'node:child_process';
import { writePerfSection } from './perf_doc.mjs';
import { check, launch, startServer } from '../tests/browser/harness.mjs';
import { click, waitForText, waitForWidget, waitIdle } from '../tests/browser/person.mjs';
import {
  acquire, clickAndTime, enterIds, enterOneTimePassword, reloadInIeMode, resetToPickupPending, startApp,
} from '../tests/browser/pickup_steps.mjs';

const write = process.argv.includes('--write');
const countArg = process.argv.indexOf('--count');
const COUNT = countArg > 0 ? Number(process.argv[countArg + 1]) : 20;
const TOKEN_ONLY = process.argv.includes('--token-only');  // only the token's idle frames (no --write)

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

const framesBuilt = (page) => page.evaluate(() => window.certportal.framesBuilt());
const framesDrawn = (page) => page.evaluate(() => window.certportal.module._cp_debug_frames_drawn());
const idle = [];
async function idleFrames(page, screen, seconds = 3) {
  await waitIdle(page);
  await page.waitForTimeout(1000);
  const before = await framesBuilt(page), beforeDrawn = await framesDrawn(page);
  await page.waitForTimeout(seconds * 1000);
  const frames = (await framesBuilt(page)) - before, drawn = (await framesDrawn(page)) - beforeDrawn;
  idle.push({ screen, frames, drawn, seconds });
  console.log(`idle: ${screen}: ${frames} frames built, ${drawn} drawn in ${seconds} s`);
}
const onScreen = (page, names) => async (step) => { if (names[step]) await idleFrames(page, names[step]); };

const server = await startServer();
const { context, cleanup } = await launch();
const page = context.pages()[0] || await context.newPage();
await page.goto(server.url);
await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 60000 });

const waits = { app: [], ie: [] };
for (let i = 0; i < COUNT && !TOKEN_ONLY; i++) {
  for (const path_ of ['app', 'ie']) {
    const first = i === 0;
    await resetToPickupPending(page);
    await click(page, '利用者のパソコン');
    if (first && path_ === 'app') await idleFrames(page, 'top page (利用者のパソコン)');
    if (path_ === 'ie') await reloadInIeMode(page, first ? onScreen(page, { ie_banner: 'IE mode banner' }) : undefined);
    const at = first && path_ === 'app'
      ? onScreen(page, { ids_page: 'ID・暗証番号の入力', otp_page: 'ワンタイムパスワード', ca_page: 'CA page', app_ready: 'app running', app_done: 'app 取得完了', done: '取得完了 page' })
      : undefined;
    await enterIds(page, at);
    await enterOneTimePassword(page, at);
    if (path_ === 'app') {
      await startApp(page, at);
      waits.app.push(await acquire(page, at));
    } else {
      const yes = await waitForWidget(page, 'はい');
      if (first) await idleFrames(page, 'Webアクセスの確認');
      await waitIdle(page);
      waits.ie.push(await clickAndTime(page, yes, '電子証明書 取得完了'));
      await waitForText(page, '電子証明書の取得操作は完了しました');
      await click(page, 'Internet Explorer モードを終了');
    }
    console.log(`${path_} #${i + 1}: ${waits[path_].at(-1).toFixed(0)} ms`);
  }
}
// The token with a code showing: its countdown redraws at most once a second.
await waitIdle(page);
await click(page, 'トークン');
await click(page, '1');
await idleFrames(page, 'token showing a code (countdown)', 5);
await click(page, 'トークン');
await cleanup();
server.stop();
if (TOKEN_ONLY) process.exit(0);

const chromiumVersion = execFileSync('/usr/bin/chromium', ['--version']).toString().trim().split(' ')[1];
const uptime = execFileSync('uptime').toString().trim();
const f = (x) => x.toFixed(0);
const lines = [];
lines.push(`Measured ${new Date().toISOString().slice(0, 10)} by \`node tools/bench_pickup.mjs\` (headless Chromium ${chromiumVersion}, SwiftShader, 1280×800 at DPR 1, RSA-2048 keys, 2 cores shared with other builds: \`uptime\` at the end: ${uptime.replace(/^.*load average/, 'load average')}).`);
lines.push('');
lines.push(`Wait from the final click to the frame that shows 「電子証明書 取得完了」, ${COUNT} pickups per path, each from the UserPickupPending preset (the key pair was generated speculatively once the IDs were accepted):`);
lines.push('');
lines.push('| path | final click | pickups | median (ms) | p95 (ms) | worst (ms) |');
lines.push('|---|---|---|---|---|---|');
for (const [name, click_, xs] of [['acquisition app (Edge)', '取得', waits.app], ['IE mode', 'はい', waits.ie]])
  lines.push(`| ${name} | ${click_} | ${xs.length} | ${f(quantile(xs, 0.5))} | ${f(quantile(xs, 0.95))} | ${f(Math.max(...xs))} |`);
lines.push('');
lines.push('Frames built (and drawn with GL) while each pickup screen sits idle, after 1 s to settle: target 0; the token with a code showing redraws once a second (its timer frame, then the runner\'s one settling frame, whose output is the same and is not drawn):');
lines.push('');
lines.push('| screen | frames built | frames drawn | over |');
lines.push('|---|---|---|---|');
for (const r of idle) lines.push(`| ${r.screen} | ${r.frames} | ${r.drawn} | ${r.seconds} s |`);
const section = lines.join('\n');
console.log('\n' + section);
check(waits.app.length === COUNT && waits.ie.length === COUNT, 'every pickup completed');

if (write) writePerfSection('bench_pickup', "The user's pickup: wait after the final click, idle frames", section);
