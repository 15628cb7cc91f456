#!/usr/bin/env node
// certportal accessibility-mirror benchmark: what the mirror costs per frame on the heaviest
// screen, the users' grid with 100 users (the HundredUsers preset), in headless Chromium.
//
//   node tools/bench_mirror.mjs [--write]
//
// Logs on as a person does (tests/browser/admin_steps.mjs) and opens 利用者情報登録／変更, then moves
// the pointer down the grid row by row and back (each move changes a hover highlight: a frame that
// is drawn) and turns the wheel over it (rows scroll in and out: nodes come and go). For each drawn
// frame the portal times the mirror's work — the tree from the widget registry, the diff, the
// patch handed to JavaScript and applied to the DOM (cp_debug_mirror_times_json) — beside the whole
// frame (cp_debug_frame_times_json). A frame whose output did not change skips the mirror.
// --write replaces the "bench_mirror" section of docs/perf.md.
import { execFileSync } from 'node:child_process';
import { adminLogin, toUserGrid } from '../tests/browser/admin_steps.mjs';
import { check, launch, startServer } from '../tests/browser/harness.mjs';
import { waitIdle, waitReady, widgets } from '../tests/browser/person.mjs';
import { measuredLine, writePerfSection } from './perf_doc.mjs';

const write = process.argv.includes('--write');
const HUNDRED_USERS = 6;  // cp::Preset::HundredUsers

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const ring = (page, fn) => page.evaluate((name) => {
  const m = window.certportal.module;
  return JSON.parse(m.UTF8ToString(m[name]()));
}, fn);

const server = await startServer();
const { context, cleanup } = await launch({ viewport: { width: 1280, height: 1300 } });
const page = context.pages()[0] || await context.newPage();
const mirror = [], frames = [], appearing = [];
let nodes = 0, rows = 0;
try {
  await page.goto(server.url);
  await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 30000 });
  await waitReady(page);
  await page.evaluate((p) => window.certportal.module._cp_debug_reset_preset(p), HUNDRED_USERS);
  await page.waitForFunction(() => window.certportal.module._cp_debug_reset_state() !== 1, null, { timeout: 180000 });
  check(await page.evaluate(() => window.certportal.module._cp_debug_reset_state()) === 2, 'the reset succeeded');
  await adminLogin(page);
  await toUserGrid(page);
  await waitIdle(page);
  // The grid's arrival: the frames that build its elements (the first one makes them all).
  appearing.push(...(await ring(page, '_cp_debug_mirror_times_json')).slice(-3));
  const radios = (await widgets(page)).filter((w) => /^S\d{4}$/.test(w.label));
  check(radios.length >= 5, 'the grid shows its users (' + radios.length + ')');
  const samples = async () => (await page.evaluate(() => window.certportal.module._cp_debug_mirror_samples()));
  const start = await samples();
  const builtBefore = await page.evaluate(() => window.certportal.module._cp_debug_frames_built());
  // Over each radio and back: its hover highlight is drawn, so each move is a drawn frame.
  for (let pass = 0; pass < 3; pass++) {
    for (const r of pass % 2 ? [...radios].reverse() : radios) {
      await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
      await waitIdle(page);
    }
  }
  // The wheel over the grid: the page scrolls, rows move (every leaf's rectangle changes).
  for (const dy of [200, 200, 200, -200, -200, -200]) {
    await page.mouse.wheel(0, dy);
    await waitIdle(page);
  }
  const taken = (await samples()) - start;
  check(taken > 10 && taken <= 256, 'the mirror ran on each drawn frame (' + taken + ')');
  mirror.push(...(await ring(page, '_cp_debug_mirror_times_json')).slice(-taken));
  const built = (await page.evaluate(() => window.certportal.module._cp_debug_frames_built())) - builtBefore;
  frames.push(...(await ring(page, '_cp_debug_frame_times_json')).slice(-built));
  nodes = await page.evaluate(() => document.querySelectorAll('#cp-mirror *').length);
  rows = await page.evaluate(() => document.querySelectorAll('#cp-mirror [role=row]').length);
} finally {
  await cleanup();
  server.stop();
}

const f = (x) => x.toFixed(2);
const lines = [];
lines.push(measuredLine('tools/bench_mirror.mjs', 'headless Chromium, SwiftShader, 1280×1300'));
lines.push('');
lines.push(`The users' grid with the HundredUsers preset: ${nodes} mirror elements, ${rows} table rows on screen. ${mirror.length} drawn frames (the pointer over each user's radio, down and back three times, then the wheel):`);
lines.push('');
lines.push('| per drawn frame | median (ms) | p95 (ms) | worst (ms) |');
lines.push('|---|---|---|---|');
lines.push(`| mirror: tree + diff + patch applied to the DOM | ${f(quantile(mirror, 0.5))} | ${f(quantile(mirror, 0.95))} | ${f(Math.max(...mirror))} |`);
lines.push(`| every frame built meanwhile (build, render, mirror when drawn) | ${f(quantile(frames, 0.5))} | ${f(quantile(frames, 0.95))} | ${f(Math.max(...frames))} |`);
lines.push(`| the grid arriving (its first frame makes every element) | | | ${f(Math.max(...appearing))} |`);
lines.push('');
lines.push('Frames whose output did not change skip the mirror; an idle page builds no frames at all.');
const section = lines.join('\n');
console.log('\n' + section);
if (write) writePerfSection('bench_mirror', 'Accessibility mirror: per-frame cost on the grid with 100 users', section);
