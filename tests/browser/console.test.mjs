// The demo console and links, as a person uses them: a link opens a scenario and its first seed
// step is reached by clicking; the clock's buttons say what happened and the page stays idle
// afterwards; a kiosk left alone resets itself after a countdown that input cancels; the world
// exported to a file and imported back. usage: node console.test.mjs CASE
// Screenshots: tests/artifacts/console_*.png.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { artifacts, check, engine, run, withPortal } from './harness.mjs';
import { adminLogin, toUserGrid } from './admin_steps.mjs';
import { click, hasText, screenshot, waitForText, waitForWidget, waitIdle, waitReady, waitSettled } from './person.mjs';

const OPEN = 'デモコンソールを開く';

// The page's frame counter over `ms`, from when the last input's frames are all built: render on
// demand builds none while nothing changes.
async function framesDuring(page, ms) {
  await waitSettled(page);
  const before = await page.evaluate(() => window.certportal.framesBuilt());
  await page.waitForTimeout(ms);
  return (await page.evaluate(() => window.certportal.framesBuilt())) - before;
}

// The portal from `query`, ready, with the demo console opened from the taskbar.
function withConsole(query, body) {
  return withPortal(async ({ page }) => {
    await waitReady(page);
    await click(page, OPEN);
    await body(page);
  }, { query });
}

// Like a person: the wheel over the console (not over the desk) to reach its lower sections.
async function scrollConsole(page, dy) {
  const view = page.viewportSize();
  await page.mouse.move(view.width - 120, view.height / 2);
  await page.mouse.wheel(0, dy);
  await waitIdle(page);
}

const cases = {
  // The TLS handshake viewer's button: before any certificate login it is there, disabled, and what
  // a screen reader reads of it (the mirror's button, its description) says why.
  async handshake_viewer_before_login() {
    await withConsole('', async (page) => {
      const open = page.locator('#cp-mirror').getByRole('button', { name: 'TLS ハンドシェイクを見る', exact: true });
      await open.waitFor({ state: 'attached', timeout: 10000 });
      check((await open.getAttribute('aria-disabled')) === 'true', 'the viewer\'s button is disabled before a certificate login');
      const why = await open.getAttribute('title');
      check(why === '電子証明書方式のログインがまだ行われていません。ログインすると、そのハンドシェイクを見られます。',
            `its description says why (got ${why})`);
      await screenshot(page, 'console_handshake_viewer_disabled');
    });
  },

  // The certificate login is a TLS handshake, one click away. Refused — the administrator's expired
  // certificate (?scenario=admin-expired) — the failure page opens the viewer: the handshake ended
  // early, the client's Certificate and the server's alert marked as the failing check. After a
  // login that passed (the seed world), the console's button shows the completed handshake.
  async handshake_viewer_after_logins() {
    await withConsole('?scenario=admin-expired', async (page) => {
      await waitForText(page, '実行中のシナリオ：管理者電子証明書の期限切れ');
      await click(page, '管理者ログイン');
      await click(page, '電子証明書方式 管理者ログイン');
      await click(page, '00009876543 1635');
      await click(page, 'OK');
      await click(page, '許可');
      await waitForText(page, '管理者の電子証明書の有効期間が経過しています');
      await screenshot(page, 'handshake_refused_failure_page');
      await click(page, 'TLS ハンドシェイクを見る');
      await waitForText(page, '結果：ハンドシェイクは途中で終わりました。');
      check(await hasText(page, 'TLS 1.3 ・ 接続先 ib.shinkin-bizdirect.example'), 'the summary names the version and the bank\'s server');
      await click(page, '1. ブラウザー → 銀行  ClientHello');
      await waitForText(page, 'バイト列（16 進）');
      await screenshot(page, 'handshake_refused_expired');
      await click(page, 'TLS ハンドシェイクの表示を閉じる');
    });
    await withConsole('', async (page) => {
      await adminLogin(page);
      await click(page, 'TLS ハンドシェイクを見る');
      await waitForText(page, '結果：ハンドシェイクは完了しました。');
      await screenshot(page, 'handshake_passed');
    });
  },

  // ?scenario=user-expired: seed 001 part 1 from the link alone — 2023年10月10日, S0001 expired —
  // and its first step (管理者ログイン → 電子証明書方式 管理者ログイン → 証明書の選択) by clicking.
  async link_opens_scenario() {
    await withConsole('?scenario=user-expired', async (page) => {
      await waitForText(page, '実行中のシナリオ：利用者の電子証明書の再発行（001 その1）');
      await waitForWidget(page, '模擬日時：2023年10月10日 10:00');
      await screenshot(page, 'console_link_user_expired');
      await click(page, '管理者ログイン');
      await click(page, '電子証明書方式 管理者ログイン');
      await waitForText(page, 'では資格情報が必要です');  // 証明書の選択: the seed's step (4)
      await screenshot(page, 'console_link_first_step');
    });
  },

  // Every scenario from its link alone, one after the other in the same browser: the console says
  // which is running, and its first step is reached by clicking (the click a person makes first).
  async every_scenario_by_link() {
    const ADMIN = [['管理者ログイン', '電子証明書方式 管理者ログイン'], 'では資格情報が必要です'];
    const PICKUP = [['利用者のパソコン', '利用者ログイン', '電子証明書取得'], 'ID・暗証番号の入力'];
    const scenarios = {
      'seed': ['サンプルの最初の状態', ...ADMIN],
      'admin-renewal': ['管理者電子証明書の更新（000）', ['メール (1)'], '電子証明書更新のお知らせ'],
      'user-expired': ['利用者の電子証明書の再発行（001 その1）', ...ADMIN],
      'pickup-pending': ['利用者の電子証明書の取得（001 その2）', ...PICKUP],
      'contract-locked': ['暗証番号のロック', ['お取引店'], '暗証番号閉塞解除依頼書'],
      'card-lost': ['お客様カードの紛失', ['お取引店'], 'お客様カード再発行依頼書'],
      'pickup-passed': ['取得可能期間の経過', ...PICKUP],
      'admin-expired': ['管理者電子証明書の期限切れ', ['お取引店'], '電子証明書再発行依頼書'],
      'user-renewal': ['利用者による電子証明書の更新', ['利用者のパソコン', '利用者ログイン', '電子証明書方式 利用者ログイン'], 'では資格情報が必要です'],
      'hundred-users': ['利用者100名', ...ADMIN],
    };
    await withPortal(async ({ page, url }) => {
      for (const [id, [title, clicks, reached]] of Object.entries(scenarios)) {
        await page.goto(url.split('?')[0] + '?scenario=' + id);
        await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 30000 });
        await waitReady(page);
        if (await hasText(page, 'を開始しますか？')) await click(page, '開始する');
        await click(page, OPEN);
        await waitForText(page, '実行中のシナリオ：' + title);
        await click(page, 'デモコンソールを閉じる');
        for (const label of clicks) await click(page, label);
        // The step's words, as text or on a widget (a mail's subject is a row to click).
        await page.waitForFunction((f) => [...window.certportal.texts(), ...window.certportal.widgets()]
          .some((t) => t.label.includes(f)), reached, { timeout: 15000 })
          .catch((e) => { throw new Error(`scenario ${id}: 「${reached}」 not on screen: ${e.message}`); });
      }
    });
  },

  // ?guide=1: the console opens on the guide of seed 001 part 1, which follows the person through
  // the administrator's login to the users' grid, a seed step at a time; "show me" outlines what
  // to click (screenshots).
  async guide_follows_reissue() {
    await withPortal(async ({ page }) => {
      const expected = { top_page: '(3)', certificate_chooser: '(4)', contract_pin_page: '(5)', card_page: '(6)',
                         notices: '(7)', menu: '(8)' };
      const seen = [];
      const follow = async (step) => {
        if (!expected[step]) return;
        await waitForText(page, 'いまの手順：' + expected[step]);
        seen.push(step);
        if (step !== 'top_page') return;
        await click(page, 'どこをクリックするか表示');
        await screenshot(page, 'console_guide_show_me');
      };
      await adminLogin(page, follow);
      await toUserGrid(page, follow);
      await waitForText(page, 'いまの手順：(9)');
      check(['top_page', 'certificate_chooser', 'contract_pin_page', 'card_page', 'menu'].every((s) => seen.includes(s)),
            'the guide was at each seed step: ' + seen.join(' '));
      check(!(await hasText(page, 'この手順でクリックする場所は、今の画面にはありません。')), 'the step\'s button is on screen');
      await screenshot(page, 'console_guide_user_grid');
    }, { query: '?scenario=user-expired&guide=1' });
  },

  // A link's scenario where the saved world holds progress: the console opens with the question;
  // やめる keeps the world, the link again and 開始する replaces it.
  async link_asks_before_replacing_progress() {
    await withConsole('', async (page) => {
      await click(page, '+1 日');  // progress: an audit entry since the seed world was loaded
      const url = page.url().split('?')[0] + '?scenario=card-lost';
      await page.goto(url);
      await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 30000 });
      await waitReady(page);
      await waitForText(page, '「お客様カードの紛失」を開始しますか？');
      await click(page, 'やめる');
      await waitForText(page, '実行中のシナリオ：サンプルの最初の状態');
      await page.goto(url);
      await page.waitForFunction(() => window.certportal && window.certportal.firstFrameAt > 0, null, { timeout: 30000 });
      await waitReady(page);
      await click(page, '開始する');
      await waitForText(page, '実行中のシナリオ：お客様カードの紛失');
    });
  },

  // Bad values: said clearly, the defaults used (the seed world, Japanese).
  async link_bad_values() {
    await withConsole('?scenario=nope&lang=fr', async (page) => {
      for (const said of ['リンクの指定に使えない値がありました', 'scenario=nope：そのシナリオはありません',
                          'lang=fr：言語は ja か en です', '実行中のシナリオ：サンプルの最初の状態'])
        await waitForText(page, said);
    });
  },

  // +1 日 from the seed world: the reminder mail for S0001 fell due, and the console says so. With
  // the console open and the clock not moving, the page builds no frames.
  async clock_buttons() {
    await withConsole('', async (page) => {
      const idle = await framesDuring(page, 2000);
      check(idle === 0, `no frames while idle with the console open (built ${idle})`);
      await click(page, '+1 日');
      await waitForWidget(page, '模擬日時：2023年09月02日 10:00');
      await waitForText(page, '- メールを送信：電子証明書更新のお知らせ（S0001）');
      await click(page, '+1 か月');
      await waitForText(page, '- S0001 の電子証明書の有効期限が切れました');
      await screenshot(page, 'console_clock');
      const after = await framesDuring(page, 2000);
      check(after === 0, `no frames while idle after the moves (built ${after})`);
    });
  },

  // ?kiosk=1&idle=0.25: 15 s without input → a countdown (7.5 s) → back to the scenario. A mouse
  // move during the countdown cancels it; left alone the second time, the reset happens (the
  // login that was open is gone: a fresh world on the top page).
  async kiosk_idle_reset() {
    await withPortal(async ({ page }) => {
      await waitReady(page);
      check((await page.evaluate(() => window.certportal.widgets())).every((w) => w.label !== OPEN),
            'no console tab in kiosk mode');
      await click(page, '管理者ログイン');
      await click(page, '電子証明書方式 管理者ログイン');
      await waitForText(page, 'では資格情報が必要です');
      await waitForText(page, 'まもなく最初の状態に戻ります', { timeout: 30000 });
      await screenshot(page, 'console_kiosk_countdown');
      await page.mouse.move(400, 300);
      await page.mouse.move(420, 320);
      await page.waitForFunction(() => !window.certportal.texts().some((t) => t.label.includes('まもなく最初の状態に戻ります')),
                                 null, { timeout: 5000 });
      check(await hasText(page, 'では資格情報が必要です'), 'cancelled: the login is still open');
      await waitForText(page, 'まもなく最初の状態に戻ります', { timeout: 30000 });
      await page.waitForFunction(() => !window.certportal.texts().some((t) => t.label.includes('では資格情報が必要です')),
                                 null, { timeout: 30000 });
      await waitForWidget(page, '管理者ログイン');
      check(!(await hasText(page, 'まもなく最初の状態に戻ります')), 'the countdown is gone after the reset');
    }, { query: '?kiosk=1&idle=0.25' });
  },

  // 進み具合の保存: export, move the clock a year, import the file: the clock is back where it was.
  async export_import_round_trip() {
    if (engine !== 'chromium') throw Object.assign(new Error('downloads and file choosers need playwright'), { unsupported: true });
    await withPortal(async ({ page }) => {
      await waitReady(page);
      await click(page, OPEN);
      await click(page, '+1 日');
      await scrollConsole(page, 3000);
      await click(page, '進み具合の保存');
      await scrollConsole(page, 3000);
      const download = page.waitForEvent('download');
      await click(page, 'ファイルに書き出す');
      const file = path.join(artifacts, 'console_world.cpworld');
      await (await download).saveAs(file);
      check(readFileSync(file).subarray(0, 4).toString() === 'CPRC', 'the file is a certportal record');
      await scrollConsole(page, -3000);  // the console's message is at its top
      await waitForText(page, '保護レベル「中」の鍵 3 個は');
      await click(page, '+1 年');
      await waitForWidget(page, '模擬日時：2024年09月02日 10:00');
      await scrollConsole(page, 3000);
      const chooser = page.waitForEvent('filechooser');
      await click(page, 'ファイルから読み込む');
      await (await chooser).setFiles(file);
      await waitForText(page, '読み込みました。');
      await scrollConsole(page, -3000);  // after the import: the clock is at the console's top
      await waitForWidget(page, '模擬日時：2023年09月02日 10:00');
      await screenshot(page, 'console_imported');
    });
  },
};

const name = process.argv[2];
if (!cases[name]) { console.error('unknown case ' + name + '; cases: ' + Object.keys(cases).join(' ')); process.exit(2); }
run(name, cases[name]);
