// Seed 000 as a person takes it (電子証明書の更新 and 電子証明書の削除), shared by the browser tests
// (tests/browser/renewal.test.mjs), the screenshots tool and the renewal benchmark. Everything is
// done through what the portal shows: the sample-data panel moves the simulated clock, the mail
// arrives, the person clicks by words and reads the 有効期限 column to tell certificates apart.
import { ADMIN_CERT } from './admin_steps.mjs';
import { click, hasText, waitForText, waitForWidget, waitIdle, widgets } from './person.mjs';

export const WEB_ACCESS = 'この Web サイトはユーザーの代わりにデジタル証明書の操作を実行します。';
export const PROTECTED_ITEM = 'アプリケーションは保護されたアイテムを作成しています。';
export const INSTALLED = '電子証明書のインストールが完了しました';

const nothing = async () => {};

// サンプルデータ → +30日, +30日, +1週: from 2023-09-01 to 2023-11-07, inside the renewal window of
// the administrator certificate that expires on 2023-12-01 (電子証明書更新のお知らせ arrives).
export async function moveIntoRenewalWindow(page) {
  await click(page, 'サンプルデータ');
  await click(page, '+30日');
  await click(page, '+30日');
  await click(page, '+1週');
  await click(page, 'サンプルデータ');  // closes the panel
}

// With お取引店's panel open: サンプルデータ → +1日 `days` times → お取引店 again (a paper form's
// status follows the simulated clock).
export async function passDaysAtBranch(page, days) {
  await click(page, 'お取引店');  // closes the branch panel
  await click(page, 'サンプルデータ');
  for (let i = 0; i < days; i++) await click(page, '+1日');
  await click(page, 'サンプルデータ');
  await click(page, 'お取引店');
}

// The taskbar's mail button, whatever its unread count says.
export async function mailButton(page) {
  await waitIdle(page);
  return (await widgets(page)).find((w) => w.label === 'メール' || /^メール \(\d+\)$/.test(w.label));
}

// After the login: past 重要なお知らせ when shown, to the menu.
export async function toMenu(page, at = nothing) {
  const arrived = () => window.certportal.texts().some((t) => t.label.includes('への重要なお知らせ')) ||
                        window.certportal.widgets().some((w) => w.label === 'ログオフ');
  await page.waitForFunction(arrived, null, { timeout: 15000 }).catch(() => {});
  if (await hasText(page, 'への重要なお知らせ')) {
    await at('notices');
    await click(page, '次へ >');
  }
  await waitForWidget(page, 'ログオフ');
}

// From the menu: 証明書更新 → 更新 → はい (each time the OS asks): the protected item dialog.
export async function startRenewal(page, at = nothing) {
  await at('menu');
  await click(page, '証明書更新');
  await waitForWidget(page, '更新');
  await at('renewal_start');
  await click(page, '更新');
  await waitForText(page, WEB_ACCESS);
  await at('web_access');
  await click(page, 'はい');
  // The simulated OS asks twice (the seed's note): はい again while the question stays.
  await waitIdle(page);
  if (!(await hasText(page, PROTECTED_ITEM))) await click(page, 'はい');
  await waitForText(page, PROTECTED_ITEM);
  await at('protected_item');
}

// OK → 電子証明書発行処理中 (by itself) → はい → インストールが完了しました.
export async function issueAndInstall(page, at = nothing) {
  await click(page, 'OK');
  await at('issuing');
  await waitForText(page, WEB_ACCESS, { timeout: 60000 });
  await at('install_confirmation');
  await click(page, 'はい');
  await waitForText(page, INSTALLED, { timeout: 30000 });
  await at('installed');
}

// ツール → インターネットオプション(O) → コンテンツ → 証明書(C): the 個人 tab.
export async function openCertificates(page, at = nothing) {
  await click(page, 'ツール');
  await waitForWidget(page, 'インターネットオプション(O)');
  await at('tools_menu');
  await click(page, 'インターネットオプション(O)');
  await click(page, 'コンテンツ');
  await waitForWidget(page, '証明書(C)');
  await at('internet_options');
  await click(page, '証明書(C)');
  await waitForWidget(page, '削除(R)', { allowDisabled: true });
  await at('certificates');
}

// The 有効期限 cells of the list (「2023年12月01日」), oldest first: the person reads the column.
export async function expiryCells(page) {
  await waitIdle(page);
  return (await widgets(page)).filter((w) => /^\d{4}年\d{2}月\d{2}日$/.test(w.label)).sort((a, b) => a.label.localeCompare(b.label));
}

// The rows of the certificate chooser for the administrator certificate, top to bottom.
export async function chooserRows(page) {
  await waitIdle(page);
  return (await widgets(page)).filter((w) => w.label === ADMIN_CERT).sort((a, b) => a.y - b.y);
}
