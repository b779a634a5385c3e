/* Two helpers every catalogue script builds its DOM with. Entry data is untrusted, so nodes are
   made with createElement and textContent only, and any value that is not a string counts as "". */
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function str(value) { return typeof value === "string" ? value : ""; }

  window.catalogueDom = { el: el, str: str };
})();
