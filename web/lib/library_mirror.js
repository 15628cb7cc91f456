// certportal platform, JavaScript side: the accessibility mirror (linked with emcc --js-library).
//
// A DOM layer over the canvas with one native element per widget of the last frame — <button>,
// <input type=radio|checkbox|text|password>, role=tab, role=table rows and cells, role=dialog with
// the rest inert, headings and text — so screen readers, browser extensions and getByRole see what
// the canvas shows. Always on. The C++ side (wasm/platform/web_mirror.cpp) sends a patch only when
// something changed (wasm/ui/accessibility/mirror_diff.h has its format); this file writes only
// the fields that differ.
//
// Each leaf sits over its widget, transparent (opacity 0 per leaf: never display:none,
// visibility:hidden or an ancestor's opacity, which would hide it from screen readers too).
// Pointer input on a leaf is handed to the canvas, where ImGui handles it; a click that no pointer
// caused (a screen reader's, Enter in browse mode) activates the widget once; a focus the portal
// did not cause moves ImGui's focus there.
//
// Index: [SECTION] State, Elements, Patch, Input from the mirror, Focus

mergeInto(LibraryManager.library, {
  // ---------------------------------------------------------------------------
  // [SECTION] State
  // ---------------------------------------------------------------------------
  $CPMirror__deps: ['$CP'],
  $CPMirror: {
    root: null,
    polite: null,        // live regions, made at start-up so the first announcement is heard
    assertive: null,
    nodes: null,         // Map: key → element (made by install: a library object is copied as JSON)
    info: null,          // Map: key → {r: role, n, v, d, f, i, p} as last written
    lastPointer: -1e9,   // performance.now() of the last pointer press on the mirror
    pressed: null,       // the element it landed on
    announce: {},        // role ('error', 'status') → a node of it appeared or changed in this patch
    ROLE_LEAF_TAG: {
      button: 'button', tab: 'button', link: 'a', checkbox: 'input', radio: 'input', textbox: 'input',
      password: 'input', heading: 'div', text: 'div', error: 'div', status: 'div',
    },
    isInput: function (role) { return role === 'textbox' || role === 'password'; },
    keyOf: function (el) {
      while (el && el !== CPMirror.root) {
        if (el._cpKey !== undefined) return el._cpKey;
        el = el.parentNode;
      }
      return undefined;
    },
    // The <input> of a text field, for the text agent (library_certportal.js): typing goes there.
    inputFor: function (key) {
      var el = CPMirror.nodes && CPMirror.nodes.get(key >>> 0);
      return el && el.tagName === 'INPUT' && CPMirror.isInput(el._cpRole) ? el : null;
    },
  },

  // ---------------------------------------------------------------------------
  // [SECTION] Elements
  // ---------------------------------------------------------------------------
  $cpMirrorCreate__deps: ['$CPMirror', '$cpAttachTextAgent'],
  $cpMirrorCreate: function (key, role) {
    var el;
    switch (role) {
      case 'page': el = document.createElement('main'); break;  // the landmark that holds the desk
      case 'dialog':
        el = document.createElement('div');
        el.setAttribute('role', 'dialog');
        el.setAttribute('aria-modal', 'true');
        break;
      case 'table': case 'row': case 'cell': case 'columnheader': case 'tablist':
        el = document.createElement('div');
        el.setAttribute('role', role);
        break;
      default:
        el = document.createElement(CPMirror.ROLE_LEAF_TAG[role] || 'div');
        el.className = 'cp-leaf';
        if (el.tagName === 'BUTTON') el.type = 'button';
        if (role === 'tab') el.setAttribute('role', 'tab');
        if (role === 'link') el.href = '#';
        if (role === 'checkbox' || role === 'radio') el.type = role;
        if (role === 'textbox') { el.type = 'text'; el.autocomplete = 'off'; el.spellcheck = false; }
        if (role === 'password') { el.type = 'password'; el.autocomplete = 'off'; }
        if (role === 'heading') { el.setAttribute('role', 'heading'); el.setAttribute('aria-level', '2'); }
        if (role === 'heading' || role === 'text' || role === 'error' || role === 'status') el.classList.add('cp-text');
        if (CPMirror.isInput(role)) cpAttachTextAgent(el);
    }
    el._cpKey = key;
    el._cpRole = role;
    el.setAttribute('data-testid', 'cp-' + key.toString(16));
    return el;
  },

  $cpMirrorWrite__deps: ['$CPMirror'],
  $cpMirrorWrite: function (el, n, old) {
    var role = n.r;
    var name = n.n || '', desc = n.d || '', flags = n.f || 0;
    var leaf = el.classList.contains('cp-leaf');
    if (leaf && (!old || old.x !== n.x || old.y !== n.y || old.w !== n.w || old.h !== n.h)) {
      el.style.transform = 'translate(' + n.x + 'px,' + n.y + 'px)';
      el.style.width = n.w + 'px';
      el.style.height = n.h + 'px';
    }
    if (!old || old.n !== n.n) {
      if (role === 'dialog') el.setAttribute('aria-label', name);
      else if (role === 'checkbox' || role === 'radio' || CPMirror.isInput(role)) el.setAttribute('aria-label', name);
      else if (leaf) el.textContent = name;
    }
    if (!old || old.d !== n.d) {
      if (desc) el.title = desc; else el.removeAttribute('title');
    }
    if (!old || (old.f || 0) !== flags) {
      var disabled = (flags & 1) !== 0, checked = (flags & 2) !== 0;
      // aria-disabled, not disabled: a disabled control is still found, and its tooltip read.
      if (leaf && !el.classList.contains('cp-text')) {
        if (disabled) el.setAttribute('aria-disabled', 'true'); else el.removeAttribute('aria-disabled');
      }
      if (role === 'checkbox' || role === 'radio') el.checked = checked;
      if (role === 'tab') el.setAttribute('aria-selected', checked ? 'true' : 'false');
      if (flags & 4) el.setAttribute('aria-expanded', (flags & 8) ? 'true' : 'false');
      else el.removeAttribute('aria-expanded');
    }
    if (role === 'textbox' && (!old || old.v !== n.v)) {
      el._cpValue = n.v || '';
      if (el.value !== el._cpValue && !CP.composing) el.value = el._cpValue;
    }
    if (role === 'row' && (!old || old.i !== n.i)) el.setAttribute('aria-rowindex', String(n.i || 0));
    // Errors and progress are announced when one appears or changes (cpMirrorAnnounce, once the
    // patch is applied: every message of that kind on screen, whole).
    if ((role === 'error' || role === 'status') && (!old || old.n !== n.n)) CPMirror.announce[role] = true;
  },

  // What the live regions say after a patch: when an error (or a progress text) appeared or
  // changed, every one shown, in screen order, as one announcement — a wrong PIN's 「ご契約先暗証番号に
  // 誤りがあります。」 with its 「あと5回誤るとサービスがロックされます。」, not only the last one written.
  $cpMirrorAnnounce__deps: ['$CPMirror'],
  $cpMirrorAnnounce: function () {
    ['error', 'status'].forEach(function (role) {
      if (!CPMirror.announce[role]) return;
      var words = [];
      CPMirror.root.querySelectorAll('.cp-text').forEach(function (el) {
        if (el._cpRole === role && el.textContent) words.push(el.textContent);
      });
      (role === 'error' ? CPMirror.assertive : CPMirror.polite).textContent = words.join(' ');
    });
    CPMirror.announce = {};
  },

  // ---------------------------------------------------------------------------
  // [SECTION] Patch
  // ---------------------------------------------------------------------------
  cp_js_mirror_apply__deps: ['$CPMirror', '$cpMirrorCreate', '$cpMirrorWrite', '$cpMirrorAnnounce'],
  cp_js_mirror_apply: function (json) {
    if (!CPMirror.root) return;
    var patch = JSON.parse(UTF8ToString(json));
    var i, k;
    for (i = 0; i < patch.del.length; ++i) {
      k = patch.del[i];
      var gone = CPMirror.nodes.get(k);
      if (gone) gone.remove();
      CPMirror.nodes.delete(k);
      CPMirror.info.delete(k);
    }
    for (i = 0; i < patch.set.length; ++i) {
      var n = patch.set[i];
      var el = CPMirror.nodes.get(n.k);
      var old = CPMirror.info.get(n.k);
      if (el && old && old.r !== n.r) { el.remove(); el = null; old = null; }
      if (!el) {
        el = cpMirrorCreate(n.k, n.r);
        CPMirror.nodes.set(n.k, el);
      }
      cpMirrorWrite(el, n, old);
      CPMirror.info.set(n.k, n);
    }
    if (patch.tree) {
      // DOM order = the frame's order. An element already after the right sibling is not moved
      // (a screen reader loses its place when the element under it moves).
      var last = new Map();  // parent element → last child placed
      for (i = 0; i < patch.tree.length; ++i) {
        var child = CPMirror.nodes.get(patch.tree[i][0]);
        var parent = patch.tree[i][1] === 0 ? CPMirror.root : CPMirror.nodes.get(patch.tree[i][1]);
        if (!child || !parent) continue;
        var prev = last.get(parent) || null;
        var expected = prev ? prev.nextSibling : parent.firstChild;
        if (child.parentNode !== parent || child !== expected) parent.insertBefore(child, expected);
        last.set(parent, child);
      }
      // A dialog is modal: everything else is inert (out of the accessibility tree, not focusable).
      var dialogs = [], page = null;
      for (var c = CPMirror.root.firstElementChild; c; c = c.nextElementSibling) {
        if (c._cpRole === 'dialog') dialogs.push(c); else if (c._cpRole === 'page') page = c;
      }
      if (page) page.inert = dialogs.length > 0;
      for (i = 0; i < dialogs.length; ++i) dialogs[i].inert = i + 1 < dialogs.length;
    }
    cpMirrorAnnounce();
  },

  // ---------------------------------------------------------------------------
  // [SECTION] Input from the mirror
  // ---------------------------------------------------------------------------
  cp_js_mirror_install__deps: ['$CPMirror', '$CP'],
  cp_js_mirror_install: function () {
    var root = document.createElement('div');
    root.id = 'cp-mirror';
    document.body.appendChild(root);
    CPMirror.root = root;
    CPMirror.nodes = new Map();
    CPMirror.info = new Map();
    CPMirror.announce = {};
    function live(politeness) {
      var region = document.createElement('div');
      region.className = 'cp-live';
      region.setAttribute('aria-live', politeness);
      region.setAttribute('aria-atomic', 'true');
      document.body.appendChild(region);
      return region;
    }
    CPMirror.polite = live('polite');
    CPMirror.assertive = live('assertive');
    var canvas = CP.canvas();

    // Pointer input belongs to the canvas: ImGui hit-tests it (a leaf only marks the spot).
    function pressed(e) {
      CPMirror.lastPointer = performance.now();
      CPMirror.pressed = e.target;
    }
    function justPressed(el) { return el === CPMirror.pressed && performance.now() - CPMirror.lastPointer < 500; }
    CP.addListener(root, 'mousedown', function (e) {
      pressed(e);
      canvas.dispatchEvent(new MouseEvent('mousedown', e));
    });
    CP.addListener(root, 'wheel', function (e) {
      canvas.dispatchEvent(new WheelEvent('wheel', e));
      e.preventDefault();
    }, { passive: false });
    ['touchstart', 'touchmove', 'touchend', 'touchcancel'].forEach(function (type) {
      CP.addListener(root, type, function (e) {
        pressed(e);
        if (typeof TouchEvent === 'function') {
          canvas.dispatchEvent(new TouchEvent(type, {
            bubbles: true, cancelable: true, touches: Array.from(e.touches),
            targetTouches: Array.from(e.targetTouches), changedTouches: Array.from(e.changedTouches),
          }));
        }
        e.preventDefault();
      }, { passive: false });
    });
    // A click with no pointer press before it came from the keyboard of a screen reader (or
    // element.click()): it activates the widget. After a pointer press, ImGui already has it.
    CP.addListener(root, 'click', function (e) {
      var key = CPMirror.keyOf(e.target);
      if (key === undefined) return;
      var role = e.target._cpRole;
      if (role === 'checkbox' || role === 'radio' || role === 'link') e.preventDefault();  // ImGui's state is the truth
      if (justPressed(e.target)) return;
      if (CPMirror.isInput(role)) return;  // focus already asked for the field
      Module['_cp_on_mirror_activate'](key);
    });
    // Enter and Space on a focused control are the element's own: the browser turns them into a
    // click, which activates that very widget (by ID) — whatever ImGui's keyboard focus is. ImGui
    // never sees them (it would activate its own focused item: one activation, not two).
    ['keydown', 'keyup'].forEach(function (type) {
      CP.addListener(root, type, function (e) {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        var role = e.target._cpRole;
        if (!role || CPMirror.isInput(role) || e.target.classList.contains('cp-text')) return;
        e.stopPropagation();
      });
    });
    CP.addListener(root, 'focusin', function (e) {
      // A pointer press focuses the element it lands on: ImGui's click moves its focus itself
      // (asking ImGui to focus now would cancel the press it is handling).
      if (CP.selfFocus || justPressed(e.target)) return;
      var key = CPMirror.keyOf(e.target);
      if (key === undefined) return;
      Module['_cp_on_mirror_focus'](key, CPMirror.isInput(e.target._cpRole) ? 1 : 0);
    });
  },

  cp_js_mirror_uninstall__deps: ['$CPMirror'],
  cp_js_mirror_uninstall: function () {
    if (CPMirror.root) CPMirror.root.remove();
    if (CPMirror.polite) CPMirror.polite.remove();
    if (CPMirror.assertive) CPMirror.assertive.remove();
    CPMirror.root = CPMirror.polite = CPMirror.assertive = null;
    CPMirror.nodes = CPMirror.info = null;
  },

  // ---------------------------------------------------------------------------
  // [SECTION] Focus
  // ---------------------------------------------------------------------------
  // ImGui moved its focus (Tab, a dialog opened, an error field): the DOM focus follows, without
  // scrolling — unless the person is in something that is not the portal's (the update prompt).
  cp_js_mirror_focus__deps: ['$CPMirror', '$CP'],
  cp_js_mirror_focus: function (key) {
    var el = CPMirror.nodes && CPMirror.nodes.get(key >>> 0);
    if (!el || document.activeElement === el || el.classList.contains('cp-text')) return;
    var active = document.activeElement;
    var ours = !active || active === document.body || active === CP.canvas() || active === CP.hiddenAgent ||
      (CPMirror.root && CPMirror.root.contains(active));
    if (!ours) return;
    CP.selfFocus = true;
    el.focus({ preventScroll: true });
    CP.selfFocus = false;
  },
});
