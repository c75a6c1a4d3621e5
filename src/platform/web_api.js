// web_api.js — the embedding API (linked with --extern-post-js, so it sits next to the
// createParallax factory in parallax.js, and in the single-file build too).
//
//   <div id="px" style="width:100%;height:600px"></div>
//   <script src="parallax.js"></script>
//   <script>
//     Parallax.mount('#px', { articles: [{ source: 'A', title: 'T', text: '...' }] })
//       .then(px => { px.setFilters({ text: 'rutte' }); console.log(px.getState()); });
//   </script>
//
// mount(element | selector, options) -> Promise<instance>. Options:
//   articles:   array of article objects (id, url, source, title, published, language, text)
//   filters:    { text, languages: [], sources: [], date_from, date_to }
//   demo:       load the demo corpus when nothing else is given (default: true if no articles)
//   storageKey: persist corpus and layout in IndexedDB under this key (default: 'parallax' for
//               the full page, none for an embed that passes articles); null to disable
//   corpusUrl:  a JSON/JSONL file on the page's own origin to load at start
// Instance: addArticles(array) -> {ok, added, messages, corpus_size}; setFilters(obj) -> {ok, state};
//   getState() -> {corpus_size, filters, visible_count, visible_rows, selected, loading};
//   select(id); exportJsonl() -> string; module (the Emscripten module, for tests).
(function () {
  var root = typeof window !== 'undefined' ? window : globalThis;
  var factory = typeof createParallax !== 'undefined' ? createParallax : null;
  var counter = 0;

  function mount(target, options) {
    options = options || {};
    var host = typeof target === 'string' ? document.querySelector(target) : target;
    if (!host) return Promise.reject(new Error('Parallax.mount: no element matches ' + target));
    var id = 'parallax-' + (++counter);
    var box = document.createElement('div');
    box.id = id;
    box.tabIndex = 0;  // focusable: SDL reads this instance's keys from this element
    box.style.cssText = 'position:relative;width:100%;height:100%;overflow:hidden;outline:none;';
    var canvas = document.createElement('canvas');
    canvas.id = id + '-canvas';
    canvas.style.cssText = 'display:block;position:absolute;left:0;top:0;';
    canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
    canvas.addEventListener('webglcontextlost', function (e) { e.preventDefault(); });
    box.appendChild(canvas);
    host.appendChild(box);

    var hasArticles = Array.isArray(options.articles) && options.articles.length > 0;
    var storageKey = options.storageKey !== undefined ? options.storageKey : (hasArticles ? null : 'parallax');
    var started;
    var startedPromise = new Promise(function (resolve) { started = resolve; });
    var config = {
      canvas: canvas,
      parallax: {
        container: box,
        containerId: id,
        storageKey: storageKey,
        demo: options.demo !== undefined ? !!options.demo : !hasArticles,
        corpusUrl: options.corpusUrl || null,
        onStarted: function () { started(); },
        onError: options.onError || function (m) { console.error('Parallax: ' + m); }
      },
      print: function (t) { console.log(t); },
      printErr: function (t) { console.warn(t); }
    };
    return factory(config).then(function (mod) {
      return startedPromise.then(function () { return mod; });
    }).then(function (mod) {
      // Arguments go through the heap, not ccall's 'string' type: that copies onto the 5 MB
      // wasm stack, and a large addArticles() call overflowed it.
      function call(fn, arg) {
        var text = arg === undefined ? '' : (typeof arg === 'string' ? arg : JSON.stringify(arg));
        var ptr = mod.stringToNewUTF8(text);
        try {
          return JSON.parse(mod.ccall(fn, 'string', ['number'], [ptr]));
        } finally {
          mod._free(ptr);
        }
      }
      var instance = {
        module: mod,
        element: box,
        addArticles: function (articles) { return call('px_api_add_articles', articles); },
        setFilters: function (filters) { return call('px_api_set_filters', filters || {}); },
        getState: function () { return call('px_api_get_state', ''); },
        select: function (articleId) { return call('px_api_select', String(articleId)); },
        exportJsonl: function () { return mod.ccall('px_api_export_jsonl', 'string', ['string'], ['']); },
        focus: function () { box.focus({ preventScroll: true }); }
      };
      if (hasArticles) instance.addArticles(options.articles);
      if (options.filters) instance.setFilters(options.filters);
      return instance;
    });
  }

  root.Parallax = { mount: mount, version: '0.1.0' };
})();
