// IndexedDB persistence in headless Chromium: the bank's and the simulated PCs' stores through
// IndexedDbStorage (wasm/platform/storage), driven by the test module in build/wasm/idb_test.
// usage: node indexeddb.test.mjs CASE — registered in ctest as browser.indexeddb_CASE.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check, launch, run } from '../harness.mjs';
import {
  ADMIN_PC, BANK, BANK_DB, USER_PC, USER_PC_DB, call, events, openIdbPage, rawDatabase, startIdbServer, waitReady,
} from './idb_support.mjs';

// A server and a browser profile for one case; `body` gets {context, url, server, relaunch}.
async function withBrowser(body, { userDataDir = null } = {}) {
  const server = await startIdbServer();
  let browser = await launch(userDataDir ? { userDataDir } : {});
  try {
    const relaunch = async () => {
      await browser.context.close();
      browser = await launch({ userDataDir });
      return browser.context;
    };
    await body({ context: browser.context, url: server.url, relaunch });
  } finally {
    await browser.cleanup();
    server.stop();
  }
}

function checkAllIndexedDb(opened, what) {
  for (const db of ['bank', 'admin_pc', 'user_pc'])
    check(opened[db].backend === 'IndexedDB' && opened[db].status === 'Ok',
          `${what}: ${db} opened in IndexedDB (got ${JSON.stringify(opened[db])})`);
}

function checkNoErrors(page) {
  check(page.errors.length === 0, 'no console errors: ' + page.errors.join(' | '));
}

// Saves the seed bank and installs one certificate + key in 利用者のパソコン; returns its serial.
async function seedAndInstall(page) {
  const saved = await call(page, 'saveSeedBank');
  check(saved.result === 'Ok' && saved.status === 'Ok', `seed bank saved (got ${JSON.stringify(saved)})`);
  const installed = await call(page, 'install', USER_PC, 0, 0);
  check(installed.result === 'Ok' && installed.status === 'Ok', `certificate installed (got ${JSON.stringify(installed)})`);
  return installed.serial;
}

async function checkPcHolds(page, serials, what) {
  const pc = await call(page, 'loadPc', USER_PC);
  check(pc.result === 'Ok', `${what}: 利用者のパソコン loads (got ${JSON.stringify(pc)})`);
  check(JSON.stringify([...pc.serials].sort()) === JSON.stringify([...serials].sort()),
        `${what}: 利用者のパソコン holds ${JSON.stringify(serials)} (got ${JSON.stringify(pc.serials)})`);
  check(pc.set_aside.length === 0 && pc.skipped === 0, `${what}: nothing set aside (got ${JSON.stringify(pc)})`);
}

async function checkBankIsSeed(page, what) {
  const bank = await call(page, 'loadBank');
  check(bank.result === 'Ok' && bank.equals_seed && bank.contract_id === '00009876543' && bank.users === 2,
        `${what}: the seed bank loads back identical (got ${JSON.stringify(bank)})`);
}

const cases = {
  // Save the seed bank and install a certificate; read both back in the same page, and check in
  // IndexedDB itself that a certificate and its key are there as ArrayBuffers under the same key.
  async round_trip() {
    await withBrowser(async ({ context, url }) => {
      const page = await openIdbPage(context, url);
      const opened = await call(page, 'open');
      checkAllIndexedDb(opened, 'first open');
      check(opened.user_pc.previous === 0, `a new database (previous version 0, got ${opened.user_pc.previous})`);
      const serial = await seedAndInstall(page);
      await checkBankIsSeed(page, 'same page');
      await checkPcHolds(page, [serial], 'same page');
      const raw = await rawDatabase(page, USER_PC_DB);
      check(raw && raw.version === 1, `${USER_PC_DB} exists at version 1 (got ${JSON.stringify(raw)})`);
      check(JSON.stringify(raw.stores.certificates.keys) === JSON.stringify([serial]) &&
            JSON.stringify(raw.stores.keys.keys) === JSON.stringify([serial]),
            `certificate and key under serial ${serial} (got ${JSON.stringify(raw.stores)})`);
      check([...raw.stores.certificates.types, ...raw.stores.keys.types].every((t) => t === 'ArrayBuffer'),
            'records are ArrayBuffers');
      const bankRaw = await rawDatabase(page, BANK_DB);
      check(bankRaw && bankRaw.stores.bank.keys.includes('state') && bankRaw.stores.authority.keys.includes('ledger'),
            `bank state and CA ledger saved together (got ${JSON.stringify(bankRaw && bankRaw.stores)})`);
      checkNoErrors(page);
    });
  },

  // A reload (new page, new module instance, new connections) finds the same bank and store.
  async survives_reload() {
    await withBrowser(async ({ context, url }) => {
      const page = await openIdbPage(context, url);
      checkAllIndexedDb(await call(page, 'open'), 'before reload');
      const serial = await seedAndInstall(page);
      await page.reload();
      await waitReady(page);
      const opened = await call(page, 'open');
      checkAllIndexedDb(opened, 'after reload');
      check(opened.user_pc.previous === 1, `existing database found (previous version 1, got ${opened.user_pc.previous})`);
      await checkBankIsSeed(page, 'after reload');
      await checkPcHolds(page, [serial], 'after reload');
      checkNoErrors(page);
    });
  },

  // The browser quits and starts again with the same profile folder: the data is still there.
  async survives_restart() {
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'certportal-idb-profile-'));
    try {
      await withBrowser(async ({ context, url, relaunch }) => {
        let page = await openIdbPage(context, url);
        checkAllIndexedDb(await call(page, 'open'), 'first run');
        const serial = await seedAndInstall(page);
        const second = await call(page, 'install', ADMIN_PC, 0, 0);
        check(second.result === 'Ok', `admin certificate installed (got ${JSON.stringify(second)})`);
        const ctx2 = await relaunch();
        page = await openIdbPage(ctx2, url);
        checkAllIndexedDb(await call(page, 'open'), 'after restart');
        await checkBankIsSeed(page, 'after restart');
        await checkPcHolds(page, [serial], 'after restart');
        const admin = await call(page, 'loadPc', ADMIN_PC);
        check(admin.result === 'Ok' && admin.count === 1 && admin.serials[0] === second.serial,
              `管理者のパソコン holds its certificate after restart (got ${JSON.stringify(admin)})`);
        checkNoErrors(page);
      }, { userDataDir });
    } finally {
      rmSync(userDataDir, { recursive: true, force: true });
    }
  },
};

const name = process.argv[2];
if (!cases[name]) {
  console.error(`unknown case "${name}"; cases: ${Object.keys(cases).join(', ')}`);
  process.exit(2);
}
run(`indexeddb_${name}`, cases[name]);
