// What a person does on the portal, for the end-to-end tests: find a widget by the words on it,
// click its real coordinates, type on the keyboard, read the words on the screen. Nothing here
// reaches into the simulation's state: widgets() and texts() are the widget registry's view of
// the last frame (labels and rectangles), the same data an accessibility mirror is built from.
import path from 'node:path';
import { artifactName, artifacts, check } from './harness.mjs';

export async function widgets(page) { return page.evaluate(() => window.certportal.widgets()); }
export async function texts(page) { return page.evaluate(() => window.certportal.texts()); }

// Waits until a widget with this label is on screen (and enabled, unless allowDisabled). A widget
// below the fold is not on screen: like a person, scroll the page down (mouse wheel over it) and
// look again.
export async function waitForWidget(page, label, { timeout = 15000, allowDisabled = false, scroll = true } = {}) {
  // Visible enough to point at: at least 8 px of it inside its window.
  const find = ([l, d]) => window.certportal.widgets().find((w) => w.label === l && (d || !w.disabled) && w.w >= 8 && w.h >= 8) || false;
  const deadline = Date.now() + timeout;
  for (let attempt = 0; ; attempt++) {
    const slice = scroll ? Math.min(2500, deadline - Date.now()) : deadline - Date.now();
    try {
      const handle = await page.waitForFunction(find, [label, allowDisabled], { timeout: Math.max(slice, 1) });
      return await handle.jsonValue();
    } catch (e) {
      if (Date.now() >= deadline || !scroll || attempt >= 8) break;
      const view = page.viewportSize();
      await page.mouse.move(view.width / 2, view.height / 2);
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(150);
    }
  }
  const have = (await widgets(page)).map((w) => w.label + (w.disabled ? ' (disabled)' : '')).join(' | ');
  throw new Error(`no enabled widget "${label}" after ${timeout} ms; on screen: ${have}`);
}

// Waits until some text on screen contains `fragment`.
export async function waitForText(page, fragment, { timeout = 15000 } = {}) {
  try {
    await page.waitForFunction((f) => window.certportal.texts().some((t) => t.label.includes(f)), fragment, { timeout });
  } catch (e) {
    const have = (await texts(page)).map((t) => t.label).join(' | ');
    throw new Error(`no text containing "${fragment}" after ${timeout} ms; on screen: ${have.slice(0, 3000)}`);
  }
}

export async function hasText(page, fragment) {
  await waitIdle(page);
  return (await texts(page)).some((t) => t.label.includes(fragment));
}

export async function click(page, label, options = {}) {
  await waitForWidget(page, label, options);
  // A page that just changed may still be laying out (cards size themselves over a few frames):
  // click once the page has stopped drawing, as a person's eye waits for it to stand still.
  await waitIdle(page);
  const w = await waitForWidget(page, label, options);
  await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
  // Render on demand: the click is handled in the frames it asks for; idle means they were built.
  await waitIdle(page);
}

// Render on demand: the page builds frames only while something changes. Idle = no frame asked
// for and none built between two looks 100 ms apart (a frame under load can take longer than a
// fixed wait: the runner says whether one is pending).
export async function waitIdle(page, { timeout = 15000 } = {}) {
  const deadline = Date.now() + timeout;
  const look = () => page.evaluate(() => ({ n: window.certportal.framesBuilt(), pending: window.certportal.framePending() }));
  let last = await look();
  while (Date.now() < deadline) {
    await page.waitForTimeout(100);
    const now = await look();
    if (!now.pending && !last.pending && now.n === last.n) return;
    last = now;
  }
}

// Clicks a text field (by its label) and types into it as a person would.
export async function typeInto(page, label, value) {
  await click(page, label);
  // The field takes the keyboard once ImGui has activated it and the text agent has focus.
  await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'INPUT', null, { timeout: 5000 });
  await page.waitForTimeout(100);
  await page.keyboard.type(value, { delay: 15 });
  await page.waitForTimeout(100);
}

export async function screenshot(page, name) {
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(artifacts, artifactName(name) + '.png') });
}

export async function waitReady(page) {
  await page.waitForFunction(() => window.certportal.module._cp_debug_simulation_status() >= 2, null, { timeout: 120000 });
  check(await page.evaluate(() => window.certportal.module._cp_debug_simulation_status()) === 2, 'the simulation is ready');
}

// The お客様カード panel: the number printed for a kana symbol ("オ 89" cells).
export async function cardNumber(page, symbol) {
  await waitIdle(page);
  const cell = (await widgets(page)).find((w) => w.label.startsWith(symbol + ' ') && /^\S+ \d\d$/.test(w.label));
  check(cell, `the card shows a number for ${symbol}`);
  return cell.label.split(' ')[1];
}

// 確認用パスワード: the two answer fields, each named by the card symbol it asks for (one kana).
export async function cardFields(page) {
  const two = () => window.certportal.widgets().filter((w) => w.inputable && [...w.label].length === 1).length === 2;
  await page.waitForFunction(two, null, { timeout: 15000 });
  await waitIdle(page);
  const fields = (await widgets(page)).filter((w) => w.inputable && [...w.label].length === 1);
  check(fields.length === 2, `two card fields (got ${fields.map((f) => f.label).join(',')})`);
  return fields;
}
