#!/usr/bin/env node
// certportal demo console benchmark: frames built while the page sits idle with the console open
// (and with the guide's "show me" outline on), what a kiosk costs while it waits for its idle
// reset (frames before the countdown, frames per second of countdown), and the size of an
// exported world (the seed world, and 100 users).
//
//   node tools/bench_console.mjs [--write]
//
// Needs the bundle (build/wasm/dist). The page is driven as a person drives it (tests/browser/
// person.mjs); scenarios come from links (?scenario=…). --write replaces the "bench_console"
// section of docs/perf.md.
import { statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { writePerfSection } from './perf_doc.mjs';
import { launch, startServer } from '../tests/browser/harness.mjs';
import { click, waitForText, waitIdle, waitReady } from '../tests/browser/person.mjs';

const write = process.argv.includes('--write');
const framesBuilt = (page) => page.evaluate(() => window.certportal.framesBuilt());

// Frames built in `seconds` after the page has settled.
async function idleFrames(page, seconds) {
  await waitIdle(page);
  await page.waitForTimeout(1000);
  const before = await framesBuilt(page);
  await page.waitForTimeout(seconds * 1000);
  return (await framesBuilt(page)) - before;
}

async function withPage(server, query, fn) {
  const { context, cleanup } = await launch();
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(server.url + query);
    await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 30000 });
    await waitReady(page);
    return await fn(page);
  } finally {
    await cleanup();
  }
}

async function exportSize(page) {
  await click(page, 'デモコンソールを開く');
  const view = page.viewportSize();
  await page.mouse.move(view.width - 120, view.height / 2);
  await page.mouse.wheel(0, 3000);
  await click(page, '進み具合の保存');
  await page.mouse.wheel(0, 3000);
  const download = page.waitForEvent('download');
  await click(page, 'ファイルに書き出す');
  const file = path.join(tmpdir(), `certportal-bench-${process.pid}.cpworld`);
  await (await download).saveAs(file);
  return statSync(file).size;
}

const server = await startServer();
const rows = [];
try {
  rows.push(['frames in 5 s idle, console open (seed world)', await withPage(server, '', async (page) => {
    await click(page, 'デモコンソールを開く');
    return idleFrames(page, 5);
  })]);
  rows.push(['frames in 5 s idle, guide with "show me" on (?scenario=user-expired&guide=1)',
             await withPage(server, '?scenario=user-expired&guide=1', async (page) => {
               await click(page, 'どこをクリックするか表示');
               return idleFrames(page, 5);
             })]);
  await withPage(server, '?kiosk=1&idle=0.5', async (page) => {
    // 30 s idle: the countdown starts after 20 s, lasts 10 s.
    rows.push(['kiosk (idle=0.5): frames in the first 10 s of waiting', await idleFrames(page, 10)]);
    await waitForText(page, 'まもなく最初の状態に戻ります', { timeout: 30000 });
    const before = await framesBuilt(page);
    await page.waitForTimeout(5000);
    rows.push(['kiosk: frames in 5 s of countdown (one a second, and its settling frame)', (await framesBuilt(page)) - before]);
  });
  rows.push(['exported world, seed world (bytes)', await withPage(server, '', exportSize)]);
  rows.push(['exported world, 100 users (bytes)', await withPage(server, '?scenario=hundred-users', exportSize)]);
} finally {
  server.stop();
}

const load = loadavg()[0].toFixed(2);
const section = [
  `\`node tools/bench_console.mjs\` (headless Chromium, 1280×800; load average ${load} when run):`,
  '',
  '| measure | value |',
  '|---|---|',
  ...rows.map(([k, v]) => `| ${k} | ${v} |`),
].join('\n');
console.log(section);
if (write) writePerfSection('bench_console', 'Demo console: idle frames, the kiosk, exported worlds', section);
process.exit(0);
