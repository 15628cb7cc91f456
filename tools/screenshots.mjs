// Screenshots of every screen of the administrator's flow, in Japanese and English, at
// devicePixelRatio 1 and 2, and at a phone's width: what a person sees, for review.
//   node tools/screenshots.mjs [--out DIR]     (default tests/artifacts/screens)
// Walks seed 001 part 1 by clicking widgets by their (Japanese) labels, and at each screen
// switches the language to English and back for the second picture.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { artifacts, withPortal } from '../tests/browser/harness.mjs';
import { cardFields, cardNumber, click, typeInto, waitForText, waitForWidget, waitIdle, waitReady } from '../tests/browser/person.mjs';

const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1] : path.join(artifacts, 'screens');
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
  await click(page, 'ログオン');
  await waitForText(page, 'あと5回');
  await both(page, tag, '06_contract_pin_wrong');
  await typeInto(page, 'ご契約先暗証番号', 'shinkin01');
  await click(page, 'ログオン');
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

for (const [tag, options] of [['dpr1', { deviceScaleFactor: 1 }], ['dpr2', { deviceScaleFactor: 2 }],
                              ['phone', { deviceScaleFactor: 2, viewport: { width: 390, height: 844 }, hasTouch: false }]]) {
  await withPortal(async ({ page }) => walk(page, tag), options);
  console.log(`screens: ${tag} done`);
}
console.log(`screens written to ${out}`);
