#!/usr/bin/env node
// Key generation in headless Chromium, side by side: certportal's worker (Mbed TLS in wasm, in a
// Web Worker, as the portal uses it) and the browser's own WebCrypto. Median and p95 over N runs.
//
//   node tools/bench_keygen_browser.mjs [--runs N] [--write]
//
// Needs the bundle in build/wasm/dist (./serve.py or ./tests/run builds it). --write replaces the
// "keygen_browser" section of docs/perf.md.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, startServer as startServerFor } from '../tests/browser/harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 30;
const write = args.includes('--write');

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95), min: s[0], max: s[s.length - 1] };
};

const server = await startServerFor(path.join(repo, 'build', 'wasm', 'dist'));
const context = await chromium.launchPersistentContext('', { executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
const page = context.pages()[0] || await context.newPage();
const results = {};
try {
  await page.goto(server.url);
  await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 30000 });
  // Warm-up: the first job also starts the worker and compiles its module.
  const workerJob = (keyType) => page.evaluate(async (t) => {
    const m = window.certportal.module;
    const t0 = performance.now();
    m._cp_debug_start_key_job(t);
    while (m._cp_debug_key_job_state() === 1) await new Promise((r) => setTimeout(r, 2));
    if (m._cp_debug_key_job_state() !== 2) throw new Error('key job failed: ' + m._cp_debug_key_job_state());
    return performance.now() - t0;
  }, keyType);
  const firstJob = await workerJob(1);
  const webcrypto = (alg) => page.evaluate(async (alg) => {
    const params = alg === 'rsa'
      ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }
      : { name: 'ECDSA', namedCurve: 'P-256' };
    const t0 = performance.now();
    await crypto.subtle.generateKey(params, true, ['sign', 'verify']);
    return performance.now() - t0;
  }, alg);
  for (const [name, fn] of [
    ['RSA-2048 keygen, certportal worker (Mbed TLS wasm)', () => workerJob(0)],
    ['RSA-2048 keygen, WebCrypto', () => webcrypto('rsa')],
    ['P-256 keygen, certportal worker (Mbed TLS wasm)', () => workerJob(1)],
    ['P-256 keygen, WebCrypto', () => webcrypto('ec')],
  ]) {
    const xs = [];
    for (let i = 0; i < runs; i++) xs.push(await fn());
    results[name] = stats(xs);
    console.error(name, JSON.stringify(results[name]));
  }
  results.firstJob = firstJob;
} finally {
  await context.close();
  server.stop();
}

const fmt = (v) => v.toFixed(v < 10 ? 2 : 0);
const version = execFileSync('/usr/bin/chromium', ['--version']).toString().trim().split(' ')[1];
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} by \`node tools/bench_keygen_browser.mjs --runs ${runs}\` (headless Chromium ${version}, 2 cores; times in ms, including the postMessage round trip for the worker).`,
  '',
  '| operation | median | p95 | min | max |',
  '|---|---|---|---|---|',
];
for (const [name, s] of Object.entries(results)) if (name !== 'firstJob') lines.push(`| ${name} | ${fmt(s.median)} | ${fmt(s.p95)} | ${fmt(s.min)} | ${fmt(s.max)} |`);
lines.push('', `First job of a page (starts the worker, compiles its 105 KB module, P-256 key): ${fmt(results.firstJob)} ms.`);
const section = lines.join('\n');
console.log(section);
if (write) {
  const perf = path.join(repo, 'docs', 'perf.md');
  let text = readFileSync(perf, 'utf8');
  const begin = '<!-- bench_keygen_browser:begin -->', end = '<!-- bench_keygen_browser:end -->';
  if (!text.includes(begin)) text += `\n## Key generation in the browser\n\nThe page generates keys in a Web Worker (wasm/platform/keygen), so the UI keeps drawing.\n\n${begin}\n${end}\n`;
  const i = text.indexOf(begin), j = text.indexOf(end);
  writeFileSync(perf, text.slice(0, i + begin.length) + '\n' + section + '\n' + text.slice(j));
  console.log('docs/perf.md updated');
}
