// certportal page loader: checks the browser, downloads the module and the UI font with real
// progress, starts the portal, and shows a readable error instead of a blank canvas.
//
// Globals it leaves for tests and tools: window.certportal = { startedAt, firstFrameAt, module, widgets(), texts() }.
//
// Two ways to get the files: from the server (the bundle in build/wasm/dist, cached for offline
// use by the service worker web/sw.js, registered after the first frame), or from the page itself
// (the single-file kiosk build, tools/build_kiosk.py: every file in a data block, see embedded()).
'use strict';

(function () {
  var state = { startedAt: performance.now(), firstFrameAt: 0, module: null };
  window.certportal = state;

  var loading = document.getElementById('loading');
  // The loading screen appears only if the first frame has not come within this time. Laying it
  // out at once costs the first frame about 200 ms in a cold browser (the fallback lookup for its
  // Japanese text, the composited box: measured with tools/bench_web.mjs), and a visit on a fast
  // connection would only see it flash.
  var kLoadingDelayMs = 800;
  var loadingTimer = setTimeout(function () { if (!state.firstFrameAt && !state.failed) loading.hidden = false; }, kLoadingDelayMs);
  var progressBar = document.getElementById('loading-progress');
  var detail = document.getElementById('loading-detail');

  function showFatal(message) {
    state.failed = true;
    clearTimeout(loadingTimer);
    loading.hidden = true;
    document.getElementById('canvas').hidden = true;
    document.getElementById('fatal-message').textContent = message;
    document.getElementById('fatal').hidden = false;
    console.error('certportal: ' + message);
  }
  state.showFatal = showFatal;

  // A file carried by the page (kiosk build): <script type="application/octet-stream"
  // data-file="name"> with the bytes in base64 (not executed, so the page's CSP needs no hash for
  // it). Read once: the block is emptied, the bytes are the caller's.
  function embedded(name) {
    var block = document.querySelector('script[data-file="' + name + '"]');
    if (!block) return null;
    var text = atob(block.textContent.trim());
    block.textContent = '';
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }
  var kiosk = document.querySelector('script[data-file]') !== null;
  state.kiosk = kiosk;

  function checkWebAssembly() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function')
      return 'WebAssembly is not available.';
    return null;
  }

  // Creates the portal's WebGL2 context on the real canvas, now: creating a context can take
  // hundreds of milliseconds (software GL), and done here it overlaps the downloads instead of
  // delaying the first frame. The module's emscripten_webgl_create_context then receives this
  // same context (getContext returns the existing one), so the attributes must match
  // create_gl_context() in wasm/platform/main.cpp. It doubles as the WebGL2 check.
  function createWebGl2Context() {
    var gl = null;
    var canvas = document.getElementById('canvas');
    // The drawing buffer at its final size from the start (device pixels, as
    // cp_js_observe_canvas sizes it): resizing it later reallocates it, 50-160 ms in software GL.
    var box = canvas.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
    if (box.width > 0 && box.height > 0) {
      canvas.width = Math.round(box.width * dpr);
      canvas.height = Math.round(box.height * dpr);
    }
    try {
      gl = canvas.getContext('webgl2', {
        alpha: false, depth: false, stencil: false, antialias: false,
        premultipliedAlpha: false, preserveDrawingBuffer: false,
      });
    } catch (e) { gl = null; }
    return gl ? null : 'WebGL2 is not available (hardware acceleration may be turned off).';
  }

  // Downloads with progress, counting decoded bytes: the denominator is bundle.json's decoded
  // sizes, because Content-Length is the compressed size when the server sends .br/.gz.
  function download(url, onBytes) {
    var carried = embedded(url);
    if (carried) { onBytes(carried.length); return Promise.resolve(carried); }
    return fetch(url, { cache: 'no-cache' }).then(function (response) {
      if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
      if (!response.body || !response.body.getReader) {
        return response.arrayBuffer().then(function (b) { onBytes(b.byteLength); return new Uint8Array(b); });
      }
      var reader = response.body.getReader();
      var chunks = [];
      var received = 0;
      function pump() {
        return reader.read().then(function (r) {
          if (r.done) {
            var out = new Uint8Array(received);
            var at = 0;
            chunks.forEach(function (c) { out.set(c, at); at += c.length; });
            return out;
          }
          chunks.push(r.value);
          received += r.value.length;
          onBytes(r.value.length);
          return pump();
        });
      }
      return pump();
    });
  }

  // Compiles the module while it downloads (compileStreaming on one branch of the body, progress
  // counted on the other), so compilation does not wait for the last byte.
  function downloadAndCompileWasm(url, onBytes) {
    var carried = embedded(url);
    if (carried) { onBytes(carried.length); return WebAssembly.compile(carried); }
    return fetch(url, { cache: 'no-cache' }).then(function (response) {
      if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
      if (!response.body || !response.body.tee || !WebAssembly.compileStreaming) {
        return response.arrayBuffer().then(function (b) { onBytes(b.byteLength); return WebAssembly.compile(b); });
      }
      var branches = response.body.tee();
      var reader = branches[0].getReader();
      (function count() {
        reader.read().then(function (r) { if (!r.done) { onBytes(r.value.length); count(); } });
      })();
      return WebAssembly.compileStreaming(new Response(branches[1], { headers: { 'Content-Type': 'application/wasm' } }));
    });
  }

  function loadScript(src, alreadyThere) {
    if (alreadyThere) return Promise.resolve();  // the kiosk page carries the script inline
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error(src + ' could not be loaded')); };
      document.head.appendChild(s);
    });
  }

  // Copies bytes into the module's heap; ownership passes to the C++ side (it frees them).
  function toHeap(mod, bytes) {
    var ptr = mod._malloc(bytes.length);
    mod.HEAPU8.set(bytes, ptr);
    return ptr;
  }

  function text(bytes) { return new TextDecoder('utf-8').decode(bytes); }

  function fetchJson(url) {
    var carried = embedded(url);
    if (carried) return Promise.resolve(JSON.parse(text(carried)));
    return fetch(url, { cache: 'no-cache' })
      .then(function (r) { if (!r.ok) throw new Error(url + ': HTTP ' + r.status); return r.json(); });
  }

  // brand.json as bytes, not text: decoding here would turn a file that is not UTF-8 into
  // replacement characters, and the module's parser (which lists such a file as a mistake and
  // keeps the default brand) would never see it.
  function fetchBrand() {
    var carried = embedded('brand.json');
    if (carried) return Promise.resolve(carried);
    return fetch('brand.json', { cache: 'no-cache' })
      .then(function (r) { return r.ok ? r.arrayBuffer().then(function (b) { return new Uint8Array(b); }) : null; })
      .catch(function () { return null; });
  }

  // A bank profile named by the link (web/profiles/NAME.json; the name's pattern is the module's,
  // so the path never leaves the page's folder), as bytes for the same reason as brand.json. Only
  // from this origin: the kiosk page carries the example profiles, a served page asks its server.
  // Resolves with { bytes } or { error } (the module lists it and uses brand.json).
  function fetchProfile(path) {
    var carried = embedded(path);
    if (carried) return Promise.resolve({ bytes: carried, error: '' });
    if (kiosk || location.protocol === 'file:') return Promise.resolve({ bytes: null, error: 'not in this page' });
    return fetch(path, { cache: 'no-cache', mode: 'same-origin', credentials: 'same-origin', redirect: 'error' })
      .then(function (r) {
        if (!r.ok) return { bytes: null, error: 'HTTP ' + r.status };
        return r.arrayBuffer().then(function (b) { return { bytes: new Uint8Array(b), error: '' }; });
      })
      .catch(function (e) { return { bytes: null, error: e.message || 'fetch failed' }; });
  }

  // The key-generation worker (web/keyworker.js with its module's glue and wasm), made from bytes
  // the page downloaded (or carries, in the kiosk page) as a blob worker that fetches nothing
  // itself. A worker loading its own files can lose them: WebKit failed the worker's importScripts
  // with "Load failed" when the service worker, activating on a first visit, claimed the worker
  // while it started (2 of 10 runs under load). Resolves with the worker, its wasm already posted.
  var keyWorkerFiles = null;  // Promise of { url, wasm }, kept for a fresh worker after a failure
  function startKeyWorker() {
    if (!keyWorkerFiles) {
      var file = function (name) {
        return download(name, function () {}).catch(function (e) {
          throw new Error(e.message.indexOf(name) === 0 ? e.message : name + ': ' + e.message);
        });
      };
      keyWorkerFiles = Promise.all([file('keyworker_module.js'), file('keyworker.js'), file('keyworker_module.wasm')])
        .then(function (files) {
          var source = text(files[0]) + '\n' + text(files[1]);
          return { url: URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), wasm: files[2] };
        });
      keyWorkerFiles.catch(function () { keyWorkerFiles = null; });  // the next job downloads again
    }
    return keyWorkerFiles.then(function (files) {
      var worker = new Worker(files.url);
      var wasm = files.wasm.slice().buffer;  // a copy, transferred: the next worker needs the bytes too
      worker.postMessage({ kind: 'init', wasm: wasm }, [wasm]);
      return worker;
    });
  }

  // Offline after the first visit (web/sw.js). Registered once the portal shows, so it never
  // competes with the first frame. A new deployment installs in the background and is offered,
  // never forced: 「再読み込み」 activates it and reloads, so no page mixes two versions.
  function registerServiceWorker() {
    if (kiosk || location.protocol === 'file:') return;  // everything is in the page already
    if (!('serviceWorker' in navigator)) {
      console.info('certportal: no service worker in this browser: the portal needs the server on every visit');
      return;
    }
    var offer = function (registration) {
      var box = document.getElementById('update');
      box.hidden = false;
      document.getElementById('update-reload').onclick = function () {
        if (registration.waiting) registration.waiting.postMessage('activate-new-version');
      };
    };
    var reloading = false;
    // The new version took over (「再読み込み」): the page reloads into it, whole.
    navigator.serviceWorker.addEventListener('controllerchange', function () {
      if (state.updateOffered && !reloading) { reloading = true; location.reload(); }
    });
    navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).then(function (registration) {
      // A waiting worker while another controls this page: a new version, ready.
      var offerIfWaiting = function () {
        if (registration.waiting && navigator.serviceWorker.controller && !state.updateOffered) { state.updateOffered = true; offer(registration); }
      };
      // The worker installing may be past installing by the time this runs (updatefound is queued
      // as a task; WebKit had it null): look at the registration as it is now, then follow it.
      var watch = function () {
        var worker = registration.installing;
        if (worker) worker.addEventListener('statechange', offerIfWaiting);
        offerIfWaiting();
      };
      watch();
      registration.addEventListener('updatefound', watch);
    }).catch(function (e) {
      console.info('certportal: the service worker was refused (' + e.message + '): the portal needs the server on every visit');
    });
  }

  // Start-up milestones as performance marks "certportal:<name>" (DevTools' timeline shows them;
  // tools/bench_web.mjs reports the phases between them): gl-context (created), files (every
  // download and the compilation done), instantiated, started (cp_start returned), first-frame.
  function mark(name) { if (performance.mark) performance.mark('certportal:' + name); }

  function start() {
    var problem = checkWebAssembly();
    if (problem) { showFatal(problem); return; }

    // Every download starts at once; bundle.json (decoded sizes) only sets the progress bar's
    // denominator when it arrives, so it costs no round trip before the real work.
    var total = 0, received = 0;
    function progress(n) {
      received += n;
      if (total > 0) {
        progressBar.value = Math.min(1, received / total);
        detail.textContent = Math.round(received / 1024) + ' / ' + Math.round(total / 1024) + ' KB';
      }
    }
    var bundle = fetchJson('bundle.json')
      .then(function (b) {
        total = b.files['certportal.wasm'] + b.files['fonts/ui.ttf'] + b.files['certportal.js'];
        progress(0);
        return b;
      });
    Promise.all([
      downloadAndCompileWasm('certportal.wasm', progress),
      download('fonts/ui.ttf', progress),
      fetchBrand(),
      Promise.all([loadScript('certportal.js', typeof createCertportal === 'function'), bundle]).then(function (r) { progress(r[1].files['certportal.js']); }),
      // Last in the list, so every request above is already on its way while this blocks.
      new Promise(function (resolve, reject) {
        var glProblem = createWebGl2Context();
        mark('gl-context');
        if (glProblem) reject(new Error(glProblem)); else resolve();
      }),
    ])
      .then(function (parts) { mark('files'); return { wasmModule: parts[0], font: parts[1], brand: parts[2] }; })
      .then(function (p) {
        return createCertportal({
          // The module is already compiled: only instantiate it with the glue's imports.
          instantiateWasm: function (imports, done) {
            WebAssembly.instantiate(p.wasmModule, imports).then(function (instance) { done(instance, p.wasmModule); })
              .catch(function (e) { showFatal('The portal module could not start: ' + e.message); });
            return {};
          },
          canvas: document.getElementById('canvas'),
          showFatalError: showFatal,
          onFirstFrame: function () {
            state.firstFrameAt = performance.now();
            mark('first-frame');
            clearTimeout(loadingTimer);
            loading.hidden = true;
            registerServiceWorker();
          },
          startKeyWorker: startKeyWorker,
          requestTextFont: function () {
            // The large face for typed text: fetched once, on demand (see wasm/ui/fonts.h).
            download('fonts/text.ttf', function () {})
              .then(function (bytes) { state.module._cp_on_font_loaded(1, toHeap(state.module, bytes), bytes.length); })
              .catch(function (e) { console.warn('certportal: text font not loaded: ' + e.message); });
          },
          print: function (t) { console.log(t); },
          printErr: function (t) { console.warn(t); },
        }).then(function (mod) {
          mark('instantiated');
          state.module = mod;
          state.widgets = function () { return JSON.parse(mod.UTF8ToString(mod._cp_debug_widgets())); };
          state.texts = function () { return JSON.parse(mod.UTF8ToString(mod._cp_debug_texts())); };
          state.framesBuilt = function () { return mod._cp_debug_frames_built(); };
          state.framePending = function () { return mod._cp_debug_frame_pending() === 1; };
          state.framesSettled = function () { return mod._cp_debug_frames_settled() === 1; };
          state.framesDrawn = function () { return mod._cp_debug_frames_drawn(); };
          // The link's parameters (?scenario=, guide=, kiosk=, idle=, profile=) are read by the module.
          var searchPtr = mod.allocateUTF8(location.search || '');
          // A link's ?profile=NAME: the module says which file that is (profiles/NAME.json, a name
          // of its one safe pattern, or nothing); fetched from this origin only, else brand.json.
          var profilePath = mod.UTF8ToString(mod._cp_link_profile_path(searchPtr));
          return (profilePath ? fetchProfile(profilePath) : Promise.resolve({ bytes: p.brand, error: '' })).then(function (profile) {
            var bytes = profile.error ? p.brand : profile.bytes;
            bytes = bytes || new Uint8Array(0);
            var profilePtr = toHeap(mod, bytes);
            var errorPtr = mod.allocateUTF8(profile.error);
            // Japanese first, whatever the browser's locale; the last choice switches it. A link's
            // ?lang= is read by the module with the rest of the link (one rule: link_params.h).
            var lang = null;
            try { lang = localStorage.getItem('certportal.lang'); } catch (e) { /* storage off */ }
            var langPtr = mod.allocateUTF8(lang || '');
            var rc = mod._cp_start(toHeap(mod, p.font), p.font.length, profilePtr, bytes.length, errorPtr, langPtr, searchPtr);
            mod._free(profilePtr);
            mod._free(errorPtr);
            mod._free(langPtr);
            mod._free(searchPtr);
            mark('started');
            if (rc !== 0) console.error('certportal: start-up failed with code ' + rc);
          });
        });
      })
      .catch(function (e) {
        showFatal('The portal could not be loaded: ' + e.message);
      });
  }

  window.addEventListener('error', function (e) {
    // A crash of the module (abort) must not leave a frozen or blank canvas without explanation.
    if (e && e.message && /abort|RuntimeError|unreachable/i.test(e.message)) showFatal(e.message);
  });
  start();
})();
