// Loaded first by tools/bench_gl_waits.mjs: wraps every WebGL2 call (and getContext) and notes the
// ones that block the main thread for more than 3 ms, with when they started (ms after navigation)
// and the first animation-frame callbacks. A call that blocks is almost always a round trip to the
// GPU process (a status query, a readback) waiting for the work queued before it.
'use strict';
(function () {
  var waits = window.__glWaits = [];
  var kReportMs = 3;
  function note(name, start) {
    var took = performance.now() - start;
    if (took > kReportMs) waits.push({ call: name, at: Math.round(start), ms: Math.round(took) });
  }
  var proto = window.WebGL2RenderingContext && window.WebGL2RenderingContext.prototype;
  if (proto) {
    Object.getOwnPropertyNames(proto).forEach(function (name) {
      var d = Object.getOwnPropertyDescriptor(proto, name);
      if (!d || typeof d.value !== 'function') return;
      var f = d.value;
      proto[name] = function () { var s = performance.now(); var r = f.apply(this, arguments); note(name, s); return r; };
    });
  }
  var getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function () {
    var s = performance.now(); var r = getContext.apply(this, arguments); note('getContext', s); return r;
  };
  var raf = window.requestAnimationFrame.bind(window);
  var callbacks = 0;
  window.requestAnimationFrame = function (callback) {
    return raf(function (t) {
      var s = performance.now();
      callback(t);
      if (callbacks < 3) note('animation frame ' + callbacks++, s);
    });
  };
})();
