// certportal platform, JavaScript side (linked with emcc --js-library).
//
// One function per browser concern; the C++ side is wasm/platform/browser.h. Every DOM listener is
// added through addListener(), which remembers it so teardown removes all of them.
//
// Index: [SECTION] Listener registry, Canvas size, Text agent (the mirror's inputs too: library_mirror.js), Clipboard, Cursor, Document, Fonts, Errors

mergeInto(LibraryManager.library, {
  // ---------------------------------------------------------------------------
  // [SECTION] Listener registry
  // ---------------------------------------------------------------------------
  $CP: {
    listeners: [],
    addListener: function (target, type, fn, options) {
      target.addEventListener(type, fn, options);
      CP.listeners.push([target, type, fn, options]);
    },
    removeListeners: function (matchTarget) {
      CP.listeners = CP.listeners.filter(function (l) {
        if (matchTarget && l[0] !== matchTarget) return true;
        l[0].removeEventListener(l[1], l[2], l[3]);
        return false;
      });
    },
    canvas: function () { return Module['canvas'] || document.getElementById('canvas'); },
    resizeObserver: null,
    dprQuery: null,
    agent: null,          // the element typed text goes to while an ImGui field is active
    hiddenAgent: null,
    pending: null,          // Map (made with the first agent: a library object is copied as JSON):
                            // element → text typed before its field was active
    composing: false,
    selfFocus: false,       // true while the portal moves the page's focus itself
  },

  // ---------------------------------------------------------------------------
  // [SECTION] Canvas size
  // ---------------------------------------------------------------------------
  cp_js_observe_canvas__deps: ['$CP'],
  cp_js_observe_canvas: function () {
    var canvas = CP.canvas();
    function apply(cssW, cssH, pxW, pxH) {
      // The drawing buffer is sized in device pixels so text is rasterized 1:1 (crisp at any ratio).
      if (canvas.width !== pxW) canvas.width = pxW;
      if (canvas.height !== pxH) canvas.height = pxH;
      Module['_cp_on_canvas_resize'](cssW, cssH, cssW > 0 ? pxW / cssW : (window.devicePixelRatio || 1));
    }
    function fromEntry(entry) {
      var cssW = entry.contentRect.width, cssH = entry.contentRect.height;
      var dpr = window.devicePixelRatio || 1;
      var pxW = Math.round(cssW * dpr), pxH = Math.round(cssH * dpr);
      var box = entry.devicePixelContentBoxSize && entry.devicePixelContentBoxSize[0];
      // Exact device pixels where the browser has them (no rounding guesswork, no blur), unless
      // they disagree with devicePixelRatio by more than rounding: emulated device scales (DevTools,
      // automation) report CSS pixels there.
      if (box && Math.abs(box.inlineSize - pxW) <= 1 && Math.abs(box.blockSize - pxH) <= 1) {
        pxW = box.inlineSize;
        pxH = box.blockSize;
      }
      apply(cssW, cssH, pxW, pxH);
    }
    CP.resizeObserver = new ResizeObserver(function (entries) { fromEntry(entries[entries.length - 1]); });
    try {
      CP.resizeObserver.observe(canvas, { box: 'device-pixel-content-box' });
    } catch (e) {
      CP.resizeObserver.observe(canvas);  // browsers without device-pixel-content-box
    }
    // A devicePixelRatio change without a CSS size change (moving to another monitor, zoom) may not
    // reach the ResizeObserver in every browser: re-observe on each change of the media query.
    function watchDpr() {
      if (CP.dprQuery) CP.dprQuery.removeEventListener('change', onDpr);
      CP.dprQuery = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
      CP.dprQuery.addEventListener('change', onDpr);
    }
    function onDpr() {
      var r = canvas.getBoundingClientRect();
      var dpr = window.devicePixelRatio || 1;
      apply(r.width, r.height, Math.round(r.width * dpr), Math.round(r.height * dpr));
      watchDpr();
    }
    CP.onDpr = onDpr;
    watchDpr();
    var r = canvas.getBoundingClientRect();
    var dpr = window.devicePixelRatio || 1;
    apply(r.width, r.height, Math.round(r.width * dpr), Math.round(r.height * dpr));
  },

  cp_js_observe_pointer_kind__deps: ['$CP'],
  cp_js_observe_pointer_kind: function () {
    if (!window.matchMedia) { Module['_cp_on_pointer_kind'](0); return; }
    var query = window.matchMedia('(pointer: coarse)');
    function report() { Module['_cp_on_pointer_kind'](query.matches ? 1 : 0); }
    query.addEventListener('change', report);
    CP.pointerQuery = query;
    CP.onPointerKind = report;
    report();
  },

  cp_js_unobserve_canvas__deps: ['$CP'],
  cp_js_unobserve_canvas: function () {
    if (CP.resizeObserver) CP.resizeObserver.disconnect();
    if (CP.dprQuery && CP.onDpr) CP.dprQuery.removeEventListener('change', CP.onDpr);
    if (CP.pointerQuery && CP.onPointerKind) CP.pointerQuery.removeEventListener('change', CP.onPointerKind);
    CP.resizeObserver = null;
    CP.removeListeners(null);
    if (CP.hiddenAgent) { CP.hiddenAgent.remove(); CP.hiddenAgent = null; }
    CP.agent = null;
  },

  // ---------------------------------------------------------------------------
  // [SECTION] Text agent (IME, mobile keyboards, typed text)
  // ---------------------------------------------------------------------------
  // The element that receives typed text and IME composition for the ImGui field being edited:
  // that field's own <input> in the accessibility mirror (library_mirror.js) when it has one —
  // the screen reader then reads the field the person types in — or else a hidden <input> at the
  // caret. Enter that confirms a conversion never reaches ImGui (keyCode 229, web_input.cpp).
  $cpSendText: function (text) {
    if (!text) return;
    var bytes = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(bytes);
    stringToUTF8(text, ptr, bytes);
    Module['_cp_on_text_input'](ptr);
    _free(ptr);
  },

  $cpAttachTextAgent__deps: ['$CP', '$cpSendText'],
  $cpAttachTextAgent: function (el) {
    if (!CP.pending) CP.pending = new Map();
    // What the element holds between events: ImGui's text for a mirrored field, nothing for the
    // hidden agent and for passwords (a secret never stays in the DOM).
    function known() { return el._cpRole === 'textbox' ? (el._cpValue || '') : ''; }
    // Text typed before ImGui made the field active (the focus that activates it takes a frame)
    // waits for it, so no character is lost (CP.pending, flushed by cp_js_text_agent_update).
    function deliver(text) {
      if (!text) return;
      if (CP.agent === el) {
        cpSendText(text);
        return;
      }
      CP.pending.set(el, (CP.pending.get(el) || '') + text);
      // A mirror field typed into but not (or no longer) active in ImGui — its activation lost to
      // a click still being handled — is asked for again; its text follows once it is.
      if (el._cpKey !== undefined && document.activeElement === el) Module['_cp_on_mirror_focus'](el._cpKey, 1);
    }
    if (el.type === 'password') {
      ['copy', 'cut'].forEach(function (type) {
        CP.addListener(el, type, function (e) { e.preventDefault(); });
      });
    }
    CP.addListener(el, 'compositionstart', function () {
      CP.composing = true;
      el.classList.add('composing');  // the preedit text becomes visible at the caret
    });
    CP.addListener(el, 'compositionend', function (e) {
      CP.composing = false;
      el.classList.remove('composing');
      deliver(e.data);
      el.value = known();
    });
    CP.addListener(el, 'input', function (e) {
      if (CP.composing || e.isComposing) return;
      var text = e.data != null ? e.data : el.value.slice(known().length);
      deliver(text);
      el.value = known();
    });
  },

  cp_js_text_agent_update__deps: ['$CP', '$CPMirror', '$cpAttachTextAgent', '$cpSendText'],
  cp_js_text_agent_update: function (active, x, y, h, fieldId) {
    var hidden = CP.hiddenAgent;
    if (!hidden) {
      hidden = document.createElement('input');
      hidden.id = 'cp-text-agent';
      hidden.type = 'text';
      hidden.autocomplete = 'off';
      hidden.setAttribute('autocapitalize', 'off');
      hidden.spellcheck = false;
      hidden.setAttribute('aria-hidden', 'true');
      document.body.appendChild(hidden);
      CP.hiddenAgent = hidden;
      cpAttachTextAgent(hidden);
      // Paste goes through the DOM event, the only way to read the clipboard without a prompt.
      CP.addListener(document, 'paste', function (e) {
        // A password field's own <input> takes no paste (nor copy, cut: see below).
        if (e.target && e.target.type === 'password') { e.preventDefault(); return; }
        var text = (e.clipboardData || window.clipboardData).getData('text');
        if (!text) return;
        e.preventDefault();
        // The length goes with the bytes: a NUL in the text is the field's to refuse, not an end.
        var length = lengthBytesUTF8(text);
        var ptr = _malloc(length + 1);
        stringToUTF8(text, ptr, length + 1);
        Module['_cp_on_paste'](ptr, length);
        _free(ptr);
      });
    }
    var agent = (active && CPMirror.inputFor(fieldId)) || hidden;
    CP.agent = active ? agent : null;
    hidden.style.left = x + 'px';
    hidden.style.top = y + 'px';
    hidden.style.height = h + 'px';
    if (active) {
      if (document.activeElement !== agent) {
        CP.selfFocus = true;  // the portal's own move: not a request for ImGui (library_mirror.js)
        agent.focus({ preventScroll: true });
        CP.selfFocus = false;
      }
      var text = CP.pending && CP.pending.get(agent);
      if (text) {
        cpSendText(text);
        CP.pending.delete(agent);
      }
    } else if (document.activeElement === hidden) {
      hidden.blur();
      hidden.value = '';
    }
  },

  // ---------------------------------------------------------------------------
  // [SECTION] Clipboard
  // ---------------------------------------------------------------------------
  cp_js_clipboard_write: function (utf8) {
    var text = UTF8ToString(utf8);
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(function (err) {
        console.warn('certportal: clipboard write refused (' + err.name + ')');
      });
    }
  },

  // ---------------------------------------------------------------------------
  // [SECTION] Cursor and document
  // ---------------------------------------------------------------------------
  cp_js_set_cursor__deps: ['$CP'],
  cp_js_set_cursor: function (cursor) {
    var css = UTF8ToString(cursor);
    CP.canvas().style.cursor = css;
    var mirror = document.getElementById('cp-mirror');  // its leaves cover the canvas
    if (mirror) mirror.style.cursor = css;
  },

  cp_js_set_document_language: function (tag, title, remember) {
    var lang = UTF8ToString(tag);
    document.documentElement.lang = lang;
    document.title = UTF8ToString(title);
    if (!remember) return;
    try { localStorage.setItem('certportal.lang', lang); } catch (e) { /* storage off: not remembered */ }
  },

  // ---------------------------------------------------------------------------
  // [SECTION] Files (the demo console: the audit log as JSON, the world exported and imported)
  // ---------------------------------------------------------------------------
  // A download of `size` bytes at `data` (copied out of the heap at once: the caller wipes them).
  cp_js_download: function (data, size, filename, mime) {
    var bytes = HEAPU8.slice(data, data + size);
    var url = URL.createObjectURL(new Blob([bytes], { type: UTF8ToString(mime) }));
    var a = document.createElement('a');
    a.href = url;
    a.download = UTF8ToString(filename);
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  },

  // The browser's file picker; the chosen file's bytes go to cp_on_file_picked (malloc'd: the
  // module takes ownership). Cancelling picks nothing and calls nothing.
  cp_js_pick_file: function () {
    var input = document.createElement('input');
    input.type = 'file';
    input.accept = '.cpworld,application/octet-stream';
    input.style.display = 'none';
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      input.remove();
      if (!file) return;
      file.arrayBuffer().then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        var ptr = _malloc(bytes.length || 1);
        HEAPU8.set(bytes, ptr);
        Module['_cp_on_file_picked'](ptr, bytes.length);
      }).catch(function (e) { console.warn('certportal: the file could not be read: ' + e.message); });
    });
    document.body.appendChild(input);
    input.click();
  },

  // ---------------------------------------------------------------------------
  // [SECTION] Fonts
  // ---------------------------------------------------------------------------
  cp_js_request_text_font: function () {
    if (Module['requestTextFont']) Module['requestTextFont']();
  },

  // ---------------------------------------------------------------------------
  // [SECTION] Errors and lifecycle notifications
  // ---------------------------------------------------------------------------
  cp_js_show_fatal_error: function (msg) {
    var text = UTF8ToString(msg);
    if (Module['showFatalError']) Module['showFatalError'](text);
    else console.error('certportal: ' + text);
  },

  cp_js_first_frame_drawn: function () {
    if (Module['onFirstFrame']) Module['onFirstFrame']();
  },
});
