#!/usr/bin/env node
// certportal web benchmark: bytes shipped, time to first frame, idle cost — side by side with Dear
// ImGui's own Emscripten example (example_glfw_opengl3) built from the same ImGui sources.
//
//   node tools/bench_web.mjs [--runs N] [--write]     (N loads of each page, alternated; 9 by default)
//
// Needs the bundle (./serve.py --no-build works after ./tests/run or ./serve.py) and builds the
// reference with tools/bench_reference_build.sh. --write replaces the "web" section of docs/perf.md.
// Headless Chromium with SwiftShader (software GL): absolute times are slower than a GPU desktop.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, startServer as startServerFor } from '../tests/browser/harness.mjs';
import { writePerfSection } from './perf_doc.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 9;
const write = args.includes('--write');

const dist = path.join(repo, 'build', 'wasm', 'dist');
const refDir = path.join(repo, 'build', 'bench', 'imgui_example');
execFileSync(path.join(repo, 'tools', 'bench_reference_build.sh'), { stdio: 'inherit' });

function fileSizes(dir, names) {
  const row = (f) => {
    const p = path.join(dir, f);
    const size = (x) => { try { return statSync(x).size; } catch { return NaN; } };
    return { file: f, raw: size(p), gzip: size(p + '.gz'), brotli: size(p + '.br') };
  };
  return names.map(row);
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

// One page load: transferred bytes until idle, first-frame time, then 5 s of idle.
async function measure(url, readyProbe) {
  const context = await chromium.launchPersistentContext('', {
    executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs, viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] || await context.newPage();
  // tools/bench_probe.js, the same for both pages: frames counted, the first frame that drew.
  await page.addInitScript({ path: path.join(repo, 'tools', 'bench_probe.js') });
  let transferred = 0;
  page.on('requestfinished', async (req) => {
    try { const s = await req.sizes(); transferred += s.responseBodySize + s.responseHeadersSize; } catch { /* closed */ }
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  const firstFrame = await (await page.waitForFunction(() => window.__bench.firstFrameAt || 0, null, { timeout: 30000 })).jsonValue();
  // certportal's start-up milestones (web/loader.js: performance marks "certportal:<name>").
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
    .filter((m) => m.name.startsWith('certportal:')).map((m) => [m.name.slice('certportal:'.length), m.startTime])));
  // Start-up work done: for certportal, the simulation behind the page has loaded or (a fresh
  // profile: always here) created its sample world, keys included.
  if (readyProbe) await page.waitForFunction(readyProbe, null, { timeout: 90000 });
  await page.waitForTimeout(1500);
  const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const m0 = await metric();
  const raf0 = await page.evaluate(() => window.__bench.raf);
  await page.waitForTimeout(5000);
  const m1 = await metric();
  const raf1 = await page.evaluate(() => window.__bench.raf);
  await context.close();
  return {
    transferredKB: transferred / 1024,
    firstFrameMs: firstFrame,
    marks,
    idleFrames: raf1 - raf0,
    idleBusyPct: 100 * (m1.TaskDuration - m0.TaskDuration) / ((m1.Timestamp - m0.Timestamp) || 5),
  };
}

function summarise(results) {
  const pick = (k) => median(results.map((r) => r[k]));
  const markNames = Object.keys(results[0].marks);
  const marks = Object.fromEntries(markNames.map((n) => [n, median(results.map((r) => r.marks[n]))]));
  return { transferredKB: pick('transferredKB'), firstFrameMs: pick('firstFrameMs'), idleFrames: pick('idleFrames'), idleBusyPct: pick('idleBusyPct'), marks };
}

// Loads alternate between the two pages (ours, the example, ours, …), each in a cold browser with
// a fresh profile, so that a change in the machine's load falls on both alike.
const ours = await startServerFor(dist);
const ref = await startServerFor(refDir);
const oursRuns = [];
const refRuns = [];
try {
  for (let i = 0; i < runs; i++) {
    oursRuns.push(await measure(ours.url, () => window.certportal.module._cp_debug_simulation_status() >= 2));
    refRuns.push(await measure(ref.url));
  }
} finally {
  ours.stop();
  ref.stop();
}
const a = summarise(oursRuns);
const b = summarise(refRuns);
// Each round's ratio (ours / the example's, loads next to each other): the median and the spread.
const ratios = oursRuns.map((r, i) => r.firstFrameMs / refRuns[i].firstFrameMs);

const sizes = fileSizes(dist, ['certportal.wasm', 'certportal.js', 'fonts/ui.ttf', 'fonts/text.ttf', 'index.html', 'loader.js', 'app.css']);
const refSizes = fileSizes(refDir, ['index.wasm', 'index.js', 'index.html']);
const kb = (n) => (n / 1024).toFixed(1);
const lines = [];
lines.push(`Measured ${new Date().toISOString().slice(0, 10)} by \`node tools/bench_web.mjs --runs ${runs}\` (headless Chromium ${execFileSync('/usr/bin/chromium', ['--version']).toString().trim().split(' ')[1]}, SwiftShader, 2 cores; medians of ${runs} loads of each page, alternated, each in a cold browser with a fresh profile).`);
lines.push('');
lines.push('| | certportal | ImGui example_glfw_opengl3 |');
lines.push('|---|---|---|');
lines.push(`| transferred until idle (KB, compressed, with headers; certportal: first visit, key worker included) | ${a.transferredKB.toFixed(1)} | ${b.transferredKB.toFixed(1)} |`);
lines.push(`| navigation → first frame drawn (ms; tools/bench_probe.js, the same for both) | ${a.firstFrameMs.toFixed(0)} | ${b.firstFrameMs.toFixed(0)} |`);
lines.push(`| first frame, certportal ÷ example (median of the ${runs} rounds; lowest–highest) | ${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}) | 1.00 |`);
lines.push(`| animation frames in 5 s idle | ${a.idleFrames} | ${b.idleFrames} |`);
lines.push(`| main-thread busy in 5 s idle (%) | ${a.idleBusyPct.toFixed(2)} | ${b.idleBusyPct.toFixed(2)} |`);
lines.push('');
lines.push('certportal\'s start-up, milestones after navigation (ms; medians; web/loader.js\'s performance marks): ' +
           Object.entries(a.marks).sort((x, y) => x[1] - y[1]).map(([n, t]) => `${n} ${t.toFixed(0)}`).join(' → ') +
           ` → first frame drawn ${a.firstFrameMs.toFixed(0)}.`);
lines.push('');
lines.push('Files (KB): raw / gzip / brotli');
lines.push('');
lines.push('| file | raw | gzip | brotli |');
lines.push('|---|---|---|---|');
for (const s of [...sizes, ...refSizes.map((r) => ({ ...r, file: 'example: ' + r.file }))])
  lines.push(`| ${s.file} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`);
const section = lines.join('\n');
console.log(section);

if (write) writePerfSection('bench_web', 'Web bundle: size, first frame, idle cost', section);
