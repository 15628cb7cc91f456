// Loaded first by the pages tools/bench_engines.mjs and tools/bench_web.mjs measure (certportal and
// Dear ImGui's example), the same way on every engine and for both pages: counts animation frames,
// notes when the first frame was drawn, and estimates how busy the main thread is from how late a
// 20 ms timer fires (a busy thread delays it; engine-neutral, where CDP's TaskDuration exists only
// in Chromium).
//
// The first frame: the end of the first animation-frame callback that issued a WebGL draw call.
// Measured from outside, identically for both pages: the page's own report would put it wherever
// that page chose (before or after its draw calls), and the callback's start would leave out the
// first frame's own work (the example builds its font atlas and compiles its shaders in it).
'use strict';
(function () {
  var bench = window.__bench = { raf: 0, firstFrameAt: 0, lateMs: 0 };
  var drew = false;
  var proto = window.WebGL2RenderingContext && window.WebGL2RenderingContext.prototype;
  if (proto) {
    ['drawElements', 'drawArrays'].forEach(function (name) {
      var draw = proto[name];
      proto[name] = function () { drew = true; return draw.apply(this, arguments); };
    });
  }
  var original = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = function (callback) {
    bench.raf++;
    return original(function (t) {
      callback(t);
      if (drew && !bench.firstFrameAt) bench.firstFrameAt = performance.now();
    });
  };
  var period = 20, last = performance.now();
  setInterval(function () {
    var now = performance.now();
    if (now - last > period) bench.lateMs += now - last - period;
    last = now;
  }, period);
})();
