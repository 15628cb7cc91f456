import { withPortal } from './harness.mjs';
import { click, waitIdle, waitReady } from './person.mjs';
await withPortal(async ({ page }) => {
  await waitReady(page);
  await click(page, '利用者のパソコン');
  await click(page, '電子証明書取得');
  for (const label of ['② 利用者ID（※2）', '③ 利用者暗証番号（※3）']) {
    await click(page, label);
    await page.waitForTimeout(500);
    const n2 = await page.evaluate(() => window.certportal.framesBuilt());
    await page.waitForTimeout(2000);
    const n3 = await page.evaluate(() => window.certportal.framesBuilt());
    console.log(label, 'frames in 2 s with the field active:', n3 - n2);
  }
});
