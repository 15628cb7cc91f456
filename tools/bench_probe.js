// Loaded first by the pages tools/bench_engines.mjs measures (certportal and Dear ImGui's example),
// the same way on every engine: counts animation frames and notes the first, and estimates how
// busy the main thread is from how late a 20 ms timer fires (a busy thread delays it; engine-neutral,
// where CDP's TaskDuration exists only in Chromium).
'use strict';
(function () {
  var bench = window.__bench = { raf: 0, firstRafAt: 0, lateMs: 0 };
  var original = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = function (callback) {
    bench.raf++;
    return original(function (t) {
      if (!bench.firstRafAt) bench.firstRafAt = performance.now();
      callback(t);
    });
  };
  var period = 20, last = performance.now();
  setInterval(function () {
    var now = performance.now();
    if (now - last > period) bench.lateMs += now - last - period;
    last = now;
  }, period);
})();
