// certportal platform, IndexedDB half of wasm/platform/storage/indexeddb_storage.h (linked with
// emcc --js-library). No Asyncify: C++ calls one of the cp_idb_js_* functions with a request
// number, and the completion calls back the exported cp_idb_on_* function with a status code
// (StorageStatus's numbers) and, for reads, the records packed into malloc'd memory that C++ frees.
//
// Packed formats (little-endian, u32 lengths; the C++ side is indexeddb_storage.cpp):
//   records  u32 count, then per record: u8 kind (0 record, 1 skipped), str store, str key,
//            bytes value (for a skipped record: the reason, UTF-8)
//   batch    u32 count, then per op: u8 kind (0 put, 1 delete), str store, str key, bytes value
//   (str and bytes are u32 length + bytes)
//
// Every connection's listeners (versionchange, close, the BroadcastChannel) are installed by
// connInstall and removed by connUninstall, line for line.
//
// Index: [SECTION] State and status codes, Packing, Connections and tabs, Open and upgrade, Read,
//        Commit, Close

mergeInto(LibraryManager.library, {
  // ---------------------------------------------------------------------------
  // [SECTION] State and status codes
  // ---------------------------------------------------------------------------
  $CPIDB__deps: ['malloc', 'free'],
  $CPIDB: {
    // cp::StorageStatus (wasm/core/storage/storage.h); static_assert'ed on the C++ side.
    OK: 0, UNAVAILABLE: 1, QUOTA_EXCEEDED: 2, INTERRUPTED: 3, VERSION_TOO_NEW: 5,
    // Event kinds for cp_idb_on_event.
    EVENT_CLOSED: 1, EVENT_CHANGED: 2,
    CHANNEL: 'certportal',
    conns: {},  // handle → {name, db, channel, closed}

    factory: function () {
      try {
        return (typeof indexedDB !== 'undefined' && indexedDB) ? indexedDB : null;
      } catch (e) {
        return null;  // a throwing getter (some embedders' private modes)
      }
    },
    // A DOMException (or null) → status code. QuotaExceededError is the only one the caller can
    // act on differently (free space); everything else stopped the transaction before `complete`.
    statusOf: function (error) {
      if (error && error.name === 'QuotaExceededError') return CPIDB.QUOTA_EXCEEDED;
      return CPIDB.INTERRUPTED;
    },
    later: function (fn) { Promise.resolve().then(fn); },

    // -------------------------------------------------------------------------
    // [SECTION] Packing
    // -------------------------------------------------------------------------
    // Made on first use: the library's object literal is serialized by emcc, instances are not.
    textEncoder: null,
    textDecoder: null,
    encode: function (text) {
      if (!CPIDB.textEncoder) CPIDB.textEncoder = new TextEncoder();
      return CPIDB.textEncoder.encode(text);
    },
    decode: function (bytes) {
      if (!CPIDB.textDecoder) CPIDB.textDecoder = new TextDecoder('utf-8');
      return CPIDB.textDecoder.decode(bytes);
    },
    // records: [{skipped, store, key (string), value (ArrayBuffer | reason string)}] → [ptr, size]
    packRecords: function (records) {
      var parts = [], size = 4;
      for (var i = 0; i < records.length; i++) {
        var r = records[i];
        var store = CPIDB.encode(r.store), key = CPIDB.encode(r.key);
        var value = r.skipped ? CPIDB.encode(r.value) : new Uint8Array(r.value);
        parts.push([r.skipped ? 1 : 0, store, key, value]);
        size += 1 + 12 + store.length + key.length + value.length;
      }
      var ptr = _malloc(size);
      if (!ptr) return [0, 0];
      var view = new DataView(HEAPU8.buffer, ptr, size);
      view.setUint32(0, parts.length, true);
      var pos = 4;
      function put(bytes) {
        view.setUint32(pos, bytes.length, true);
        HEAPU8.set(bytes, ptr + pos + 4);
        pos += 4 + bytes.length;
      }
      for (var j = 0; j < parts.length; j++) {
        view.setUint8(pos++, parts[j][0]);
        put(parts[j][1]);
        put(parts[j][2]);
        put(parts[j][3]);
      }
      return [ptr, size];
    },
    // Copies a packed batch out of wasm memory: [{remove, store, key, value (ArrayBuffer)}].
    unpackBatch: function (ptr, size) {
      var view = new DataView(HEAPU8.buffer, ptr, size);
      var count = view.getUint32(0, true), pos = 4, ops = [];
      function take() {
        var n = view.getUint32(pos, true);
        var bytes = HEAPU8.slice(ptr + pos + 4, ptr + pos + 4 + n);
        pos += 4 + n;
        return bytes;
      }
      for (var i = 0; i < count; i++) {
        var kind = view.getUint8(pos++);
        var store = CPIDB.decode(take());
        var key = CPIDB.decode(take());
        var value = take().buffer;  // a fresh ArrayBuffer: what the store holds
        ops.push({ remove: kind === 1, store: store, key: key, value: value });
      }
      return ops;
    },
    // Records of one store as read by getAllKeys + getAll (same transaction, same order).
    // Anything this program never writes is skipped with a reason, not passed on.
    collect: function (out, store, keys, values) {
      for (var i = 0; i < keys.length; i++) {
        var key = keys[i], value = values[i];
        if (typeof key !== 'string') {
          out.push({ skipped: true, store: store, key: String(key), value: 'key is not a string (' + typeof key + ')' });
        } else if (!(value instanceof ArrayBuffer)) {
          var what = value === null ? 'null' : (value && value.constructor && value.constructor.name) || typeof value;
          out.push({ skipped: true, store: store, key: key, value: 'value is not an ArrayBuffer (' + what + ')' });
        } else {
          out.push({ skipped: false, store: store, key: key, value: value });
        }
      }
    },
    // Applies unpacked ops to a readwrite or versionchange transaction; throws what put/delete throw.
    applyOps: function (tx, ops) {
      for (var i = 0; i < ops.length; i++) {
        var op = ops[i], store = tx.objectStore(op.store);
        if (op.remove) store.delete(op.key);
        else store.put(op.value, op.key);
      }
    },
    callWithString: function (fn, a, b, text) {
      var bytes = CPIDB.encode(text), ptr = _malloc(bytes.length + 1);
      if (!ptr) return;
      HEAPU8.set(bytes, ptr);
      HEAPU8[ptr + bytes.length] = 0;
      try { fn(a, b, ptr); } finally { _free(ptr); }
    },

    // -------------------------------------------------------------------------
    // [SECTION] Connections and tabs
    // -------------------------------------------------------------------------
    connInstall: function (handle, conn) {
      conn.db.onversionchange = function () {
        // Another tab opens a newer version (or deletes the database): close now so it is not
        // blocked; this tab's page must reload to use the new schema.
        conn.closed = true;
        CPIDB.connUninstall(conn);
        conn.db.close();
        CPIDB.callWithString(Module['_cp_idb_on_event'], handle, CPIDB.EVENT_CLOSED, 'versionchange');
      };
      conn.db.onclose = function () {
        // Closed by the browser (site data cleared, backing store failed).
        conn.closed = true;
        CPIDB.connUninstall(conn);
        CPIDB.callWithString(Module['_cp_idb_on_event'], handle, CPIDB.EVENT_CLOSED, 'closed by the browser');
      };
      if (typeof BroadcastChannel === 'function') {
        conn.channel = new BroadcastChannel(CPIDB.CHANNEL);
        conn.channel.onmessage = function (e) {
          var m = e.data;
          if (!m || m.type !== 'commit' || m.db !== conn.name || !Array.isArray(m.stores)) return;
          CPIDB.callWithString(Module['_cp_idb_on_event'], handle, CPIDB.EVENT_CHANGED, m.stores.join('\n'));
        };
      }
    },
    connUninstall: function (conn) {
      conn.db.onversionchange = null;
      conn.db.onclose = null;
      if (conn.channel) {
        conn.channel.onmessage = null;
        conn.channel.close();
        conn.channel = null;
      }
    },
    live: function (handle) {
      var conn = CPIDB.conns[handle];
      return conn && conn.db && !conn.closed ? conn : null;
    },
  },

  cp_idb_js_available__deps: ['$CPIDB'],
  cp_idb_js_available: function () {
    return CPIDB.factory() ? 1 : 0;
  },

  // ---------------------------------------------------------------------------
  // [SECTION] Open and upgrade
  // ---------------------------------------------------------------------------
  // stores: the schema's store names, '\n'-separated. migrateBelow: the highest to_version of the
  // schema's migrations (0: none); the upgrade runs them only when oldVersion < migrateBelow.
  cp_idb_js_open__deps: ['$CPIDB'],
  cp_idb_js_open: function (handle, request, namePtr, version, storesPtr, migrateBelow) {
    var name = UTF8ToString(namePtr);
    var stores = UTF8ToString(storesPtr).split('\n').filter(function (s) { return s.length > 0; });
    var conn = { name: name, db: null, channel: null, closed: false };
    CPIDB.conns[handle] = conn;
    var answered = false;
    function answer(status, previous) {
      if (answered) return;
      answered = true;
      Module['_cp_idb_on_opened'](request, status, previous);  // C++ drops requests it no longer knows
    }
    var factory = CPIDB.factory();
    if (!factory) return CPIDB.later(function () { answer(CPIDB.UNAVAILABLE, 0); });
    var req;
    try {
      req = factory.open(name, version);
    } catch (e) {
      // SecurityError (opaque origin, storage blocked) or TypeError: no storage for this page.
      console.warn('certportal: indexedDB.open(' + name + ') refused: ' + e.name);
      return CPIDB.later(function () { answer(CPIDB.UNAVAILABLE, 0); });
    }
    var previous = -1, upgradeFailure = null;
    req.onupgradeneeded = function (e) {
      var tx = req.transaction, db = req.result;
      previous = e.oldVersion;
      try {
        for (var i = 0; i < stores.length; i++)
          if (!db.objectStoreNames.contains(stores[i])) db.createObjectStore(stores[i]);
      } catch (err) {
        upgradeFailure = CPIDB.statusOf(err);
        tx.abort();
        return;
      }
      if (e.oldVersion >= migrateBelow) return;
      // Read every store in this transaction, let C++ run the migrations over the snapshot, write
      // their batch here too: one transaction (indexeddb_storage.h, "Migrations").
      var names = Array.prototype.slice.call(db.objectStoreNames), records = [], left = names.length;
      function migrate() {
        var packed = CPIDB.packRecords(records);
        if (!packed[0]) { upgradeFailure = CPIDB.INTERRUPTED; tx.abort(); return; }
        var result = Module['_cp_idb_on_upgrade'](request, e.oldVersion, packed[0], packed[1]);  // frees packed
        if (!result) { upgradeFailure = CPIDB.INTERRUPTED; tx.abort(); return; }
        var size = new DataView(HEAPU8.buffer, result, 4).getUint32(0, true);
        var ops = CPIDB.unpackBatch(result + 4, size);
        _free(result);
        try {
          CPIDB.applyOps(tx, ops);
        } catch (err) {
          upgradeFailure = CPIDB.statusOf(err);
          tx.abort();
        }
      }
      if (left === 0) return migrate();
      names.forEach(function (storeName) {
        var os = tx.objectStore(storeName), keys = os.getAllKeys(), values = os.getAll();
        values.onsuccess = function () {
          CPIDB.collect(records, storeName, keys.result, values.result);
          if (--left === 0) migrate();
        };
      });
    };
    req.onblocked = function () {
      // Another tab holds an older version open and has not closed yet; its versionchange
      // handler closes it and the open continues.
      console.info('certportal: opening ' + name + ' v' + version + ' waits for another tab to close it');
    };
    req.onerror = function (e) {
      var err = req.error;
      e.preventDefault();
      if (err && err.name === 'VersionError') return answer(CPIDB.VERSION_TOO_NEW, 0);
      if (upgradeFailure !== null) return answer(upgradeFailure, 0);
      if (err && err.name === 'AbortError') return answer(CPIDB.INTERRUPTED, 0);
      // InvalidStateError (Firefox private mode), UnknownError (backing store), NotAllowedError.
      console.warn('certportal: IndexedDB ' + name + ' unavailable: ' + (err ? err.name + ': ' + err.message : 'error'));
      answer(CPIDB.UNAVAILABLE, 0);
    };
    req.onsuccess = function () {
      var db = req.result;
      if (conn.closed) { db.close(); return; }
      for (var i = 0; i < stores.length; i++) {
        if (!db.objectStoreNames.contains(stores[i])) {
          // Same version, other stores: not our database. Leave it alone.
          console.warn('certportal: IndexedDB ' + name + ' v' + db.version + ' has no store "' + stores[i] + '": not ours, not used');
          db.close();
          return answer(CPIDB.UNAVAILABLE, 0);
        }
      }
      conn.db = db;
      CPIDB.connInstall(handle, conn);
      answer(CPIDB.OK, previous >= 0 ? previous : db.version);
    };
  },

  // ---------------------------------------------------------------------------
  // [SECTION] Read
  // ---------------------------------------------------------------------------
  cp_idb_js_read__deps: ['$CPIDB'],
  cp_idb_js_read: function (handle, request, storePtr) {
    var store = UTF8ToString(storePtr), conn = CPIDB.live(handle);
    function answer(status, records) {
      if (status !== CPIDB.OK) return Module['_cp_idb_on_read'](request, status, 0, 0);
      var packed = CPIDB.packRecords(records);
      Module['_cp_idb_on_read'](request, packed[0] ? CPIDB.OK : CPIDB.INTERRUPTED, packed[0], packed[1]);
    }
    if (!conn) return CPIDB.later(function () { answer(CPIDB.INTERRUPTED); });
    var tx;
    try {
      tx = conn.db.transaction(store, 'readonly');
    } catch (e) {
      return CPIDB.later(function () { answer(CPIDB.statusOf(e)); });
    }
    var os = tx.objectStore(store), keys = os.getAllKeys(), values = os.getAll();
    tx.oncomplete = function () {
      var records = [];
      CPIDB.collect(records, store, keys.result, values.result);
      answer(CPIDB.OK, records);
    };
    tx.onabort = function () { answer(CPIDB.statusOf(tx.error)); };
  },

  // ---------------------------------------------------------------------------
  // [SECTION] Commit
  // ---------------------------------------------------------------------------
  cp_idb_js_commit__deps: ['$CPIDB'],
  cp_idb_js_commit: function (handle, request, batchPtr, batchSize) {
    var conn = CPIDB.live(handle);
    var ops = CPIDB.unpackBatch(batchPtr, batchSize);  // copied now: C++ frees the batch on return
    var names = [];
    ops.forEach(function (op) { if (names.indexOf(op.store) < 0) names.push(op.store); });
    var answered = false;
    function answer(status) {
      if (answered) return;
      answered = true;
      if (status === CPIDB.OK && conn.channel)
        conn.channel.postMessage({ type: 'commit', db: conn.name, stores: names });
      Module['_cp_idb_on_committed'](request, status);
    }
    if (!conn) return CPIDB.later(function () { answer(CPIDB.INTERRUPTED); });
    var tx;
    try {
      // "strict": `complete` means flushed to disk, so a certificate reported installed survives
      // a crash or power loss too (Chromium's default is "relaxed").
      tx = conn.db.transaction(names, 'readwrite', { durability: 'strict' });
    } catch (e) {
      return CPIDB.later(function () { answer(CPIDB.statusOf(e)); });
    }
    var failure = null;
    tx.oncomplete = function () { answer(CPIDB.OK); };
    tx.onabort = function () { answer(failure !== null ? failure : CPIDB.statusOf(tx.error)); };
    try {
      CPIDB.applyOps(tx, ops);
    } catch (e) {
      // put() throws synchronously for DataCloneError, and QuotaExceededError in some engines:
      // the ops already queued must not be written either.
      failure = CPIDB.statusOf(e);
      try { tx.abort(); } catch (e2) { /* already finished */ }
    }
  },

  // ---------------------------------------------------------------------------
  // [SECTION] Close
  // ---------------------------------------------------------------------------
  cp_idb_js_close__deps: ['$CPIDB'],
  cp_idb_js_close: function (handle) {
    var conn = CPIDB.conns[handle];
    if (!conn) return;
    conn.closed = true;
    delete CPIDB.conns[handle];
    if (conn.db) {
      CPIDB.connUninstall(conn);
      conn.db.close();
    }
  },
});
