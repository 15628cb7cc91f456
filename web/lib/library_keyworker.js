// certportal platform, JavaScript side of the key-generation worker runner
// (wasm/platform/keygen/worker_key_job_runner.cpp). One dedicated Worker (web/keyworker.js),
// created on the first job; results come back to the module through _cp_on_key_job_done.
//
// RSA-2048 keys, when the machine has two cores or more, are raced: two more workers ("racers",
// each with its own independently seeded generator) search 1024-bit primes at the same time; the
// first two primes found, from either, make the key (in the racer that found the second one, with
// the checks of mbedtls_rsa_gen_key). A racer still searching then has lost: it is ended (a new
// one starts with the next race), so the time of a key is that of the first two primes of two
// searches, not of two primes one after the other.
mergeInto(LibraryManager.library, {
  $CPKW: {
    worker: null,
    racers: [null, null],   // Workers searching primes for RSA keys
    racing: [0, 0],         // the job each racer works on (0: idle)
    races: {},              // job id -> {primes: [ArrayBuffer], rounds}
    // Copies bytes into the module heap for one call, then zeroes and frees them.
    withHeapBytes: function (buffer, fn) {
      if (!buffer) return fn(0, 0);
      var bytes = new Uint8Array(buffer);
      var ptr = _malloc(bytes.length || 1);
      HEAPU8.set(bytes, ptr);
      bytes.fill(0);
      try { return fn(ptr, bytes.length); } finally { HEAPU8.fill(0, ptr, ptr + bytes.length); _free(ptr); }
    },
    // Hands a worker's result to the module (which drops it when the job was cancelled).
    deliver: function (m) {
      CPKW.withHeapBytes(m.privateKey, function (pk, pkLen) {
        CPKW.withHeapBytes(m.publicKey, function (pub, pubLen) {
          CPKW.withHeapBytes(m.csr, function (csr, csrLen) {
            Module['_cp_on_key_job_done'](m.id, m.error, pk, pkLen, pub, pubLen, csr, csrLen);
          });
        });
      });
    },
    failed: function (message) {
      console.error('certportal: the key worker ' + message);
      Module['_cp_on_key_worker_failed']();
    },
    spawn: function (onResult) {
      var w = new Worker('keyworker.js');
      w.onmessage = function (e) {
        if (e.data.fatal) { CPKW.failed('could not start: ' + e.data.fatal); return; }
        onResult(e.data);
      };
      w.onerror = function (e) {
        e.preventDefault();
        CPKW.failed('failed: ' + (e.message || 'load error'));
      };
      return w;
    },
    get: function () {
      if (!CPKW.worker) CPKW.worker = CPKW.spawn(CPKW.deliver);
      return CPKW.worker;
    },
    // --- RSA-2048 prime race -------------------------------------------------------------------
    canRace: function () {
      return typeof navigator !== 'undefined' && (navigator.hardwareConcurrency || 1) >= 2;
    },
    search: function (i, id) {
      if (!CPKW.racers[i]) CPKW.racers[i] = CPKW.spawn(function (m) { CPKW.onRacer(i, m); });
      CPKW.racing[i] = id;
      CPKW.racers[i].postMessage({ id: id, kind: 'prime' });
    },
    endRacer: function (i) {
      if (CPKW.racers[i]) CPKW.racers[i].terminate();
      CPKW.racers[i] = null;
      CPKW.racing[i] = 0;
    },
    wipe: function (buffers) {
      buffers.forEach(function (b) { if (b && b.byteLength) new Uint8Array(b).fill(0); });
    },
    race: function (id) {
      CPKW.races[id] = { primes: [], rounds: 0 };
      // A racer busy with an older race keeps going; it joins this one when that one is done.
      for (var i = 0; i < 2; i++) if (!CPKW.racing[i]) CPKW.search(i, id);
    },
    // The oldest race still waiting for primes, for a racer that became free.
    nextRace: function () {
      for (var id in CPKW.races) if (CPKW.races[id].primes.length < 2) return Number(id);
      return 0;
    },
    onRacer: function (i, m) {
      CPKW.racing[i] = 0;
      var job = CPKW.races[m.id];
      if (m.kind === 'warm') {
        // started and warmed: join a race if one waits
      } else if (m.kind === 'prime') {
        if (!job || m.error !== 0) {
          CPKW.wipe([m.prime]);
          if (job) { delete CPKW.races[m.id]; CPKW.deliver({ id: m.id, error: m.error }); }
        } else {
          job.primes.push(m.prime);
          if (job.primes.length === 2) {
            // The other racer, if it still searches for this key, lost: a fresh one starts now
            // (module load and warm-up while idle) instead of with the next race.
            if (CPKW.racing[1 - i] === m.id) {
              CPKW.endRacer(1 - i);
              CPKW.racers[1 - i] = CPKW.spawn(function (r) { CPKW.onRacer(1 - i, r); });
              CPKW.racing[1 - i] = -1;
              CPKW.racers[1 - i].postMessage({ id: 0, kind: 'warm' });
            }
            var p = job.primes[0], q = job.primes[1];
            CPKW.racing[i] = m.id;
            CPKW.racers[i].postMessage({ id: m.id, kind: 'assemble', p: p, q: q }, [p, q]);
            return;
          }
        }
      } else if (job) {  // assembled
        if (m.error === 0 || ++job.rounds >= 8) {
          delete CPKW.races[m.id];
          if (m.error !== 0) m.error = 6;  // PkiError::KeyGenerationFailed
          CPKW.deliver(m);
        } else {
          job.primes = [];  // not an acceptable pair (rare): two more primes
        }
      } else {
        CPKW.wipe([m.privateKey]);
      }
      var next = CPKW.nextRace();
      if (next) CPKW.search(i, next);
      if (next && !CPKW.racing[1 - i]) CPKW.search(1 - i, next);
    },
  },

  cp_js_keyworker_generate__deps: ['$CPKW'],
  cp_js_keyworker_generate: function (id, keyType) {
    if (keyType === 0 && CPKW.canRace()) { CPKW.race(id); return; }
    CPKW.get().postMessage({ id: id, kind: 'key', keyType: keyType });
  },

  cp_js_keyworker_csr__deps: ['$CPKW'],
  cp_js_keyworker_csr: function (id, keyPtr, keyLen, role, contractId, bankCode, userId, organization) {
    var key = HEAPU8.slice(keyPtr, keyPtr + keyLen).buffer;
    CPKW.get().postMessage({
      id: id, kind: 'csr', pkcs8: key,
      subject: { role: role, contractId: UTF8ToString(contractId), bankCode: UTF8ToString(bankCode),
                 userId: UTF8ToString(userId), organization: UTF8ToString(organization) },
    }, [key]);
  },

  // Ends the workers (and any job in them): used when every job was cancelled or on shutdown.
  cp_js_keyworker_terminate__deps: ['$CPKW'],
  cp_js_keyworker_terminate: function () {
    if (CPKW.worker) { CPKW.worker.terminate(); CPKW.worker = null; }
    CPKW.endRacer(0);
    CPKW.endRacer(1);
    for (var id in CPKW.races) CPKW.wipe(CPKW.races[id].primes);
    CPKW.races = {};
  },
});
