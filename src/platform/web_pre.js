// web_pre.js — the browser side of Parallax (linked with --pre-js, so it runs inside the
// module factory and sees this instance's Module, FS, HEAPU8, ccall).
//
// [SECTION] index
//   persistence: IDBFS mounted at /persist before main() runs, synced on request
//   files:       file picker, drag and drop (folders too), ?corpus= URL, size limit
//   clipboard:   browser clipboard <-> ImGui (a canvas gets no clipboard by itself)
//   text input:  a hidden textarea so IME (Chinese, Japanese) and insertText reach ImGui
//
// Options arrive as Module.parallax (set by Parallax.mount in web_api.js):
//   { container: HTMLElement, storageKey: string|null, demo: bool, corpusUrl: string|null }

var pxOpts = Module['parallax'] || {};

//------------------------------------------------------------------------------------------
// [SECTION] persistence
//------------------------------------------------------------------------------------------
Module['preRun'] = Module['preRun'] || [];
Module['preRun'].push(function () {
  // SDL2 2.26 addresses its canvas as "#canvas"; this instance's canvas has its own id (there
  // may be several instances on a page), so map the name to it for Emscripten's lookups.
  if (typeof specialHTMLTargets !== 'undefined') specialHTMLTargets['#canvas'] = Module['canvas'];
  Module.pxPersistent = false;
  if (!pxOpts.storageKey || typeof indexedDB === 'undefined') {
    FS.mkdir('/persist');  // in memory only
    return;
  }
  // IDBFS names its IndexedDB database after the mount point, so each storage key gets its
  // own mount point; /persist (what the C++ side writes to) is a link to it.
  var dir = '/idb-' + String(pxOpts.storageKey).replace(/[^A-Za-z0-9_.-]/g, '_');
  try {
    FS.mkdir(dir);
    FS.mount(IDBFS, {}, dir);
    FS.symlink(dir, '/persist');
  } catch (e) {
    console.warn('Parallax: IndexedDB storage unavailable, changes will not survive a reload:', e);
    try { FS.mkdir('/persist'); } catch (e2) { /* already there */ }
    return;
  }
  addRunDependency('px-idbfs');
  FS.syncfs(true, function (err) {
    if (err) console.warn('Parallax: could not read saved data:', err);
    else Module.pxPersistent = true;
    removeRunDependency('px-idbfs');
  });
});

Module.pxSyncBusy = false;
Module.pxSyncAgain = false;
// Never two syncs at once: a request during a sync is folded into one more sync after it.
Module.pxSync = function () {
  if (!Module.pxPersistent) return;
  if (Module.pxSyncBusy) { Module.pxSyncAgain = true; return; }
  Module.pxSyncBusy = true;
  FS.syncfs(false, function (err) {
    Module.pxSyncBusy = false;
    if (err) console.warn('Parallax: saving failed:', err);
    if (Module.pxSyncAgain) { Module.pxSyncAgain = false; Module.pxSync(); }
  });
};

//------------------------------------------------------------------------------------------
// [SECTION] files
//------------------------------------------------------------------------------------------
Module.pxReport = function (level, text) {  // level: 0 info, 1 warning, 2 error
  Module.ccall('px_report', null, ['number', 'string'], [level, text]);
};

Module.pxQueueBytes = function (name, bytes) {
  var ptr = Module._malloc(Math.max(1, bytes.length));
  if (!ptr) { Module.pxReport(2, name + ': not enough memory to load this file'); return; }
  HEAPU8.set(bytes, ptr);
  Module.ccall('px_queue_file', null, ['string', 'number', 'number'], [name, ptr, bytes.length]);
  Module._free(ptr);
};

Module.pxQueueFile = function (file, path) {
  var name = path || file.name;
  var limit = Module.ccall('px_max_input_bytes', 'number', [], []);
  if (file.size > limit) {
    // Refused before reading: a 200 MB file must not take the tab (and the loaded corpus) down.
    Module.pxReport(2, name + ': the file is ' + (file.size / 1048576).toFixed(1) + ' MB, above the ' +
      (limit / 1048576).toFixed(0) + ' MB limit: split it (e.g. JSON Lines in parts) and load the parts');
    return Promise.resolve();
  }
  return file.arrayBuffer().then(function (buf) {
    Module.pxQueueBytes(name, new Uint8Array(buf));
  }, function (err) {
    Module.pxReport(2, name + ': the browser could not read this file (' + err + ')');
  });
};

Module.pxOpenFilePicker = function () {
  var input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  input.accept = '.txt,.text,.html,.htm,.json,.jsonl,.ndjson,.csv,.tsv,text/*,application/json';
  input.style.display = 'none';
  input.addEventListener('change', function () {
    Array.prototype.forEach.call(input.files, function (f) { Module.pxQueueFile(f); });
    input.remove();
  });
  document.body.appendChild(input);
  input.click();
};

// Folders dropped in browsers that expose entries (Chromium, Firefox, Safari) are walked.
function pxWalkEntry(entry, path) {
  if (entry.isFile) {
    return new Promise(function (resolve) {
      entry.file(function (f) { Module.pxQueueFile(f, path + f.name).then(resolve); }, function () { resolve(); });
    });
  }
  if (entry.isDirectory) {
    var reader = entry.createReader();
    return new Promise(function (resolve) {
      var all = [];
      (function readMore() {
        reader.readEntries(function (entries) {
          if (!entries.length) {
            Promise.all(all).then(resolve);
            return;
          }
          entries.forEach(function (e) { all.push(pxWalkEntry(e, path + entry.name + '/')); });
          readMore();
        }, function () { Promise.all(all).then(resolve); });
      })();
    });
  }
  return Promise.resolve();
}

Module.pxInstallDragDrop = function (el) {
  el.addEventListener('dragover', function (e) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
  el.addEventListener('drop', function (e) {
    e.preventDefault();
    var items = e.dataTransfer.items;
    if (items && items.length && items[0].webkitGetAsEntry) {
      Array.prototype.forEach.call(items, function (it) {
        var entry = it.webkitGetAsEntry && it.webkitGetAsEntry();
        if (entry) pxWalkEntry(entry, '');
        // Items without a file-system entry (a DataTransfer built by a script) still have a File.
        else if (it.kind === 'file' && it.getAsFile()) Module.pxQueueFile(it.getAsFile());
      });
    } else {
      Array.prototype.forEach.call(e.dataTransfer.files, function (f) { Module.pxQueueFile(f); });
    }
  });
};

// ?corpus=URL: JSON/JSONL from the page's own origin only (the app never contacts anyone
// else; a same-origin file is one the person hosting the page chose to serve).
Module.pxLoadCorpusUrl = function (url) {
  var resolved;
  try { resolved = new URL(url, location.href); } catch (e) {
    Module.pxReport(2, 'corpus URL "' + url + '" is not a valid address');
    return;
  }
  if (resolved.origin !== location.origin || location.protocol === 'file:') {
    Module.pxReport(2, 'corpus URL ' + resolved.href + ' is not on this page\'s own origin: not loaded. ' +
      'Parallax only loads ?corpus= files served next to the app.');
    return;
  }
  fetch(resolved.href).then(function (r) {
    if (!r.ok) throw new Error('HTTP ' + r.status);
    return r.arrayBuffer();
  }).then(function (buf) {
    var name = decodeURIComponent(resolved.pathname.split('/').pop() || 'corpus.jsonl');
    Module.pxQueueBytes(name, new Uint8Array(buf));
  }).catch(function (err) {
    Module.pxReport(2, 'could not load ' + resolved.href + ': ' + err.message);
  });
};

Module.pxDownload = function (name, text, mime) {
  var blob = new Blob([text], { type: mime });
  var a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
};

//------------------------------------------------------------------------------------------
// [SECTION] clipboard
//------------------------------------------------------------------------------------------
// ImGui asks for the clipboard synchronously, the browser gives it only in a 'paste' event
// (or an async, permission-gated read). So we keep the text of the last paste event: the
// paste event fires right after Ctrl+V's keydown, before ImGui's next frame handles the key.
Module.pxClipboard = '';
Module.pxSetClipboard = function (text) {
  Module.pxClipboard = text;
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).catch(function () { pxCopyFallback(text); });
  } else {
    pxCopyFallback(text);
  }
};
function pxCopyFallback(text) {
  var ta = document.createElement('textarea');
  ta.value = text;
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  try { document.execCommand('copy'); } catch (e) { /* nothing more we can do */ }
  ta.remove();
  if (Module.pxTextarea && Module.pxTextInputActive) Module.pxTextarea.focus({ preventScroll: true });
}

//------------------------------------------------------------------------------------------
// [SECTION] text input
//------------------------------------------------------------------------------------------
// SDL turns keypress events into text, which covers typing on a keyboard layout. It misses
// IME compositions (Chinese, Japanese, Korean) and text inserted without key events. A hidden
// textarea, focused while an ImGui text field is active, receives those; text that SDL
// already delivered through keypress is skipped so nothing is typed twice.
Module.pxTextInputActive = false;
Module.pxInstallTextInput = function (container) {
  var ta = document.createElement('textarea');
  ta.setAttribute('aria-label', 'Parallax text input');
  ta.setAttribute('autocomplete', 'off');
  ta.setAttribute('autocorrect', 'off');
  ta.setAttribute('spellcheck', 'false');
  ta.style.cssText = 'position:absolute;left:0;top:0;width:2px;height:1em;opacity:0;border:0;padding:0;' +
    'margin:0;resize:none;overflow:hidden;pointer-events:none;z-index:-1;';
  container.appendChild(ta);
  Module.pxTextarea = ta;
  var lastKeypress = { ch: '', t: 0 };
  var composing = false;
  container.addEventListener('keypress', function (e) {
    lastKeypress = { ch: e.key, t: performance.now() };
  }, true);
  ta.addEventListener('compositionstart', function () { composing = true; });
  ta.addEventListener('compositionend', function (e) {
    composing = false;
    if (e.data) Module.ccall('px_add_input_text', null, ['string'], [e.data]);
    ta.value = '';
  });
  ta.addEventListener('input', function (e) {
    if (composing || e.isComposing) return;
    var t = e.inputType || '';
    if (t === 'insertText' && e.data) {
      var fromKey = e.data === lastKeypress.ch && performance.now() - lastKeypress.t < 100;
      if (!fromKey) Module.ccall('px_add_input_text', null, ['string'], [e.data]);
    }
    // insertFromPaste is handled by ImGui's Ctrl+V with the paste event's text.
    ta.value = '';
  });
  // SDL 2.26 calls preventDefault() on every keydown with Ctrl held (it counts Ctrl as a
  // navigation key), which stops the browser from firing 'paste'. Let Ctrl/Cmd+V through.
  container.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && (e.key === 'v' || e.key === 'V')) {
      Object.defineProperty(e, 'preventDefault', { value: function () {} });
    }
  }, true);
  // When focus leaves this instance (to the host page), ImGui must let go of its text field,
  // or the field writes its old buffer back over changes made through the API.
  container.addEventListener('focusout', function (e) {
    if (!e.relatedTarget || !container.contains(e.relatedTarget)) Module.ccall('px_set_focus', null, ['number'], [0]);
  });
  container.addEventListener('focusin', function () { Module.ccall('px_set_focus', null, ['number'], [1]); });
  // Save at once when the page goes away (the regular save waits a moment to batch edits).
  var flush = function () { Module.ccall('px_flush', null, [], []); };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') flush(); });
  container.addEventListener('paste', function (e) {
    var text = e.clipboardData && e.clipboardData.getData('text/plain');
    if (text) Module.pxClipboard = text;
  }, true);
  container.addEventListener('mousedown', function () {
    // Keep keyboard focus inside this instance (SDL listens on the container).
    if (!Module.pxTextInputActive && document.activeElement !== container) container.focus({ preventScroll: true });
  });
};

// Called by the C++ side when an ImGui text field gains or loses focus (x, y: caret in CSS px).
Module.pxSetTextInput = function (active, x, y) {
  Module.pxTextInputActive = !!active;
  var ta = Module.pxTextarea;
  if (!ta) return;
  if (active) {
    ta.style.left = x + 'px';
    ta.style.top = y + 'px';
    if (document.activeElement !== ta) ta.focus({ preventScroll: true });
  } else if (document.activeElement === ta) {
    pxOpts.container.focus({ preventScroll: true });
  }
};
