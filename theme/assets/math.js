/* Render TeX with vendored KaTeX, only on pages that contain .arithmatex
   elements. Works with Material for MkDocs instant navigation. */
(function () {
  "use strict";

  // Resolve asset URLs relative to this script, captured at load time.
  var self = document.currentScript || document.querySelector('script[src$="math.js"]');
  var base = self ? self.src : document.baseURI;
  var loading = null;

  function load(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement(tag);
      Object.keys(attrs).forEach(function (k) { el[k] = attrs[k]; });
      el.onload = resolve;
      el.onerror = function () { reject(new Error("KaTeX: failed to load " + (attrs.src || attrs.href))); };
      document.head.appendChild(el);
    });
  }

  function url(path) { return new URL(path, base).href; }

  // Load the stylesheet and scripts once; auto-render needs katex first.
  function loadKatex() {
    if (!loading) {
      load("link", { rel: "stylesheet", href: url("katex/katex.min.css") });
      loading = load("script", { src: url("katex/katex.min.js") })
        .then(function () { return load("script", { src: url("katex/contrib/auto-render.min.js") }); });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function render() {
    if (document.querySelector(".arithmatex") === null) return;
    loadKatex().then(function () {
      document.querySelectorAll(".arithmatex").forEach(function (el) {
        window.renderMathInElement(el, {
          delimiters: [
            { left: "\\(", right: "\\)", display: false },
            { left: "\\[", right: "\\]", display: true }
          ],
          throwOnError: false,
          trust: false
        });
      });
    }).catch(function (err) { console.error(err); });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(render);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", render);
  } else {
    render();
  }
})();
