#!/usr/bin/env node
// certportal IndexedDB benchmark (not a test): commit latency of installing a certificate and its
// protected key (one readwrite transaction, durability "strict", through the bank's persistence and
// IndexedDbStorage), and the storage used per installed certificate. Prints a markdown table.
//
//   node tools/bench_idb.mjs [--commits N] [--installs N] [--cert-bytes B] [--key-bytes B]
//
// Needs build/wasm/idb_test (cmake --build --preset wasm). Headless Chromium, a fresh profile on
// this machine's disk; the times include the wasm ↔ JavaScript hops and the promise round trip.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch } from '../tests/browser/harness.mjs';
import { BANK, USER_PC, call, openIdbPage, startIdbServer } from '../tests/browser/idb/idb_support.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : fallback; };
const commits = arg('--commits', 100);
const installs = arg('--installs', 200);
// An RSA-2048 X.509 certificate in DER is ~1.2 KB; its key as encrypted PKCS#8 (PBES2) ~1.3 KB.
const certBytes = arg('--cert-bytes', 1200);
const keyBytes = arg('--key-bytes', 1300);

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const quantile = (xs, q) => { const s = sorted(xs); return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]; };
const fmt = (ms) => ms.toFixed(2);

const server = await startIdbServer();
const profile = mkdtempSync(path.join(tmpdir(), 'certportal-bench-idb-'));
const { context, cleanup } = await launch({ userDataDir: profile });
try {
  const page = await openIdbPage(context, server.url);
  const opened = await call(page, 'open');
  if (opened.user_pc.backend !== 'IndexedDB') throw new Error('IndexedDB not available: ' + JSON.stringify(opened));
  await call(page, 'saveSeedBank');

  // Warm-up (first transactions create files), then the measured commits.
  for (let i = 0; i < 5; i++) await call(page, 'install', USER_PC, certBytes, keyBytes);
  const wall = [], inner = [];
  for (let i = 0; i < commits; i++) {
    const r = await page.evaluate(async ([c, k]) => {
      const t0 = performance.now();
      const res = await window.idbTest.install(2, c, k);
      return { wall: performance.now() - t0, res };
    }, [certBytes, keyBytes]);
    if (r.res.result !== 'Ok') throw new Error('install failed: ' + JSON.stringify(r.res));
    wall.push(r.wall);
    inner.push(r.res.ms);
  }
  const bankSaves = [];
  for (let i = 0; i < 20; i++) bankSaves.push((await call(page, 'saveSeedBank')).ms);

  // Storage per certificate: navigator.storage.estimate() before and after N more installs, and
  // the records' own bytes (key + value) as read back.
  const estimate = () => page.evaluate(() => navigator.storage.estimate().then((e) => e.usage));
  const countBefore = await call(page, 'count', USER_PC);
  const usageBefore = await estimate();
  for (let i = 0; i < installs; i++) await call(page, 'install', USER_PC, certBytes, keyBytes);
  await page.waitForTimeout(1000);
  const usageAfter = await estimate();
  const countAfter = await call(page, 'count', USER_PC);
  const recordBytes = (countAfter.certificates.bytes + countAfter.keys.bytes - countBefore.certificates.bytes - countBefore.keys.bytes) / installs;
  const certRecord = (countAfter.certificates.bytes - countBefore.certificates.bytes) / installs;
  const keyRecord = (countAfter.keys.bytes - countBefore.keys.bytes) / installs;
  const bank = await call(page, 'count', BANK);

  const browserVersion = context.browser() ? context.browser().version() : (await page.evaluate(() => navigator.userAgent)).match(/Chrome\/[\d.]+/)[0];
  console.log(`IndexedDB, headless ${browserVersion}, ${commits} commits of one certificate (${certBytes} B) + protected key (${keyBytes} B) in one transaction (durability "strict")\n`);
  console.log('| measure | median | p95 | min | max |');
  console.log('|---|---|---|---|---|');
  console.log(`| install commit, page → complete (ms) | ${fmt(quantile(wall, 0.5))} | ${fmt(quantile(wall, 0.95))} | ${fmt(Math.min(...wall))} | ${fmt(Math.max(...wall))} |`);
  console.log(`| install commit, C++ commit() → callback (ms) | ${fmt(quantile(inner, 0.5))} | ${fmt(quantile(inner, 0.95))} | ${fmt(Math.min(...inner))} | ${fmt(Math.max(...inner))} |`);
  console.log(`| bank save, ${bank.bank.bytes + bank.authority.bytes} B state + CA record (ms, 20 runs) | ${fmt(quantile(bankSaves, 0.5))} | ${fmt(quantile(bankSaves, 0.95))} | ${fmt(Math.min(...bankSaves))} | ${fmt(Math.max(...bankSaves))} |`);
  console.log('\n| storage per installed certificate | bytes |');
  console.log('|---|---|');
  console.log(`| records (key + value): certificate record | ${certRecord.toFixed(0)} |`);
  console.log(`| records (key + value): protected key record | ${keyRecord.toFixed(0)} |`);
  console.log(`| records total | ${recordBytes.toFixed(0)} |`);
  console.log(`| navigator.storage.estimate() usage delta / ${installs} installs | ${((usageAfter - usageBefore) / installs).toFixed(0)} |`);
} finally {
  await cleanup();
  rmSync(profile, { recursive: true, force: true });
  server.stop();
}
