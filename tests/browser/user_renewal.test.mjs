// A user's own 証明書更新 (seed 000 A3: 管理者または利用者からログオンし、更新を行ってください) end to
// end, as a person does it, from the UserRenewalWindow preset (S0001's certificate on 利用者のパソコン
// expires in 20 days, its renewal mail sent): the mail → 利用者ログイン → 証明書更新 → the OS
// dialogs → 電子証明書発行処理中 → インストールが完了しました → 利用者ログイン with the new
// certificate. usage: node user_renewal.test.mjs CASE. Screenshots: tests/artifacts/user_renewal_*.png.
import { check, run, withPortal } from './harness.mjs';
import { click, hasText, screenshot, waitForText, widgets } from './person.mjs';
import { PRESET_USER_RENEWAL_WINDOW, resetToPreset, userLogin } from './pickup_steps.mjs';
import { INSTALLED, issueAndInstall, mailButton, startRenewal } from './renewal_steps.mjs';

// The steps of seed 000 the user's renewal shares with the administrator's.
const SHOTS = {
  landing: '02_landing', renewal_start: '07_renewal_start', web_access: '08_web_access',
  protected_item: '09_protected_item', issuing: '10_issuing', install_confirmation: '11_install_confirmation',
  installed: '12_installed',
};
const shots = (page) => async (step) => {
  if (SHOTS[step]) await screenshot(page, 'user_renewal_' + SHOTS[step]);
};

const cases = {
  async user_renewal_end_to_end() {
    await withPortal(async ({ page, consoleErrors }) => {
      await resetToPreset(page, PRESET_USER_RENEWAL_WINDOW, 'UserRenewalWindow');
      const mail = await mailButton(page);
      check(mail && mail.label !== 'メール', 'the taskbar counts unread mail: ' + (mail && mail.label));
      await click(page, mail.label);
      await click(page, '電子証明書更新のお知らせ (S0001)');  // the mailbox names whose certificate
      await waitForText(page, '管理者または利用者からログオンし、更新を行ってください。');
      await screenshot(page, 'user_renewal_01_mail');
      await click(page, (await mailButton(page)).label);  // closes the panel
      await click(page, '利用者のパソコン');
      await userLogin(page, shots(page));
      check(await hasText(page, '電子証明書の更新をお願いします'), '重要なお知らせ inside the window');
      await startRenewal(page, shots(page));
      check(await hasText(page, 'セキュリティレベル 中'), 'the seed: the security level is 中');
      await issueAndInstall(page, shots(page));
      check(await hasText(page, 'この電子証明書がインストールされたパソコン以外では利用者のログオンはできません。'),
            'the completion names the user');
      await click(page, 'このウィンドウを閉じる');
      check(!(await hasText(page, '電子証明書の更新をお願いします')), 'renewed: no more notice');
      await click(page, 'ログオフ');
      await userLogin(page);  // the newest row of the chooser: the new certificate
      check(!(await hasText(page, INSTALLED)), 'back on the landing page');
      // The preset's clock is 2023-09-01: the new certificate runs a year, to 2024.
      check((await widgets(page)).some((w) => w.label.startsWith('2024年')), 'logged on with the new certificate (有効期限 2024)');
      await screenshot(page, 'user_renewal_13_logged_on_with_new');
      check(consoleErrors.length === 0, 'no console errors: ' + consoleErrors.join(' | '));
    });
  },
};

const name = process.argv[2];
if (!cases[name]) {
  console.error(`unknown case ${name}; cases: ${Object.keys(cases).join(', ')}`);
  process.exit(2);
}
run(name, cases[name]);
