// Seed 000 end to end in headless Chromium, as a person does it: the renewal mail, 管理者ログオン,
// 証明書更新 through the OS dialogs, the certificate manager (two certificates, delete the old one),
// logging on with the new one; いいえ at each confirmation; deleting the valid one and recovering
// through the branch (電子証明書再発行依頼書 → 管理者電子証明書取得); a locked contract unlocked at the
// branch (暗証番号閉塞解除依頼書), then the administrator logs on. usage: node renewal.test.mjs CASE
// Screenshots at each numbered seed step go to tests/artifacts/seed000_*.png.
import { check, run, withPortal } from './harness.mjs';
import { ADMIN_CERT, CONTRACT_PIN, adminLogin, answerCard, chooseAdminCertificate } from './admin_steps.mjs';
import { click, hasText, screenshot, typeInto, waitForText, waitForWidget, waitReady } from './person.mjs';
import { PRESET_CONTRACT_LOCKED, resetToPreset } from './pickup_steps.mjs';
import { INSTALLED, PROTECTED_ITEM, chooserRows, expiryCells, issueAndInstall, mailButton, moveIntoRenewalWindow,
         openCertificates, passDaysAtBranch, startRenewal, toMenu } from './renewal_steps.mjs';

// The seed's numbered steps.
const SEED_SHOTS = {
  contract_pin: '04_contract_pin', card_password: '05_card_password', notices: '06a_notices', menu: '06_menu',
  renewal_start: '07_renewal_start', web_access: '08_web_access', protected_item: '09_protected_item',
  issuing: '10_issuing', install_confirmation: '11_install_confirmation', installed: '12_installed',
  tools_menu: '13_tools_menu', internet_options: '14_internet_options', certificates: '15_certificates',
};
const shots = (page) => async (step) => {
  if (SEED_SHOTS[step]) await screenshot(page, 'seed000_' + SEED_SHOTS[step]);
};

// The mail, the clock: logged on inside the renewal window, at the menu.
async function loggedOnInWindow(page, at) {
  await waitReady(page);
  await moveIntoRenewalWindow(page);
  await adminLogin(page, at);
  await toMenu(page, at);
}

// Chooser → the row at `index` (top to bottom) → OK → 許可 → PIN → card → the menu.
async function logOnWithRow(page, index) {
  await click(page, '管理者ログイン');
  await click(page, '電子証明書方式 管理者ログイン');
  await waitForText(page, 'では資格情報が必要です');
  const rows = await chooserRows(page);
  check(rows.length > index, `the chooser lists ${index + 1} certificate(s) (got ${rows.length})`);
  await page.mouse.click(rows[index].x + rows[index].w / 2, rows[index].y + rows[index].h / 2);
  await click(page, 'OK');
  await click(page, '許可');
  await typeInto(page, 'ご契約先暗証番号', CONTRACT_PIN);
  await click(page, 'ログイン');
  await answerCard(page);
  await toMenu(page);
}

const cases = {
  // The mail → login → renewal → install → the manager shows two → delete the old → log on with the new.
  async renewal_end_to_end() {
    await withPortal(async ({ page, consoleErrors }) => {
      await waitReady(page);
      await moveIntoRenewalWindow(page);
      const mail = await mailButton(page);
      check(mail && mail.label !== 'メール', 'the taskbar counts unread mail: ' + (mail && mail.label));
      await click(page, mail.label);
      await click(page, '電子証明書更新のお知らせ');
      await waitForText(page, '管理者ログオンし「証明書更新」ボタンをクリックして');
      await screenshot(page, 'seed000_01_mail');
      await click(page, (await mailButton(page)).label);  // closes the panel
      await adminLogin(page, shots(page));
      await toMenu(page, shots(page));
      await startRenewal(page, shots(page));
      check(await hasText(page, 'セキュリティレベル 中'), 'the seed: the security level is 中');
      await issueAndInstall(page, shots(page));
      for (const note of ['この電子証明書がインストールされたパソコン以外では管理者のログオンはできません。', '電子証明書の有効期限は1年です。'])
        check(await hasText(page, note), 'the completion says: ' + note);
      await click(page, 'このウィンドウを閉じる');
      await waitForWidget(page, 'ログオフ');
      await openCertificates(page, shots(page));
      const cells = await expiryCells(page);
      check(cells.length === 2, '① two administrator certificates: ' + cells.map((c) => c.label).join(', '));
      await page.mouse.click(cells[0].x + cells[0].w / 2, cells[0].y + cells[0].h / 2);  // ③ the old one
      await click(page, '表示(V)');
      await waitForText(page, '拇印 (SHA-256)');
      await screenshot(page, 'seed000_15b_details');
      await click(page, 'OK');
      await click(page, '削除(R)');  // ④
      await waitForText(page, '証明書を削除しますか？');
      check(!(await hasText(page, 'これは新しい電子証明書です')), 'the old one: no warning');
      await screenshot(page, 'seed000_15c_delete_confirmation');
      await click(page, 'はい');
      check((await expiryCells(page)).length === 1, 'one certificate left');
      await click(page, '閉じる(C)');
      await click(page, 'OK');
      await click(page, 'ログオフ');
      await logOnWithRow(page, 0);  // the new one, the only one
      check(consoleErrors.length === 0, 'no console errors: ' + consoleErrors.join(' | '));
    });
  },

  // いいえ at each of the three confirmations: nothing installed, the old certificate still logs on.
  async renewal_no_at_each_confirmation() {
    await withPortal(async ({ page }) => {
      await loggedOnInWindow(page);
      for (let yesFirst = 0; yesFirst < 3; yesFirst++) {
        await click(page, '証明書更新');
        await click(page, '更新');
        await waitForText(page, 'この Web サイトは');
        if (yesFirst >= 1) await click(page, 'はい');
        if (yesFirst === 2) {
          await click(page, 'はい');
          await waitForText(page, PROTECTED_ITEM);
          await click(page, 'OK');
          await waitForText(page, 'この Web サイトは', { timeout: 60000 });
        }
        await click(page, 'いいえ');
        await waitForText(page, '電子証明書の更新を中止しました');
        check(await hasText(page, '現在の電子証明書は引き続きご利用いただけます'), 'the old certificate still works');
        await screenshot(page, 'seed000_no_' + (yesFirst + 1));
        await click(page, 'メニューへ戻る');
      }
      await click(page, 'ログオフ');
      await logOnWithRow(page, 0);
      check(!(await hasText(page, INSTALLED)), 'nothing was installed');
    });
  },

  // Deleting the new (valid) certificate: the bold warning, then the logon fails; the branch
  // reissues (電子証明書再発行依頼書, two days) and 管理者電子証明書取得 brings a new certificate.
  async renewal_delete_valid_and_branch() {
    await withPortal(async ({ page }) => {
      await loggedOnInWindow(page);
      await startRenewal(page);
      await issueAndInstall(page);
      await click(page, 'このウィンドウを閉じる');
      await openCertificates(page);
      const cells = await expiryCells(page);
      await page.mouse.click(cells[1].x + cells[1].w / 2, cells[1].y + cells[1].h / 2);  // the new one
      await click(page, '削除(R)');
      await waitForText(page, 'これは新しい電子証明書です。');
      check(await hasText(page, '誤って削除された場合、ログオン不可または書面でのお手続きが必要となる場合がございます。'), 'the seed warning');
      await screenshot(page, 'seed000_15d_delete_new_warning');
      await click(page, 'はい');
      await click(page, '閉じる(C)');
      await click(page, 'OK');
      await click(page, 'ログオフ');
      await click(page, '管理者ログイン');
      await click(page, '電子証明書方式 管理者ログイン');
      await click(page, ADMIN_CERT);
      await click(page, 'OK');
      await click(page, '許可');
      await waitForText(page, 'この電子証明書は更新済みの古い電子証明書です');
      check(await hasText(page, '電子証明書再発行依頼書'), 'the message names the branch form');
      await click(page, 'トップページへ戻る');
      await click(page, 'お取引店');
      await click(page, '「電子証明書再発行依頼書」を提出する');
      await waitForWidget(page, 'シティ信金ビジネスダイレクト電子証明書再発行依頼書  [受付]');  // the request's status line
      await screenshot(page, 'seed000_branch_received');
      await passDaysAtBranch(page, 2);
      await waitForWidget(page, 'シティ信金ビジネスダイレクト電子証明書再発行依頼書  [完了]');
      await click(page, 'お取引店');
      await click(page, '管理者ログイン');
      await click(page, '管理者電子証明書取得');
      await typeInto(page, '契約者ID', '00009876543');
      await typeInto(page, 'ご契約先暗証番号', CONTRACT_PIN);
      await click(page, '次へ >');
      await waitForText(page, 'この Web サイトは');
      await click(page, 'はい');
      await waitForText(page, '電子証明書 取得完了', { timeout: 60000 });
      await screenshot(page, 'seed000_branch_pickup_done');
      await click(page, 'トップページへ戻る');
      await logOnWithRow(page, 1);  // the obtained one: the lower row (the old one is revoked)
    });
  },

  // The contract locked (the ContractLocked preset: the lockout itself is admin.test.mjs's): the
  // login stops at the certificate with the seed's form named; お取引店 → 暗証番号閉塞解除依頼書 →
  // two days on the simulated clock (受付 → 完了) → the administrator logs on to the menu.
  async contract_unlock_at_branch() {
    await withPortal(async ({ page }) => {
      await resetToPreset(page, PRESET_CONTRACT_LOCKED, 'ContractLocked');
      await chooseAdminCertificate(page);
      await click(page, '許可');
      await waitForText(page, '暗証番号閉塞解除依頼書');
      await screenshot(page, 'seed000_branch_locked');
      await click(page, 'トップページへ戻る');
      await click(page, 'お取引店');
      await click(page, '「暗証番号閉塞解除依頼書」を提出する');
      await waitForWidget(page, 'シティ信金ビジネスダイレクト暗証番号閉塞解除依頼書  [受付]');
      await screenshot(page, 'seed000_branch_unlock_received');
      await passDaysAtBranch(page, 2);
      await waitForWidget(page, 'シティ信金ビジネスダイレクト暗証番号閉塞解除依頼書  [完了]');
      await screenshot(page, 'seed000_branch_unlock_done');
      await click(page, 'お取引店');
      await adminLogin(page);
      await toMenu(page);
      await screenshot(page, 'seed000_branch_unlocked_menu');
    });
  },
};

const name = process.argv[2];
if (!cases[name]) {
  console.error(`unknown case ${name}; cases: ${Object.keys(cases).join(', ')}`);
  process.exit(2);
}
run(name, cases[name]);
