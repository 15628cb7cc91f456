// The user's pickup (seed 001 part 2) and 利用者ログイン as a person takes them, shared by the browser
// tests (tests/browser/pickup.test.mjs), the screenshots (tools/screenshots.mjs) and the pickup
// benchmark (tools/bench_pickup.mjs). Each function takes `at`, an async hook called with the
// name of each screen as it is reached: the tests take screenshots there, the tools measure.
import { check } from './harness.mjs';
import { click, texts, typeInto, waitForText, waitForWidget, waitIdle, waitReady, widgets } from './person.mjs';

export const CONTRACT_ID = '00009876543';
export const USER_CERT = '00009876543 S0001';
export const S0001_PIN = 'taro0001';
// cp::Preset::UserPickupPending (wasm/core/sim/presets.h): S0001 reissued, nothing else changed.
export const PRESET_PICKUP_PENDING = 7;
// cp::Preset::ContractLocked and cp::Preset::UserRenewalWindow.
export const PRESET_CONTRACT_LOCKED = 3;
export const PRESET_USER_RENEWAL_WINDOW = 8;

const nothing = async () => {};

// Replaces the world by a preset (cp::Preset, wasm/core/sim/presets.h) through the
// cp_debug_reset_preset diagnostic: the tests start where the seed's procedure starts instead of
// walking the long way there. A reset is refused while a save is in flight: then it is asked again
// a moment later.
export async function resetToPreset(page, preset, name) {
  await waitReady(page);
  let state = -1;
  for (let attempt = 0; attempt < 10 && state !== 2; attempt++) {
    if (attempt > 0) await page.waitForTimeout(300);
    await waitIdle(page);
    await page.evaluate((p) => window.certportal.module._cp_debug_reset_preset(p), preset);
    await page.waitForFunction(() => window.certportal.module._cp_debug_reset_state() !== 1, null, { timeout: 180000 });
    state = await page.evaluate(() => window.certportal.module._cp_debug_reset_state());
  }
  check(state === 2, `the reset to ${name} succeeded`);
  await waitIdle(page);
}

// Starts from the moment after the administrator's reissue (the administrator's screens are
// admin.test.mjs's).
export async function resetToPickupPending(page) { await resetToPreset(page, PRESET_PICKUP_PENDING, 'UserPickupPending'); }

// 「…」 → 「Internet Explorer モードで再読み込みする」 → the banner → 完了.
export async function reloadInIeMode(page, at = nothing) {
  await click(page, '…');
  await waitForWidget(page, 'Internet Explorer モードで再読み込みする');
  await at('ie_menu');
  // A hook that clicked elsewhere (the language, for a screenshot) closed the menu: open it again.
  if (!(await widgets(page)).some((w) => w.label === 'Internet Explorer モードで再読み込みする')) await click(page, '…');
  await click(page, 'Internet Explorer モードで再読み込みする');
  await waitForText(page, 'このページは Internet Explorer モードで開かれています');
  await at('ie_banner');
  await click(page, '完了');
}

// On 利用者のパソコン's top page: 利用者ログイン → 電子証明書取得 → ① ② ③ → 次へ > → the one-time
// password page.
export async function enterIds(page, at = nothing, { user = 'S0001', pin = S0001_PIN } = {}) {
  await click(page, '利用者ログイン');
  await at('user_login_page');
  await click(page, '電子証明書取得');
  await waitForText(page, 'ID・暗証番号の入力');
  await at('ids_page');
  await typeInto(page, '① 契約者ID(利用者番号)（※1）', CONTRACT_ID);
  await typeInto(page, '② 利用者ID（※2）', user);
  await typeInto(page, '③ 利用者暗証番号（※3）', pin);
  await at('ids');
  await click(page, '次へ >');
}

// The token on the desk: 「1」, the six digits it shows, closed again.
export async function readToken(page, at = nothing) {
  await click(page, 'トークン');
  await click(page, '1');
  const code = await page.waitForFunction(
    () => (window.certportal.widgets().find((w) => /^\d{6}$/.test(w.label)) || {}).label || false, null, { timeout: 10000 });
  const value = await code.jsonValue();
  await at('token');
  await click(page, 'トークン');
  return value;
}

export async function enterOneTimePassword(page, at = nothing, code = null) {
  await waitForText(page, 'ワンタイムパスワード');
  await at('otp_page');
  const value = code || await readToken(page, at);
  await typeInto(page, 'ワンタイムパスワード（※1）', value);
  await at('otp');
  await click(page, '電子証明書取得');
  return value;
}

// The CA's page → ダウンロード → the browser's download (Edge: 開く; Chrome: the file) → the app.
export async function startApp(page, at = nothing, { chrome = false } = {}) {
  await waitForText(page, '電子証明書取得アプリのダウンロード');
  await at('ca_page');
  await click(page, 'ダウンロード');
  if (chrome) {
    await waitForWidget(page, 'ShinkinIBCertTool.exe');
    await at('download_chrome');
    await click(page, 'ShinkinIBCertTool.exe');
  } else {
    await waitForWidget(page, '開く');
    await at('download_edge');
    await click(page, '開く');
  }
  await waitForText(page, '電子証明書取得アプリが起動しました');
  await at('app_ready');
}

// On a phone the app's window sits over the bottom of the page, which scrolls above it: like a
// person, scroll the page (wheel above the window) until the widget is clear of the window's top
// (its title bar's ×). Returns the widget where it is then.
async function clearOfAppWindow(page, label) {
  for (let scrolls = 0; ; scrolls++) {
    const all = await widgets(page);
    const target = all.find((w) => w.label === label && !w.disabled);
    const close = all.find((w) => w.label === 'ウィンドウを閉じる');
    // The window is at most 400 px wide (wasm/ui/user/acquisition_app.cpp), its × at its right end.
    const under = close && target.x + target.w / 2 > close.x + close.w - 420 && target.y + target.h > close.y;
    if (!under || scrolls === 8) return target;
    await page.mouse.move(target.x + target.w / 2, Math.max(close.y - 60, 0));
    await page.mouse.wheel(0, 200);
    await waitIdle(page);
  }
}

// 取得 → the app's 「電子証明書 取得完了」 → 閉じる. Returns the wait (ms) from the click to the
// frame that shows 取得完了, read in the page (performance.now) so Node's polling adds nothing.
export async function acquire(page, at = nothing) {
  await waitForWidget(page, '取得');
  await waitIdle(page);
  const w = await clearOfAppWindow(page, '取得');
  const waited = await clickAndTime(page, w, '電子証明書 取得完了');
  await at('app_done');
  await click(page, '閉じる');
  await waitForText(page, '電子証明書の取得操作は完了しました');
  await at('done');
  return waited;
}

// Clicks `w` and measures, in the page, until some text contains `fragment`.
export async function clickAndTime(page, w, fragment) {
  await page.evaluate((f) => {
    window.__pickupDone = new Promise((resolve) => {
      const look = () => {
        if (window.certportal.texts().some((t) => t.label.includes(f))) resolve(performance.now());
        else requestAnimationFrame(look);
      };
      window.__pickupStart = performance.now();
      requestAnimationFrame(look);
    });
  }, fragment);
  const started = await page.evaluate(() => performance.now());
  await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
  const ended = await page.evaluate(() => window.__pickupDone);
  return ended - started;
}

// From the top page: 利用者ログイン → 電子証明書方式 利用者ログイン with the newest user certificate of
// this PC (listed last).
export async function userLogin(page, at = nothing) {
  await click(page, '利用者ログイン');
  await click(page, '電子証明書方式 利用者ログイン');
  await waitForText(page, 'では資格情報が必要です');
  await waitIdle(page);
  const rows = (await widgets(page)).filter((w) => w.label === USER_CERT);
  check(rows.length >= 1, 'the chooser lists the user certificate');
  const last = rows[rows.length - 1];
  await page.mouse.click(last.x + last.w / 2, last.y + last.h / 2);
  await waitIdle(page);
  await at('login_chooser');
  await click(page, 'OK');
  await waitForWidget(page, '許可');
  await at('login_key_access');
  await click(page, '許可');
  await waitForWidget(page, '利用者暗証番号');
  await typeInto(page, '利用者暗証番号', S0001_PIN);
  await at('login_pin');
  await click(page, 'ログイン');
  await waitForText(page, '前回ログオン日時');
  await at('landing');
}

export async function textContaining(page, fragment) {
  return (await texts(page)).find((t) => t.label.includes(fragment));
}
