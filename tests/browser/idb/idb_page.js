// The IndexedDB test page: loads idb_test_module.js and exposes its exports as promises on
// window.idbTest (see idb_test_module.cpp). Storage events collect in window.idbTest.events.
// An external file because the page's CSP allows no inline script.
'use strict';

(function () {
  var api = { ready: false, error: null, events: [] };
  window.idbTest = api;
  var pending = {}, nextToken = 1;
  var log = document.getElementById('log');
  function show(line) { log.textContent += line + '\n'; }

  createIdbTestModule({
    onReport: function (token, result) {
      var resolve = pending[token];
      delete pending[token];
      if (resolve) resolve(result);
    },
    onEvent: function (event) {
      api.events.push(event);
      show('event ' + JSON.stringify(event));
    },
  }).then(function (m) {
    function call(name, args) {
      return new Promise(function (resolve) {
        var token = nextToken++;
        pending[token] = function (result) { show(name + ' → ' + JSON.stringify(result)); resolve(result); };
        m['_' + name].apply(null, [token].concat(args));
      });
    }
    // which: 0 bank, 1 管理者のパソコン (admin-pc), 2 利用者のパソコン (user-pc)
    api.open = function (pcSchema) { return call('idb_test_open', [pcSchema || 1]); };
    api.close = function () { return call('idb_test_close', []); };
    api.saveSeedBank = function () { return call('idb_test_save_seed_bank', []); };
    api.loadBank = function () { return call('idb_test_load_bank', []); };
    api.install = function (which, certSize, keySize) { return call('idb_test_install', [which, certSize || 0, keySize || 0]); };
    api.installMany = function (which, n, certSize, keySize) {
      return call('idb_test_install_many', [which, n, certSize || 0, keySize || 0]);
    };
    // Starts an install (one certificate, or n in one transaction) and reloads the page before it
    // can answer: at once (delayMs 0) or after delayMs. The reload test reads what is left.
    api.installThenReload = function (which, n, certSize, keySize, delayMs) {
      if (n === 1) call('idb_test_install', [which, certSize, keySize]);
      else call('idb_test_install_many', [which, n, certSize, keySize]);
      if (!delayMs) location.reload();
      else setTimeout(function () { location.reload(); }, delayMs);
    };
    api.loadPc = function (which) { return call('idb_test_load_pc', [which]); };
    api.count = function (which) { return call('idb_test_count', [which]); };
    api.ready = true;
  }, function (e) {
    api.error = String(e);
    show('failed to start: ' + api.error);
  });
})();
