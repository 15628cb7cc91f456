// certportal platform, JavaScript side of the key-generation worker runner
// (wasm/platform/keys/worker_key_job_runner.cpp). One dedicated Worker (web/keyworker.js, which
// the page makes: Module.startKeyWorker), created on the first job; results come back to the
// module through _cp_on_key_job_done.
mergeInto(LibraryManager.library, {
  $CPKW: {
    worker: null,
    // Copies bytes into the module heap for one call, then zeroes and frees them.
    withHeapBytes: function (buffer, fn) {
      if (!buffer) return fn(0, 0);
      var bytes = new Uint8Array(buffer);
      var ptr = _malloc(bytes.length || 1);
      HEAPU8.set(bytes, ptr);
      bytes.fill(0);
      try { return fn(ptr, bytes.length); } finally { HEAPU8.fill(0, ptr, ptr + bytes.length); _free(ptr); }
    },
    // The worker, or the promise of it while the page makes it (web/loader.js startKeyWorker):
    // messages posted meanwhile go out in order once it is there.
    get: function () {
      if (CPKW.worker) return CPKW.worker;
      var made = Module['startKeyWorker']();
      CPKW.worker = made;
      made.then(function (w) {
        if (CPKW.worker !== made) { w.terminate(); return; }  // terminated while being made
        w.onmessage = CPKW.onMessage;
        w.onerror = function (e) {
          e.preventDefault();
          CPKW.failed('failed: ' + (e.message || 'load error'));
        };
      }, function (e) {
        if (CPKW.worker === made) CPKW.failed('could not start: ' + (e && e.message || e));
      });
      return made;
    },
    // Said once in the console; every job waiting fails and the next one starts a fresh worker.
    failed: function (what) {
      console.error('certportal: the key worker ' + what);
      Module['_cp_on_key_worker_failed']();
    },
    post: function (message, transfer) {
      CPKW.get().then(function (w) { w.postMessage(message, transfer || []); }, function () {
        (transfer || []).forEach(function (b) { new Uint8Array(b).fill(0); });  // a key to sign with: no copy left
      });
    },
    onMessage: function (e) {
      var m = e.data;
      if (m.fatal) {
        CPKW.failed('could not start: ' + m.fatal);
        return;
      }
      CPKW.withHeapBytes(m.privateKey, function (pk, pkLen) {
        CPKW.withHeapBytes(m.publicKey, function (pub, pubLen) {
          CPKW.withHeapBytes(m.csr, function (csr, csrLen) {
            Module['_cp_on_key_job_done'](m.id, m.error, pk, pkLen, pub, pubLen, csr, csrLen);
          });
        });
      });
      if (Module['_cp_request_frame']) Module['_cp_request_frame']();  // render on demand: show the outcome
    },
  },

  cp_js_keyworker_generate__deps: ['$CPKW'],
  cp_js_keyworker_generate: function (id, keyType) {
    CPKW.post({ id: id, kind: 'key', keyType: keyType });
  },

  cp_js_keyworker_csr__deps: ['$CPKW'],
  cp_js_keyworker_csr: function (id, keyPtr, keyLen, role, contractId, bankCode, userId, organization) {
    var key = HEAPU8.slice(keyPtr, keyPtr + keyLen).buffer;
    CPKW.post({
      id: id, kind: 'csr', pkcs8: key,
      subject: { role: role, contractId: UTF8ToString(contractId), bankCode: UTF8ToString(bankCode),
                 userId: UTF8ToString(userId), organization: UTF8ToString(organization) },
    }, [key]);
  },

  // Ends the worker (and any job in it): used when every job was cancelled or on shutdown.
  cp_js_keyworker_terminate__deps: ['$CPKW'],
  cp_js_keyworker_terminate: function () {
    if (CPKW.worker) { CPKW.worker.then(function (w) { w.terminate(); }, function () {}); CPKW.worker = null; }
  },
});
