// The administrator's login path as a person takes it (seed 001 part 1), shared by the browser
// tests (tests/browser/admin.test.mjs) and the screens benchmark (tools/bench_screens.mjs). Each
// function takes `at`, an async hook called with the name of each screen as it is reached
// (top_page, certificate_chooser, key_access, contract_pin_page, contract_pin, card_page,
// customer_card, card_password, notices, menu): the tests take screenshots there, the benchmark
// counts idle frames.
import { cardFields, cardNumber, click, hasText, typeInto, waitForText, waitForWidget, waitReady } from './person.mjs';

export const ADMIN_CERT = '00009876543 1635';
export const CONTRACT_PIN = 'shinkin01';
export const CONFIRMATION_PIN = 'kakunin02';

const nothing = async () => {};

// From the top page to the certificate chooser.
export async function openChooser(page, at = nothing) {
  await waitReady(page);
  await at('top_page');
  await click(page, '管理者ログイン');
  await click(page, '電子証明書方式 管理者ログイン');
  await waitForText(page, 'では資格情報が必要です');
  await at('certificate_chooser');
}

// From the top page: the administrator's certificate chosen → OK; the key access prompt is next.
export async function chooseAdminCertificate(page, at = nothing) {
  await openChooser(page, at);
  await click(page, ADMIN_CERT);
  await click(page, 'OK');
}

// Certificate, key access, contract PIN, card: the login up to the notices or the menu.
export async function adminLogin(page, at = nothing) {
  await chooseAdminCertificate(page, at);
  await waitForWidget(page, '許可');
  await at('key_access');
  await click(page, '許可');
  await waitForWidget(page, 'ご契約先暗証番号');
  await at('contract_pin_page');
  await typeInto(page, 'ご契約先暗証番号', CONTRACT_PIN);
  await at('contract_pin');
  await click(page, 'ログイン');
  await answerCard(page, at);
}

// 確認用パスワード: the two symbols on screen, their numbers read from the お客様カード panel.
export async function answerCard(page, at = nothing) {
  await waitForText(page, '確認用パスワードの入力');
  const fields = await cardFields(page);
  await at('card_page');
  await click(page, 'お客様カード');
  await waitForText(page, '確認用パスワード表');
  await at('customer_card');
  const numbers = [await cardNumber(page, fields[0].label), await cardNumber(page, fields[1].label)];
  await click(page, 'お客様カード');  // closes the panel
  await typeInto(page, fields[0].label, numbers[0]);
  await typeInto(page, fields[1].label, numbers[1]);
  await at('card_password');
  await click(page, 'OK');
}

// The notices if shown, the menu, 利用者情報登録／変更: the users' grid.
export async function toUserGrid(page, at = nothing) {
  // After the card: the notices or the menu, whichever comes (under load it can take a while).
  const arrived = () => window.certportal.texts().some((t) => t.label.includes('への重要なお知らせ')) ||
                        window.certportal.widgets().some((w) => w.label === 'ご契約先管理情報変更');
  await page.waitForFunction(arrived, null, { timeout: 15000 }).catch(() => {});
  if (await hasText(page, 'への重要なお知らせ')) {
    await at('notices');
    await click(page, '次へ >');
  }
  await click(page, 'ご契約先管理情報変更');
  await waitForWidget(page, '利用者情報登録／変更 >');
  await at('menu');
  await click(page, '利用者情報登録／変更 >');
  await waitForText(page, '利用者情報の編集');
}

// On the users' grid: the selected user's 変更 page.
export async function openUserEdit(page) {
  await click(page, '+ 変更・登録抹消・各種設定・利用者ワンタイムパスワード');
  await click(page, '変更 >');
}
