// The administrator's half of seed 001 (利用者の電子証明書を再発行する, 管理者の操作) end to end in
// headless Chromium, as a person does it: clicking widgets found by their words, typing on the
// keyboard, reading the sample data and the お客様カード on screen. usage: node admin.test.mjs CASE
// Screenshots at each numbered seed step go to tests/artifacts/seed001_part1_*.png.
import { check, run, withPortal } from './harness.mjs';
import { CONFIRMATION_PIN, CONTRACT_PIN, adminLogin, chooseAdminCertificate, openUserEdit, toUserGrid } from './admin_steps.mjs';
import { click, hasText, screenshot, typeInto, waitForText, waitForWidget, waitReady } from './person.mjs';

// The seed's numbered steps, screenshot where the login path reaches them.
const SEED_SHOTS = {
  top_page: '03_top_page', certificate_chooser: '04_certificate_chooser', key_access: '04b_key_access',
  contract_pin: '05_contract_pin', customer_card: '06a_customer_card', card_password: '06_card_password',
  notices: '07_notices', menu: '08_menu',
};
const shots = (page) => async (step) => {
  if (SEED_SHOTS[step]) await screenshot(page, 'seed001_part1_' + SEED_SHOTS[step]);
};

const cases = {
  // Seed 001 part 1 from the top page to the completion, then a reload shows it recorded.
  async admin_reissue_end_to_end() {
    await withPortal(async ({ page, consoleErrors }) => {
      await adminLogin(page, shots(page));
      await toUserGrid(page, shots(page));
      const radio = await waitForWidget(page, 'S0001');
      check(radio.checkable && radio.checked, 'S0001 is selected, as in the seed');
      await click(page, '+ 変更・登録抹消・各種設定・利用者ワンタイムパスワード');
      await waitForWidget(page, '変更 >');
      await screenshot(page, 'seed001_part1_09_user_grid');
      await click(page, '変更 >');
      await waitForText(page, '利用者電子証明書の再発行・失効');
      check(await hasText(page, '有効'), 'the certificate is shown as 有効 before');
      await click(page, '再発行');
      await typeInto(page, 'ご契約先確認暗証番号', CONFIRMATION_PIN);
      await screenshot(page, 'seed001_part1_10_user_edit');
      await click(page, 'OK');
      await waitForText(page, '利用者電子証明書の再発行を受け付けました');
      for (const need of ['① 契約者ID', '② 利用者ID', '③ 利用者暗証番号', '④ ワンタイムパスワード', '取得期限：2023年11月20日'])
        check(await hasText(page, need), `the completion names ${need}`);
      await screenshot(page, 'seed001_part1_10b_completion');

      // A reload lands on the top page; the reissue is there: grid status, audit entry.
      await page.reload();
      await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0);
      await adminLogin(page);
      await toUserGrid(page);
      await openUserEdit(page);
      await waitForText(page, '取得待ち');
      await click(page, 'メニューへ戻る');
      await click(page, 'メイン');
      await click(page, '▶ 操作履歴監査');
      await waitForText(page, '利用者電子証明書の再発行');
      await click(page, '改ざん検証');
      await waitForText(page, '操作履歴は改ざんされていません');
      await screenshot(page, 'seed001_part1_audit_after_reload');
      check(consoleErrors.length === 0, 'no console errors: ' + consoleErrors.join(' | '));
    });
  },

  // A user's certificate chosen at 管理者ログイン (on the user's PC): the seed's error.
  async admin_wrong_certificate() {
    await withPortal(async ({ page }) => {
      await waitReady(page);
      await click(page, '利用者のパソコン');
      await click(page, '管理者ログイン');
      await click(page, '電子証明書方式 管理者ログイン');
      await click(page, '00009876543 S0001');
      await click(page, 'OK');
      await click(page, '許可');
      await waitForText(page, '管理者の電子証明書以外（利用者の電子証明書等）');
      await screenshot(page, 'seed001_part1_04_wrong_certificate');
      await click(page, 'トップページへ戻る');
      await waitForWidget(page, '管理者ログイン');
    });
  },

  // 拒否 at the key access prompt ends the login.
  async admin_key_access_denied() {
    await withPortal(async ({ page }) => {
      await chooseAdminCertificate(page);
      await click(page, '拒否');
      await waitForText(page, '秘密キーへのアクセスが拒否されたため');
      await screenshot(page, 'seed001_part1_04_key_access_denied');
    });
  },

  // Wrong ご契約先暗証番号: tries left, then the lock with the seed's text; a reload keeps it.
  async admin_contract_lockout() {
    await withPortal(async ({ page }) => {
      await chooseAdminCertificate(page);
      await click(page, '許可');
      for (let i = 1; i <= 5; i++) {
        await typeInto(page, 'ご契約先暗証番号', 'wrongpin' + i);
        await click(page, 'ログイン');
        await waitForText(page, `あと${6 - i}回誤るとサービスがロックされます`);
      }
      await screenshot(page, 'seed001_part1_05_wrong_pin');
      await typeInto(page, 'ご契約先暗証番号', 'wrongpin6');
      await click(page, 'ログイン');
      await waitForText(page, '暗証番号閉塞解除依頼書');
      check(await hasText(page, '利用者も併せてロック状態'), 'users are locked too');
      await screenshot(page, 'seed001_part1_05_contract_locked');
      await page.reload();
      await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0);
      await chooseAdminCertificate(page);
      await click(page, '許可');
      // Locked: the bank refuses the contract at once, before the PIN is asked.
      await waitForText(page, '暗証番号閉塞解除依頼書');
    });
  },

  // A profile's policy reaches the bank, and only in a new world: the world made on the first visit
  // keeps the seeds' rules when the page is opened again with ?profile=mirai-shinkin (5 wrong tries
  // lock); the console says which rules differ, its button makes a new world with the profile's,
  // and there the first wrong contract PIN leaves 4 tries, not 5.
  async admin_profile_policy_new_world() {
    await withPortal(async ({ page, url }) => {
      await waitReady(page);
      await page.goto(url + '?profile=mirai-shinkin');
      await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0);
      await waitReady(page);
      check(await page.evaluate(() => document.title) === 'みらい信金法人Webバンキング', "the profile's names");
      await click(page, 'デモコンソールを開く');
      await waitForText(page, 'ロックまでの回数：いまの世界 6 → プロファイル 5');
      await waitForText(page, '取得可能期間（日）：いまの世界 80 → プロファイル 90');
      await screenshot(page, 'profile_policy_differs');
      await click(page, 'このプロファイルの規則で新しい世界を始める');
      await page.waitForFunction(() => !window.certportal.texts().some((t) => t.label.includes('このプロファイルの規則は')), null, { timeout: 30000 });
      await waitReady(page);
      await click(page, 'デモコンソールを閉じる');
      await chooseAdminCertificate(page);
      await click(page, '許可');
      await typeInto(page, 'ご契約先暗証番号', 'wrongpin1');
      await click(page, 'ログイン');
      await waitForText(page, 'あと4回誤るとサービスがロックされます');
    }, { viewport: { width: 1280, height: 1400 } });  // tall: the console's シナリオ section in view
  },

  // The お客様カード reported lost (the card panel's simulation control): the login stops at the card.
  async admin_card_lost() {
    await withPortal(async ({ page }) => {
      await waitReady(page);
      await click(page, 'お客様カード');
      await click(page, 'このカードを紛失したことにする（シミュレーション）');
      await click(page, '紛失を届け出る');
      await waitForText(page, 'このカードは紛失届出済みです。');
      await click(page, 'お客様カード');
      await chooseAdminCertificate(page);
      await click(page, '許可');
      await typeInto(page, 'ご契約先暗証番号', CONTRACT_PIN);
      await click(page, 'ログイン');
      await waitForText(page, 'お客様カード再発行依頼書');
      check(await hasText(page, '2～3週間'), 'the seed names the delay');
      await screenshot(page, 'seed001_part1_06_card_lost');
    });
  },

  // Wrong ご契約先確認暗証番号 keeps the form and says so; then 失効 with a reason.
  async admin_wrong_confirmation_pin_then_revoke() {
    await withPortal(async ({ page }) => {
      await adminLogin(page);
      await toUserGrid(page);
      await click(page, 'S0002');
      await openUserEdit(page);
      await click(page, '失効');
      await typeInto(page, 'ご契約先確認暗証番号', 'wrongpin9');
      await click(page, 'OK');
      await waitForText(page, '入力してください。');  // the reason is missing
      await click(page, '紛失・盗難');
      await typeInto(page, 'ご契約先確認暗証番号', 'wrongpin9');
      await click(page, 'OK');
      await waitForText(page, 'ご契約先確認暗証番号に誤りがあります。');
      await screenshot(page, 'seed001_part1_10_wrong_confirmation_pin');
      await typeInto(page, 'ご契約先確認暗証番号', CONFIRMATION_PIN);
      await click(page, 'OK');
      await waitForText(page, '利用者電子証明書を失効しました');
      await screenshot(page, 'seed001_part1_10_revoked');
    });
  },
};

const name = process.argv[2];
if (!cases[name]) {
  console.error(`unknown case ${name}; cases: ${Object.keys(cases).join(', ')}`);
  process.exit(2);
}
run(name, cases[name]);
