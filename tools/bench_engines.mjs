#!/usr/bin/env node
// certportal on three browser engines, side by side in one run, with Dear ImGui's own Emscripten
// example (example_glfw_opengl3, tools/bench_reference_build.sh) beside it on each: first-load
// bytes, navigation → first frame, animation frames and main-thread time in 5 s of idle, and
// RSA-2048 key generation in the portal's worker (Mbed TLS wasm) against the engine's WebCrypto.
//
//   node tools/bench_engines.mjs [--loads N] [--keys N] [--engines chromium,firefox,webkit] [--write]
//
// Firefox and WebKit need a display: the script re-runs itself under xvfb-run when DISPLAY is
// unset. Both pages get tools/bench_probe.js as their first script (a copy of each bundle with
// that one line added), so every figure is measured the same way on every engine. --write
// replaces the "bench_engines" section of docs/perf.md. Software GL everywhere (SwiftShader,
// llvmpipe): absolute times are slower than on a GPU desktop; compare within a row.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePerfSection } from './perf_doc.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);

if (!process.env.DISPLAY && !process.env.CERTPORTAL_BENCH_UNDER_XVFB) {
  const r = spawnSync('xvfb-run', ['-a', '-s', '-screen 0 1920x1200x24', process.execPath, fileURLToPath(import.meta.url), ...args],
                      { stdio: 'inherit', env: { ...process.env, CERTPORTAL_BENCH_UNDER_XVFB: '1' } });
  process.exit(r.status ?? 1);
}

const loads = Number(option('--loads', 5));
const keys = Number(option('--keys', 10));
const engines = option('--engines', 'chromium,firefox,webkit').split(',');
const write = args.includes('--write');

const dist = path.join(repo, 'build', 'wasm', 'dist');
const refDir = path.join(repo, 'build', 'bench', 'imgui_example');
execFileSync(path.join(repo, 'tools', 'bench_reference_build.sh'), { stdio: 'inherit' });

// A copy of a bundle whose index.html loads the probe before anything else.
function withProbe(dir, marker) {
  const copy = mkdtempSync(path.join(tmpdir(), 'certportal-bench-'));
  cpSync(dir, copy, { recursive: true });
  copyFileSync(path.join(repo, 'tools', 'bench_probe.js'), path.join(copy, 'bench_probe.js'));
  const index = path.join(copy, 'index.html');
  const html = readFileSync(index, 'utf-8');
  if (!html.includes(marker)) throw new Error(`${index} lacks ${marker}`);
  writeFileSync(index, html.replace(marker, '<script src="bench_probe.js"></script>\n' + marker));
  for (const stale of ['index.html.gz', 'index.html.br']) rmSync(path.join(copy, stale), { force: true });
  return copy;
}

const median = (xs) => { const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// One load in a fresh profile: bytes, first frame, then 5 s of idle (certportal: once its sample
// world is ready, so the idle is the page's own).
async function measureLoad(launchEngine, url, page_kind) {
  const { page, cleanup } = await launchEngine();
  try {
    await page.goto(url);
    // The same probe for both pages (tools/bench_probe.js: the end of the first frame that drew).
    const firstFrame = () => window.__bench.firstFrameAt || 0;
    const first = await (await page.waitForFunction(firstFrame, undefined, { timeout: 60000 })).jsonValue();
    if (page_kind === 'certportal')
      await page.waitForFunction(() => window.certportal.module._cp_debug_simulation_status() >= 2, undefined, { timeout: 180000 });
    await sleep(1500);
    const look = () => page.evaluate(() => ({ raf: window.__bench.raf, late: window.__bench.lateMs, t: performance.now() }));
    const a = await look();
    await sleep(5000);
    const b = await look();
    const bytes = await page.evaluate(() => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
      const sum = entries.reduce((n, e) => n + (e.transferSize || 0), 0);
      return sum > 0 ? sum : NaN;  // engines without transferSize report 0 for everything
    });
    return { first, bytes, idleFrames: b.raf - a.raf, busyPct: (100 * (b.late - a.late)) / (b.t - a.t) };
  } finally {
    await cleanup();
  }
}

// RSA-2048 in the portal's worker and in WebCrypto, interleaved in one page.
async function measureKeys(launchEngine, url) {
  const { page, cleanup } = await launchEngine();
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.certportal && window.certportal.module &&
      window.certportal.module._cp_debug_simulation_status() >= 2, undefined, { timeout: 180000 });
    const worker = () => page.evaluate(async () => {
      const m = window.certportal.module;
      const t0 = performance.now();
      m._cp_debug_start_key_job(0);
      while (m._cp_debug_key_job_state() === 1) await new Promise((r) => setTimeout(r, 1));
      if (m._cp_debug_key_job_state() !== 2) throw new Error('key job failed: ' + m._cp_debug_key_job_state());
      return performance.now() - t0;
    });
    const webcrypto = () => page.evaluate(async () => {
      const t0 = performance.now();
      await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
                                      true, ['sign', 'verify']);
      return performance.now() - t0;
    });
    await worker();  // warm: the first job starts the worker
    const ours = [], theirs = [];
    for (let i = 0; i < keys; i++) {
      await sleep(100);
      ours.push(await worker());
      await sleep(100);
      theirs.push(await webcrypto());
    }
    return { ours, theirs };
  } finally {
    await cleanup();
  }
}

const { startServer } = await import('../tests/browser/harness.mjs');
const portalDir = withProbe(dist, '<script src="loader.js" defer></script>');
const exampleDir = withProbe(refDir, '<script src="module.js"></script>');
const portal = await startServer(portalDir);
const example = await startServer(exampleDir);
const rows = {};
try {
  for (const engine of engines) {
    process.env.CERTPORTAL_ENGINE = engine;
    // engines.mjs reads the engine when it is first imported: a fresh copy of the module per engine.
    const { launchEngine } = await import(`../tests/browser/engines.mjs?engine=${engine}`);
    const ours = [], theirs = [];
    for (let i = 0; i < loads; i++) {
      ours.push(await measureLoad(launchEngine, portal.url, 'certportal'));
      theirs.push(await measureLoad(launchEngine, example.url, 'example'));
      console.error(engine, 'load', i + 1, JSON.stringify(ours.at(-1)), JSON.stringify(theirs.at(-1)));
    }
    const k = await measureKeys(launchEngine, portal.url);
    console.error(engine, 'keys', JSON.stringify({ worker: median(k.ours), webcrypto: median(k.theirs) }));
    const pick = (xs, f) => median(xs.map((x) => x[f]));
    rows[engine] = {
      version: engineVersion(engine),
      ours: { first: pick(ours, 'first'), bytes: pick(ours, 'bytes'), idleFrames: pick(ours, 'idleFrames'), busyPct: pick(ours, 'busyPct') },
      theirs: { first: pick(theirs, 'first'), bytes: pick(theirs, 'bytes'), idleFrames: pick(theirs, 'idleFrames'), busyPct: pick(theirs, 'busyPct') },
      keys: { worker: median(k.ours), workerP95: p95(k.ours), webcrypto: median(k.theirs), webcryptoP95: p95(k.theirs) },
    };
  }
} finally {
  portal.stop();
  example.stop();
  rmSync(portalDir, { recursive: true, force: true });
  rmSync(exampleDir, { recursive: true, force: true });
}

function engineVersion(engine) {
  const run = (cmd, a) => { try { return execFileSync(cmd, a, { encoding: 'utf-8' }).trim(); } catch { return '?'; } };
  if (engine === 'chromium') return run('/usr/bin/chromium', ['--version']).split(' ').slice(0, 2).join(' ');
  if (engine === 'firefox') return run('/usr/bin/firefox-esr', ['--version']);
  return 'WebKitGTK ' + run('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0']);
}

const fmt = (v, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
const kb = (v) => (Number.isFinite(v) ? (v / 1024).toFixed(1) : 'n/a (no transferSize)');
const lines = [];
lines.push(`Measured ${new Date().toISOString().slice(0, 10)} by \`node tools/bench_engines.mjs --loads ${loads} --keys ${keys}\` ` +
           `(2 cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at the end; software GL; medians of ${loads} loads ` +
           `in fresh profiles, ${keys} keys each). First-load bytes include the text face, fetched once the simulation is ready.`);
lines.push('');
lines.push('| engine | | navigation → first frame (ms) | first-load bytes (KB, until idle) | frames in 5 s idle | main thread busy in 5 s idle (%, timer lateness) |');
lines.push('|---|---|---|---|---|---|');
for (const [engine, r] of Object.entries(rows)) {
  lines.push(`| ${engine} (${r.version}) | certportal | ${fmt(r.ours.first)} | ${kb(r.ours.bytes)} | ${fmt(r.ours.idleFrames)} | ${fmt(r.ours.busyPct, 2)} |`);
  lines.push(`| | ImGui example | ${fmt(r.theirs.first)} | ${kb(r.theirs.bytes)} | ${fmt(r.theirs.idleFrames)} | ${fmt(r.theirs.busyPct, 2)} |`);
  lines.push(`| | ratio (certportal / example) | ${fmt(r.ours.first / r.theirs.first, 2)}× | | | |`);
}
lines.push('');
lines.push('| engine | RSA-2048 keygen, certportal worker: median / p95 (ms) | WebCrypto: median / p95 (ms) |');
lines.push('|---|---|---|');
for (const [engine, r] of Object.entries(rows))
  lines.push(`| ${engine} | ${fmt(r.keys.worker)} / ${fmt(r.keys.workerP95)} | ${fmt(r.keys.webcrypto)} / ${fmt(r.keys.webcryptoP95)} |`);
const section = lines.join('\n');
console.log(section);

if (write) writePerfSection('bench_engines', 'Three engines: first frame, idle, key generation', section);
