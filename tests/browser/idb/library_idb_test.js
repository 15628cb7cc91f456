// The IndexedDB test module's answers to its page (tests/browser/idb/idb_page.js).
mergeInto(LibraryManager.library, {
  cp_idb_test_report: function (token, json) {
    Module['onReport'](token, JSON.parse(UTF8ToString(json)));
  },
  cp_idb_test_event: function (json) {
    Module['onEvent'](JSON.parse(UTF8ToString(json)));
  },
});
