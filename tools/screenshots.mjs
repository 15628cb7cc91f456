// Screenshots of every screen, in Japanese and English, at devicePixelRatio 1 and 2, and at a
// phone's width: what a person sees, for review.
//   node tools/screenshots.mjs [--out DIR] [--only reissue|pickup|renewal|user-renewal|desk|tls]   (default tests/artifacts/screens)
// Walks seed 001 part 1 (reissue), part 2 (the app path on the administrator's reissue, then IE
// mode from the UserPickupPending preset) and seed 000 (renewal, certificate manager, mailbox,
// branch, 管理者電子証明書取得; a user's own renewal from the UserRenewalWindow preset) by clicking
// widgets by their (Japanese) labels, and at each screen
// switches the language to English and back for the second picture.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { artifacts, withPortal } from '../tests/browser/harness.mjs';
import { cardFields, cardNumber, click, typeInto, waitForText, waitForWidget, waitIdle, waitReady } from '../tests/browser/person.mjs';
import { adminLogin, toUserGrid } from '../tests/browser/admin_steps.mjs';
import {
  PROTECTED_ITEM, WEB_ACCESS, expiryCells, issueAndInstall, mailButton, moveIntoRenewalWindow, openCertificates, startRenewal, toMenu,
} from '../tests/browser/renewal_steps.mjs';
import {
  PRESET_USER_RENEWAL_WINDOW, acquire, enterIds, enterOneTimePassword, reloadInIeMode, resetToPickupPending, resetToPreset,
  startApp, userLogin,
} from '../tests/browser/pickup_steps.mjs';

const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1] : path.join(artifacts, 'screens');
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1] : '';
mkdirSync(out, { recursive: true });

async function both(page, tag, name) {
  await waitIdle(page);
  await page.screenshot({ path: path.join(out, `${tag}_ja_${name}.png`) });
  await click(page, 'English');
  await waitIdle(page);
  await page.screenshot({ path: path.join(out, `${tag}_en_${name}.png`) });
  await click(page, '日本語');
  await waitIdle(page);
}

async function walk(page, tag) {
  await waitReady(page);
  await both(page, tag, '01_top');
  await click(page, 'サンプルデータ');
  await both(page, tag, '02_sample_data');
  await click(page, 'サンプルデータ');
  await click(page, '管理者ログイン');
  await both(page, tag, '02b_admin_login_page');
  await click(page, '電子証明書方式 管理者ログイン');
  await waitForText(page, 'では資格情報が必要です');
  await both(page, tag, '03_certificate_chooser');
  await click(page, '証明書のプロパティ');
  await both(page, tag, '04_certificate_properties');
  await click(page, '閉じる');
  await click(page, 'OK');
  await waitForWidget(page, '許可');
  await both(page, tag, '05_key_access');
  await click(page, '許可');
  await typeInto(page, 'ご契約先暗証番号', 'wrongpin1');
  await click(page, 'ログイン');
  await waitForText(page, 'あと5回');
  await both(page, tag, '06_contract_pin_wrong');
  await typeInto(page, 'ご契約先暗証番号', 'shinkin01');
  await click(page, 'ログイン');
  await waitForText(page, '確認用パスワードの入力');
  const fields = await cardFields(page);
  await click(page, 'お客様カード');
  await both(page, tag, '07_customer_card');
  const numbers = [await cardNumber(page, fields[0].label), await cardNumber(page, fields[1].label)];
  await click(page, 'お客様カード');
  await typeInto(page, fields[0].label, numbers[0]);
  await typeInto(page, fields[1].label, numbers[1]);
  await both(page, tag, '08_card_password');
  await click(page, 'OK');
  await waitForWidget(page, '次へ >');
  await both(page, tag, '09_notices');
  await click(page, '次へ >');
  await click(page, '▶ 操作履歴監査');
  await click(page, '改ざん検証');
  await both(page, tag, '10_menu_audit');
  await click(page, 'ご契約先管理情報変更');
  await both(page, tag, '11_menu_management');
  await click(page, '利用者情報登録／変更 >');
  await click(page, '+ 変更・登録抹消・各種設定・利用者ワンタイムパスワード');
  await both(page, tag, '12_user_grid');
  await click(page, '変更 >');
  await click(page, '再発行');
  await typeInto(page, 'ご契約先確認暗証番号', 'kakunin02');
  await both(page, tag, '13_user_edit');
  await click(page, 'OK');
  await waitForText(page, '利用者電子証明書の再発行を受け付けました');
  await both(page, tag, '14_completion');
}

// Seed 000: the clock into the renewal window, the mail, the branch, 証明書更新 through the OS
// dialogs, the certificate manager, then 管理者電子証明書取得's first page.
async function walkRenewal(page, tag) {
  await waitReady(page);
  await moveIntoRenewalWindow(page);
  await click(page, (await mailButton(page)).label);
  await click(page, '電子証明書更新のお知らせ');
  await both(page, tag, '20_mail');
  await click(page, '一覧へ戻る');
  await both(page, tag, '21_mailbox');
  await click(page, (await mailButton(page)).label);
  await click(page, 'お取引店');
  await both(page, tag, '22_branch');
  await click(page, 'お取引店');
  await adminLogin(page);
  await toMenu(page);
  await both(page, tag, '23_menu_renewal');
  await click(page, '証明書更新');
  await both(page, tag, '24_renewal_start');
  await click(page, '更新');
  await waitForText(page, WEB_ACCESS);
  await both(page, tag, '25_web_access');
  await click(page, 'はい');
  await click(page, 'はい');
  await waitForText(page, PROTECTED_ITEM);
  await both(page, tag, '26_protected_item');
  await click(page, 'セキュリティレベルの設定...');
  await click(page, '高');
  await both(page, tag, '27_security_level');
  await click(page, 'キャンセル');
  await click(page, 'OK');
  await waitForText(page, WEB_ACCESS, { timeout: 60000 });
  await both(page, tag, '28_install_confirmation');
  await click(page, 'はい');
  await waitForText(page, '電子証明書のインストールが完了しました', { timeout: 30000 });
  await both(page, tag, '29_installed');
  await click(page, 'このウィンドウを閉じる');
  await openCertificates(page);
  await both(page, tag, '31_certificates');
  const cells = await expiryCells(page);
  await page.mouse.click(cells[1].x + cells[1].w / 2, cells[1].y + cells[1].h / 2);
  await click(page, '表示(V)');
  await both(page, tag, '32_details');
  await click(page, 'OK');
  await click(page, '削除(R)');
  await both(page, tag, '33_delete_new_warning');
  await click(page, 'いいえ');
  await click(page, '信頼されたルート証明機関');
  await both(page, tag, '34_root_tab');
  await click(page, '閉じる(C)');
  await both(page, tag, '30_internet_options');
  await click(page, 'OK');
  await click(page, 'ログオフ');
  await click(page, '管理者ログイン');
  await click(page, '管理者電子証明書取得');
  await both(page, tag, '35_admin_pickup');
}

// Seed 001 part 2 on 利用者のパソコン, from the administrator's reissue (or the preset).
const PICKUP_SHOTS = {
  ids: '22_ids', token: '24_token', otp_page: '23_otp', otp: '25_otp_typed', ca_page: '26_ca_page',
  download_edge: '27_download_edge', app_ready: '28_app_running', app_done: '29_app_done', done: '30_done',
  login_chooser: '31_login_chooser', login_key_access: '32_login_key_access', login_pin: '33_login_pin',
  landing: '34_landing', ie_menu: '40_ie_menu', ie_banner: '41_ie_banner',
};
async function walkPickup(page, tag) {
  const at = async (step) => { if (PICKUP_SHOTS[step]) await both(page, tag, PICKUP_SHOTS[step]); };
  await click(page, '利用者のパソコン');
  await both(page, tag, '20_user_pc_top');
  await click(page, '利用者ログイン');
  await both(page, tag, '20b_user_login_page');
  await click(page, '電子証明書取得');
  await typeInto(page, '① 契約者ID(利用者番号)（※1）', '123');
  await typeInto(page, '③ 利用者暗証番号（※3）', 'wrong0001');
  await click(page, '次へ >');
  await waitForText(page, '11桁');
  await both(page, tag, '21_ids_errors');
  await click(page, '閉じる');
  await enterIds(page, at);
  await enterOneTimePassword(page, at);
  await startApp(page, at);
  await acquire(page, at);
  await click(page, 'トップページへ戻る');
  await userLogin(page, at);
  await click(page, 'ログオフ');
  // IE mode, from the moment after a reissue.
  await resetToPickupPending(page);
  await click(page, '利用者のパソコン');
  await reloadInIeMode(page, at);
  await enterIds(page);
  await enterOneTimePassword(page);
  await waitForWidget(page, 'はい');
  await both(page, tag, '42_web_access');
  await click(page, 'いいえ');
  await waitForText(page, '電子証明書が正しくインストールされませんでした');
  await both(page, tag, '43_ie_no');
}

// Seed 000 A3: a user's own renewal, from the UserRenewalWindow preset (its pages are the
// administrator's with the user's sentences).
const USER_RENEWAL_SHOTS = {
  landing: '50_user_landing_renewal', renewal_start: '51_user_renewal_start', web_access: '52_user_web_access',
  protected_item: '53_user_protected_item', install_confirmation: '54_user_install_confirmation',
  installed: '55_user_installed',
};
async function walkUserRenewal(page, tag) {
  const at = async (step) => { if (USER_RENEWAL_SHOTS[step]) await both(page, tag, USER_RENEWAL_SHOTS[step]); };
  await resetToPreset(page, PRESET_USER_RENEWAL_WINDOW, 'UserRenewalWindow');
  await click(page, '利用者のパソコン');
  await userLogin(page, at);
  await startRenewal(page, at);
  await issueAndInstall(page, at);
}

// The desk's own panels and small states: サンプルデータ with a コピー just clicked, the card's
// 「紛失を届け出る」 question, an ID typed in full-width (converted, and said), and the page with a
// finger for a pointer (44 px targets).
async function walkDesk(page, tag) {
  await waitReady(page);
  await click(page, 'サンプルデータ');
  await click(page, 'コピー');
  await both(page, tag, '70_sample_data_copied');
  await click(page, 'サンプルデータ');
  await click(page, 'お客様カード');
  await click(page, 'このカードを紛失したことにする（シミュレーション）');
  await both(page, tag, '71_card_confirm_lost');
  await click(page, 'やめる');
  await click(page, 'お客様カード');
  await click(page, '利用者のパソコン');
  await click(page, '利用者ログイン');
  await click(page, '電子証明書取得');
  await typeInto(page, '② 利用者ID（※2）', 'Ｓ０００１');
  await both(page, tag, '72_pickup_ids_full_width');
}

// A finger for a pointer (CSS pointer: coarse): the desk's targets at 44 px, the browser's menus
// and the certificate manager's rows included. The open menu in Japanese only (switching the
// language closes it).
async function walkTouch(page, tag) {
  await waitReady(page);
  await both(page, tag, '73_top');
  await openCertificates(page, async (step) => {
    if (step === 'tools_menu') await page.screenshot({ path: path.join(out, `${tag}_ja_74_tools_menu.png`) });
  });
  await both(page, tag, '75_certificates');
  await click(page, '閉じる(C)');
  await click(page, 'OK');  // インターネット オプション
  const at = async (step) => { if (step === 'card_password') await both(page, tag, '76_card_password'); };
  await adminLogin(page, at);
  await toUserGrid(page);
  await both(page, tag, '77_user_grid');
}

// The certificate login refused (the administrator's expired certificate): the failure page and
// the TLS handshake viewer it opens, its ClientHello row opened and its failing rows.
async function walkTls(page, tag) {
  await waitReady(page);
  await click(page, '管理者ログイン');
  await click(page, '電子証明書方式 管理者ログイン');
  await click(page, '00009876543 1635');
  await click(page, 'OK');
  await click(page, '許可');
  await waitForText(page, '管理者の電子証明書の有効期間が経過しています');
  await both(page, tag, '80_login_refused');
  await click(page, 'TLS ハンドシェイクを見る');
  await waitForText(page, '結果：ハンドシェイクは途中で終わりました。');
  await both(page, tag, '81_handshake_viewer');
  await click(page, '8. ブラウザー → 銀行  Certificate  [失敗した確認]');
  await both(page, tag, '82_handshake_certificate_row');
}

for (const [tag, options] of [['dpr1', { deviceScaleFactor: 1 }], ['dpr2', { deviceScaleFactor: 2 }],
                              ['phone', { deviceScaleFactor: 2, viewport: { width: 390, height: 844 }, hasTouch: false }]]) {
  // reissue and pickup share one page (the pickup follows the reissue); renewal starts afresh.
  if (only === '' || only === 'reissue' || only === 'pickup') {
    await withPortal(async ({ page }) => {
      if (only !== 'pickup') await walk(page, tag);
      if (only === 'pickup') await resetToPickupPending(page);
      if (only !== 'reissue') await walkPickup(page, tag);
    }, options);
  }
  if (only === '' || only === 'renewal') await withPortal(async ({ page }) => walkRenewal(page, tag), options);
  if (only === '' || only === 'user-renewal') await withPortal(async ({ page }) => walkUserRenewal(page, tag), options);
  if (only === '' || only === 'tls') await withPortal(async ({ page }) => walkTls(page, tag), { ...options, query: '?scenario=admin-expired' });
  if (only === '' || only === 'desk') {
    await withPortal(async ({ page }) => walkDesk(page, tag), options);
    await withPortal(async ({ page }) => walkTouch(page, tag + '_touch'), { ...options, hasTouch: true });
  }
  console.log(`screens: ${tag} done`);
}
console.log(`screens written to ${out}`);
