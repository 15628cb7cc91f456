#!/usr/bin/env node
// Key generation in headless Chromium, side by side: certportal's worker (Mbed TLS in wasm, in a
// Web Worker, as the portal uses it) and the browser's own WebCrypto, interleaved in one page so
// that machine load hits both alike. Median, p95 and worst over N keys each, and the ratio of the
// worker to WebCrypto. Also: the first visit's time from navigation to "sample world ready" (a
// fresh profile makes several RSA keys), and the sizes of the two wasm modules.
//
//   node tools/bench_keygen_browser.mjs [--runs N] [--first-visits N] [--dist DIR] [--write]
//
// Needs the bundle in build/wasm/dist (./serve.py or ./tests/run builds it), or --dist DIR (for a
// before/after comparison with a saved bundle). --write replaces the "keygen_browser" section of
// docs/perf.md.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, startServer as startServerFor } from '../tests/browser/harness.mjs';
import { writePerfSection } from './perf_doc.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(option('--runs', 100));
const firstVisits = Number(option('--first-visits', 5));
const dist = path.resolve(option('--dist', path.join(repo, 'build', 'wasm', 'dist')));
const write = args.includes('--write');

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95), min: s[0], max: s[s.length - 1] };
};
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const server = await startServerFor(dist);
const results = {};
const loadBefore = load();
const firstVisit = [];
try {
  // --- Key generation: worker and WebCrypto interleaved in one page --------------------------
  const context = await chromium.launchPersistentContext('', { executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 30000 });
    // Let the first visit's sample world finish first: its keys share the worker.
    await page.waitForFunction(() => window.certportal.module._cp_debug_simulation_status() >= 2, null, { timeout: 120000, polling: 50 });
    const workerJob = (keyType) => page.evaluate(async (t) => {
      const m = window.certportal.module;
      const t0 = performance.now();
      m._cp_debug_start_key_job(t);
      while (m._cp_debug_key_job_state() === 1) await new Promise((r) => setTimeout(r, 1));
      if (m._cp_debug_key_job_state() !== 2) throw new Error('key job failed: ' + m._cp_debug_key_job_state());
      return performance.now() - t0;
    }, keyType);
    const webcrypto = (alg) => page.evaluate(async (alg) => {
      const params = alg === 'rsa'
        ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }
        : { name: 'ECDSA', namedCurve: 'P-256' };
      const t0 = performance.now();
      await crypto.subtle.generateKey(params, true, ['sign', 'verify']);
      return performance.now() - t0;
    }, alg);
    await workerJob(1);  // the worker is up (the sample world started it): one job unmeasured
    for (const [alg, keyType, label] of [['rsa', 0, 'RSA-2048'], ['ec', 1, 'P-256']]) {
      const ours = [], theirs = [];
      // A pause before each operation, so that work one leaves behind (a losing prime racer
      // restarting in the background) does not land on the other's clock.
      const settle = () => new Promise((r) => setTimeout(r, 100));
      for (let i = 0; i < runs; i++) {
        // Alternate which goes first, so neither always runs right after the other.
        if (i % 2 === 0) { await settle(); ours.push(await workerJob(keyType)); await settle(); theirs.push(await webcrypto(alg)); }
        else { await settle(); theirs.push(await webcrypto(alg)); await settle(); ours.push(await workerJob(keyType)); }
      }
      results[`${label} keygen, certportal worker (Mbed TLS wasm)`] = stats(ours);
      results[`${label} keygen, WebCrypto`] = stats(theirs);
      console.error(label, 'worker', JSON.stringify(stats(ours)), 'webcrypto', JSON.stringify(stats(theirs)));
    }
  } finally {
    await context.close();
  }

  // --- First visit: navigation to "sample world ready", each in a fresh profile ---------------
  for (let i = 0; i < firstVisits; i++) {
    const ctx = await chromium.launchPersistentContext('', { executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
    try {
      const page = ctx.pages()[0] || await ctx.newPage();
      await page.goto(server.url);
      const handle = await page.waitForFunction(() => {
        const c = window.certportal;
        return c && c.module && c.module._cp_debug_simulation_status && c.module._cp_debug_simulation_status() >= 2
          ? { status: c.module._cp_debug_simulation_status(), at: performance.now() } : null;
      }, null, { timeout: 120000, polling: 10 });
      const r = await handle.jsonValue();
      if (r.status !== 2) throw new Error('sample world failed: status ' + r.status);
      firstVisit.push(r.at);
      console.error('first visit', r.at.toFixed(0), 'ms');
    } finally {
      await ctx.close();
    }
  }
} finally {
  server.stop();
}

const fmt = (v) => v.toFixed(v < 10 ? 2 : 0);
const ratio = (a, b) => (a / b).toFixed(1) + '×';
const size = (f) => { try { return statSync(path.join(dist, f)).size; } catch { return NaN; } };
const kb = (n) => (n / 1024).toFixed(1);
const version = execFileSync('/usr/bin/chromium', ['--version']).toString().trim().split(' ')[1];
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} by \`node tools/bench_keygen_browser.mjs --runs ${runs}\` (headless Chromium ${version}, 2 cores, load average ${loadBefore} before, ${load()} after; times in ms, the worker's including the postMessage round trip; worker and WebCrypto interleaved, ${runs} keys each, 100 ms pause before each).`,
  '',
  '| operation | median | p95 | worst | min | median ratio | p95 ratio |',
  '|---|---|---|---|---|---|---|',
];
const names = Object.keys(results);
for (let i = 0; i < names.length; i += 2) {
  const ours = results[names[i]], theirs = results[names[i + 1]];
  lines.push(`| ${names[i]} | ${fmt(ours.median)} | ${fmt(ours.p95)} | ${fmt(ours.max)} | ${fmt(ours.min)} | ${ratio(ours.median, theirs.median)} | ${ratio(ours.p95, theirs.p95)} |`);
  lines.push(`| ${names[i + 1]} | ${fmt(theirs.median)} | ${fmt(theirs.p95)} | ${fmt(theirs.max)} | ${fmt(theirs.min)} | 1× | 1× |`);
}
const fv = firstVisits > 0 ? stats(firstVisit) : null;
lines.push('');
if (fv) lines.push(`First visit, navigation → sample world ready (fresh profile; ${firstVisits} visits): median ${fmt(fv.median)} ms, worst ${fmt(fv.max)} ms.`);
lines.push(`Sizes (KB raw / gzip / brotli): key worker keyworker_module.wasm ${kb(size('keyworker_module.wasm'))} / ${kb(size('keyworker_module.wasm.gz'))} / ${kb(size('keyworker_module.wasm.br'))}; page certportal.wasm ${kb(size('certportal.wasm'))} / ${kb(size('certportal.wasm.gz'))} / ${kb(size('certportal.wasm.br'))}.`);
const section = lines.join('\n');
console.log(section);
if (write) writePerfSection('bench_keygen_browser', 'Key generation in the browser', section);
