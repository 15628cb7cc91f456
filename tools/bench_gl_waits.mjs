#!/usr/bin/env node
// Where the main thread waits for the GPU during start-up: certportal and Dear ImGui's example
// loaded in turn, each WebGL call that blocked for more than 3 ms listed per load (tools/gl_wait_probe.js),
// with navigation → first frame (tools/bench_probe.js). The evidence behind docs/perf.md's notes on
// the first frame; not a budget (single loads vary by ±200 ms).
//
//   node tools/bench_gl_waits.mjs [--runs N]
//
// Needs the bundle (./serve.py --no-build works after ./tests/run or ./serve.py) and the reference
// build (tools/bench_reference_build.sh, which tools/bench_web.mjs runs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, startServer } from '../tests/browser/harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;

const pages = [
  ['certportal', await startServer(path.join(repo, 'build', 'wasm', 'dist'))],
  ['example', await startServer(path.join(repo, 'build', 'bench', 'imgui_example'))],
];
try {
  for (let i = 0; i < runs; i++) {
    for (const [name, server] of pages) {
      const context = await chromium.launchPersistentContext('', {
        executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs, viewport: { width: 1280, height: 800 },
      });
      const page = context.pages()[0] || await context.newPage();
      await page.addInitScript({ path: path.join(repo, 'tools', 'gl_wait_probe.js') });
      await page.addInitScript({ path: path.join(repo, 'tools', 'bench_probe.js') });
      await page.goto(server.url);
      const firstFrame = await (await page.waitForFunction(() => window.__bench.firstFrameAt || 0, null, { timeout: 30000 })).jsonValue();
      const waits = await page.evaluate(() => window.__glWaits);
      await context.close();
      console.log(`${name}: first frame ${Math.round(firstFrame)} ms; waits: ` +
                  waits.map((w) => `${w.call} @${w.at} ${w.ms} ms`).join(', '));
    }
  }
} finally {
  for (const [, server] of pages) server.stop();
}
