// What a person does on the portal, for the end-to-end tests: find a widget by the words on it,
// click its real coordinates, type on the keyboard, read the words on the screen. Nothing here
// reaches into the simulation's state: widgets() and texts() are the widget registry's view of
// the last frame (labels and rectangles), the same data an accessibility mirror is built from.
import path from 'node:path';
import { artifactName, artifacts, check } from './harness.mjs';

export async function widgets(page) { return page.evaluate(() => window.certportal.widgets()); }
export async function texts(page) { return page.evaluate(() => window.certportal.texts()); }

// Waits until a widget with this label is on screen (and enabled, unless allowDisabled). A widget
// below the fold is not on screen: like a person, once the page has stood still for a moment
// without it, scroll the page down (mouse wheel over it) and look again. A page still drawing
// (working, appearing) is waited for, not scrolled.
export async function waitForWidget(page, label, { timeout = 15000, allowDisabled = false, scroll = true } = {}) {
  // Visible enough to point at: at least 8 px of it inside its window.
  const find = ([l, d]) => window.certportal.widgets().find((w) => w.label === l && (d || !w.disabled) && w.w >= 8 && w.h >= 8) || false;
  const deadline = Date.now() + timeout;
  for (let scrolls = 0; ; ) {
    const slice = scroll && scrolls < kMaxScrolls ? Math.min(kLookBeforeScrollMs, deadline - Date.now()) : deadline - Date.now();
    try {
      const handle = await page.waitForFunction(find, [label, allowDisabled], { timeout: Math.max(slice, 1) });
      return await handle.jsonValue();
    } catch (e) { /* not on screen within this slice */ }
    if (Date.now() >= deadline) break;
    if (!(await isIdle(page))) continue;
    const view = page.viewportSize();
    await page.mouse.move(view.width / 2, view.height / 2);
    await page.mouse.wheel(0, 300);
    await waitIdle(page);
    scrolls++;
  }
  const have = (await widgets(page)).map((w) => w.label + (w.disabled ? ' (disabled)' : '')).join(' | ');
  throw new Error(`no enabled widget "${label}" after ${timeout} ms; on screen: ${have}`);
}
const kLookBeforeScrollMs = 600;
const kMaxScrolls = 8;

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

// CERTPORTAL_TEST_TRACE=1: each click and typing on stderr with the time it took (where a slow
// case spends its time).
const traceOn = !!process.env.CERTPORTAL_TEST_TRACE;
const traceStart = Date.now();
async function traced(what, fn) {
  if (!traceOn) return fn();
  const t0 = Date.now();
  const result = await fn();
  console.error(`[${((t0 - traceStart) / 1000).toFixed(2)} s] ${what}: ${Date.now() - t0} ms`);
  return result;
}

export async function click(page, label, options = {}) {
  return traced(`click ${label}`, () => clickNow(page, label, options));
}

async function clickNow(page, label, options) {
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
// for and none built for kQuietMs (a frame under load can take longer than a fixed wait: the
// runner says whether one is pending). The looking is done in the page, every 10 ms, so that the
// test does not pay a round trip to the browser per look.
const kQuietMs = 60;
export async function waitIdle(page, { timeout = 15000 } = {}) {
  await page.evaluate(quietFor, [kQuietMs, timeout]);
}

// Idle, and the frames the last input promised are built too: the hover frame ImGui gets 0.45 s
// after the pointer last moved (runner_settled). What a test that counts an idle page's frames
// waits for; a person's next click need not (waitIdle), so clicks do not pay the 0.45 s.
export async function waitSettled(page, { timeout = 15000 } = {}) {
  if (!(await page.evaluate(quietFor, [kQuietMs, timeout, true]))) throw new Error(`the page did not settle in ${timeout} ms`);
}

// Whether the page has stood still for the last kQuietMs (false as soon as it draws).
async function isIdle(page) { return page.evaluate(quietFor, [kQuietMs, 0]); }

// In the page: resolves true once no frame was pending nor built for `quiet` ms (and, with
// `settled`, none promised either), false if that has not happened within `timeout`.
function quietFor([quiet, timeout, settled = false]) {
  return new Promise((resolve) => {
    const cp = window.certportal;
    const start = performance.now();
    let frames = cp.framesBuilt();
    let since = start;
    const look = () => {
      const now = performance.now();
      const n = cp.framesBuilt();
      if (cp.framePending() || n !== frames || (settled && !cp.framesSettled())) { frames = n; since = now; }
      if (now - since >= quiet) { resolve(true); return; }
      if (now - start >= timeout + quiet) { resolve(false); return; }
      setTimeout(look, 10);
    };
    look();
  });
}

// Clicks a text field (by its label) and types into it as a person would.
export async function typeInto(page, label, value) {
  return traced(`type into ${label}`, () => typeNow(page, label, value));
}

async function typeNow(page, label, value) {
  await clickNow(page, label, {});
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

// The simulation behind the page is ready (2), not failed (3). One probe both waits and reads, so
// the status checked is the one waited for.
export async function waitReady(page) {
  const status = await (await page.waitForFunction(() => {
    const m = window.certportal && window.certportal.module;
    const s = m ? m._cp_debug_simulation_status() : 0;
    return s >= 2 ? s : 0;
  }, null, { timeout: 120000 })).jsonValue();
  check(status === 2, `the simulation is ready (status ${status})`);
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
