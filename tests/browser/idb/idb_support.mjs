// Helpers for the IndexedDB browser tests and tools/bench_idb.mjs, beside tests/browser/harness.mjs
// (whose launch/check/run they reuse). The test page and module live in build/wasm/idb_test
// (assembled by tests/browser/idb/CMakeLists.txt); serve.py serves that folder.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repo, startServer } from '../harness.mjs';

export const idbTestDir = process.env.CERTPORTAL_IDB_TEST_DIR || path.join(repo, 'build', 'wasm', 'idb_test');

// Which database is which in the module's calls.
export const BANK = 0, ADMIN_PC = 1, USER_PC = 2;

// serve.py on a free port for the idb_test folder. The origin (and so the IndexedDB data) is tied
// to the port: keep one server for a whole test, across reloads and browser restarts.
export function startIdbServer() {
  if (!existsSync(path.join(idbTestDir, 'idb_test_module.js')))
    throw new Error(`${idbTestDir} has no idb_test_module.js: build the wasm preset (cmake --build --preset wasm)`);
  return startServer(idbTestDir);
}

// Opens the test page in a new tab (or `page`) and waits for the module. Console errors and page
// errors are collected in page.errors.
export async function openIdbPage(context, url, { page = null, initScript = null } = {}) {
  const p = page || await context.newPage();
  if (!p.errors) {
    p.errors = [];
    p.on('console', (m) => { if (m.type() === 'error') p.errors.push(m.text()); });
    p.on('pageerror', (e) => p.errors.push(String(e)));
  }
  if (initScript) await p.addInitScript(initScript);
  await p.goto(url);
  await waitReady(p);
  return p;
}

export async function waitReady(page) {
  await page.waitForFunction(() => window.idbTest && (window.idbTest.ready || window.idbTest.error), null, { timeout: 30000 });
  const error = await page.evaluate(() => window.idbTest.error);
  if (error) throw new Error('test module failed to start: ' + error);
}

// window.idbTest[name](...args) in the page, awaited.
export function call(page, name, ...args) {
  return page.evaluate(([n, a]) => window.idbTest[n](...a), [name, args]);
}

export async function events(page) {
  return page.evaluate(() => window.idbTest.events.slice());
}

// Raw IndexedDB look, independent of the code under test: {version, stores: {name: {keys, types}}}
// or null when the database does not exist.
export function rawDatabase(page, name) {
  return page.evaluate((dbName) => new Promise((resolve, reject) => {
    indexedDB.databases().then((list) => {
      if (!list.some((d) => d.name === dbName)) return resolve(null);
      const req = indexedDB.open(dbName);
      req.onerror = () => reject(new Error(String(req.error)));
      req.onsuccess = () => {
        const db = req.result, names = Array.from(db.objectStoreNames), out = { version: db.version, stores: {} };
        if (names.length === 0) { db.close(); return resolve(out); }
        const tx = db.transaction(names, 'readonly');
        for (const n of names) {
          const os = tx.objectStore(n), k = os.getAllKeys(), v = os.getAll();
          v.onsuccess = () => {
            out.stores[n] = {
              keys: k.result.map(String),
              types: v.result.map((x) => (x instanceof ArrayBuffer ? 'ArrayBuffer' : typeof x)),
              bytes: v.result.reduce((s, x) => s + (x instanceof ArrayBuffer ? x.byteLength : 0), 0),
            };
          };
        }
        tx.oncomplete = () => { db.close(); resolve(out); };
      };
    }, reject);
  }), name);
}

export const USER_PC_DB = 'certportal-pc-user-pc';
export const BANK_DB = 'certportal-bank';
