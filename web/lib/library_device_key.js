// certportal platform, JavaScript side of the 中 (Medium) protection device key
// (wasm/platform/keys/webcrypto_device_key.cpp): non-extractable AES-GCM keys in IndexedDB.
mergeInto(LibraryManager.library, {
  $CPDK: {
    MAGIC: [0x43, 0x50, 0x44, 0x4b, 0x31],  // "CPDK1": format of a sealed blob
    db: null,
    openDb: function () {
      if (CPDK.db) return CPDK.db;
      CPDK.db = new Promise(function (resolve, reject) {
        if (!self.indexedDB) { reject(new Error('IndexedDB is unavailable')); return; }
        var req = indexedDB.open('certportal-device-keys', 1);
        req.onupgradeneeded = function () { req.result.createObjectStore('keys'); };
        req.onsuccess = function () { resolve(req.result); };
        req.onerror = function () { reject(req.error); };
      });
      CPDK.db.catch(function () { CPDK.db = null; });  // a later call may try again
      return CPDK.db;
    },
    // Without IndexedDB (private mode) the keys live in memory for this page, like the rest of the
    // simulation then: sealed keys stay usable until the page is closed.
    memoryKeys: {},
    memoryKeyFor: function (pcName) {
      if (!CPDK.memoryKeys[pcName])
        CPDK.memoryKeys[pcName] = crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      return CPDK.memoryKeys[pcName];
    },
    // The PC's key: read it, or create it (extractable: false) and store it in one transaction.
    keyFor: function (pcName) {
      if (CPDK.memoryKeys[pcName]) return CPDK.memoryKeys[pcName];
      return CPDK.openDb().catch(function () { return null; }).then(function (db) {
        if (!db) return CPDK.memoryKeyFor(pcName);
        return new Promise(function (resolve, reject) {
          var get = db.transaction('keys', 'readonly').objectStore('keys').get(pcName);
          get.onsuccess = function () { resolve(get.result || null); };
          get.onerror = function () { reject(get.error); };
        }).then(function (existing) {
          if (existing) return existing;
          return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']).then(function (key) {
            return new Promise(function (resolve, reject) {
              var tx = db.transaction('keys', 'readwrite');
              // add(), not put(): if another tab created the key meanwhile, theirs wins and we reread.
              tx.objectStore('keys').add(key, pcName);
              tx.oncomplete = function () { resolve(key); };
              tx.onabort = function () {
                var again = db.transaction('keys', 'readonly').objectStore('keys').get(pcName);
                // Theirs if another tab won; otherwise storing failed (quota): keep the key in memory,
                // as the simulation does with its data then.
                again.onsuccess = function () { resolve(again.result || CPDK.memoryKeyFor(pcName)); };
                again.onerror = function () { resolve(CPDK.memoryKeyFor(pcName)); };
              };
            });
          });
        });
      });
    },
    seal: function (key, data) {
      var iv = crypto.getRandomValues(new Uint8Array(12));
      return crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv }, key, data).then(function (ct) {
        var out = new Uint8Array(5 + 12 + ct.byteLength);
        out.set(CPDK.MAGIC, 0);
        out.set(iv, 5);
        out.set(new Uint8Array(ct), 17);
        return out;
      });
    },
    unseal: function (key, blob) {
      for (var i = 0; i < 5; i++) if (blob[i] !== CPDK.MAGIC[i]) return Promise.reject(new Error('not a sealed key'));
      if (blob.length < 17 + 16) return Promise.reject(new Error('sealed key too short'));
      return crypto.subtle.decrypt({ name: 'AES-GCM', iv: blob.slice(5, 17) }, key, blob.slice(17))
        .then(function (pt) { return new Uint8Array(pt); });
    },
    finish: function (request, ok, bytes) {
      var ptr = 0, size = 0;
      if (ok && bytes) {
        size = bytes.length;
        ptr = _malloc(size || 1);
        HEAPU8.set(bytes, ptr);
        bytes.fill(0);
      }
      try { Module['_cp_on_device_key_done'](request, ok ? 1 : 0, ptr, size); }
      finally { if (ptr) { HEAPU8.fill(0, ptr, ptr + size); _free(ptr); } }
      // An asynchronous completion: the page may show its outcome (render on demand). Modules
      // without a frame loop (tests) have no _cp_request_frame.
      if (Module['_cp_request_frame']) Module['_cp_request_frame']();
    },
  },

  cp_js_device_key__deps: ['$CPDK'],
  cp_js_device_key: function (request, op, pcNamePtr, dataPtr, size) {
    var pcName = UTF8ToString(pcNamePtr);
    var data = HEAPU8.slice(dataPtr, dataPtr + size);
    CPDK.keyFor(pcName)
      .then(function (key) { return op === 0 ? CPDK.seal(key, data) : CPDK.unseal(key, data); })
      .then(function (out) { data.fill(0); CPDK.finish(request, true, out); },
            function (err) {
              data.fill(0);
              console.warn('certportal: device key ' + (op === 0 ? 'seal' : 'unseal') + ' failed: ' + (err && err.name || err));
              CPDK.finish(request, false, null);
            });
  },
});
