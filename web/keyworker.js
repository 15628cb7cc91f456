// certportal key-generation worker: runs the PKI's key generation and CSR creation off the page's
// main thread (wasm/platform/keys/worker_main.cpp). The page starts it from a blob holding the
// module's glue and this file (web/loader.js startKeyWorker): it fetches nothing itself. Messages:
//   in:  {kind: 'init', wasm: ArrayBuffer}      first, once: the module's wasm
//   in:  {id, kind: 'key', keyType}             kind 'csr': {id, kind, pkcs8: ArrayBuffer, subject}
//   out: {id, error, privateKey?, publicKey?, csr?}   (ArrayBuffers, transferred)
//   out: {id: 0, fatal: message}                       the module could not start
'use strict';

var wasmBinary = null;  // from the 'init' message
var ready = null;       // Promise of the module

function start() {
  if (!wasmBinary) return Promise.reject(new Error('no init message with the module\'s wasm'));
  var options = {
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
    wasmBinary: wasmBinary,
  };
  return createKeyWorker(options).then(function (mod) {
    // Warm the module once (cpw_warm_up in worker_main.cpp): the first key gets optimized code.
    mod._cpw_warm_up();
    return mod;
  });
}

function copyOut(mod, which) {
  var size = mod._cpw_output_size(which);
  var ptr = mod._cpw_output(which);
  return mod.HEAPU8.slice(ptr, ptr + size).buffer;
}

function withString(mod, s, fn) {
  var ptr = mod.allocateUTF8(s || '');
  try { return fn(ptr); } finally { mod._free(ptr); }
}

function run(mod, msg) {
  var out = { id: msg.id };
  var transfer = [];
  if (msg.kind === 'key') {
    out.error = mod._cpw_generate_key(msg.keyType);
    if (out.error === 0) {
      out.privateKey = copyOut(mod, 0);
      out.publicKey = copyOut(mod, 1);
      transfer.push(out.privateKey, out.publicKey);
    }
  } else {
    var key = new Uint8Array(msg.pkcs8);
    var keyPtr = mod._malloc(key.length);
    mod.HEAPU8.set(key, keyPtr);
    key.fill(0);
    var s = msg.subject;
    out.error = withString(mod, s.contractId, function (c) {
      return withString(mod, s.bankCode, function (b) {
        return withString(mod, s.userId, function (u) {
          return withString(mod, s.organization, function (o) {
            return mod._cpw_create_csr(keyPtr, msg.pkcs8.byteLength, s.role, c, b, u, o);
          });
        });
      });
    });
    mod.HEAPU8.fill(0, keyPtr, keyPtr + msg.pkcs8.byteLength);  // the key leaves no copy behind
    mod._free(keyPtr);
    if (out.error === 0) {
      out.csr = copyOut(mod, 2);
      transfer.push(out.csr);
    }
  }
  mod._cpw_wipe();
  postMessage(out, transfer);
}

onmessage = function (e) {
  if (e.data.kind === 'init') {
    wasmBinary = new Uint8Array(e.data.wasm);
    return;
  }
  if (!ready) {
    try { ready = start(); } catch (err) { ready = Promise.reject(err); }
  }
  ready.then(function (mod) { run(mod, e.data); }, function (err) {
    postMessage({ id: 0, fatal: String(err && err.message || err) });
  });
};
