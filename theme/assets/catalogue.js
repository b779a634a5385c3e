/* The "All papers" table: filter, sort and paginate table.json in the browser.
   Only one page of rows is ever in the DOM. Data is untrusted: the DOM is built
   with createElement/textContent only. Works with Material's instant navigation. */
(function () {
  "use strict";

  var PAGE_SIZE = 50;
  var COLUMNS = [ // [key, header, default direction]; null key = not sortable
    ["title", "Title", "asc"], ["short", "Short name", "asc"],
    [null, "Tags"], ["listed", "Listed", "desc"]
  ];
  var DEFAULTS = { q: "", tag: "", sort: "listed", dir: "desc", page: 1 };
  var collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
  var numbers = new Intl.NumberFormat("en");

  var el = window.catalogueDom.el;
  var str = window.catalogueDom.str;

  // Turn the untrusted JSON into a clean list of rows with a lower-case search text.
  function parse(data) {
    var names = data && typeof data.tags === "object" && data.tags ? data.tags : {};
    var tagName = function (k) { return Object.prototype.hasOwnProperty.call(names, k) ? str(names[k]) || k : k; };
    var rows = (Array.isArray(data && data.rows) ? data.rows : []).filter(Array.isArray).map(function (r) {
      var tags = (Array.isArray(r[4]) ? r[4] : []).filter(function (t) { return typeof t === "string" && t; });
      var row = { slug: str(r[0]), title: str(r[1]), short: str(r[2]), listed: str(r[3]), tags: tags };
      row.text = [row.title, row.short].concat(tags.map(tagName)).join(" ").toLowerCase();
      return row;
    }).filter(function (row) { return row.slug; });
    return { rows: rows, tagName: tagName };
  }

  function compare(sort, dir) {
    var sign = dir === "asc" ? 1 : -1;
    return function (a, b) {
      if (sort === "short" && !a.short !== !b.short) return a.short ? -1 : 1; // blanks last
      var c = sort === "listed" ? (a.listed < b.listed ? -1 : a.listed > b.listed ? 1 : 0)
                                : collator.compare(a[sort], b[sort]);
      return sign * c || collator.compare(a.title, b.title) || (a.slug < b.slug ? -1 : 1);
    };
  }

  function readState() {
    var p = new URLSearchParams(window.location.search);
    var sort = p.get("sort"), dir = p.get("dir"), page = parseInt(p.get("page"), 10);
    var valid = COLUMNS.some(function (c) { return c[0] && c[0] === sort; });
    return {
      q: p.get("q") || "", tag: p.get("tag") || "",
      sort: valid ? sort : DEFAULTS.sort,
      dir: dir === "asc" || dir === "desc" ? dir : (valid ? null : DEFAULTS.dir),
      page: page > 0 ? page : 1
    };
  }

  function writeState(state) {
    var url = new URL(window.location.href);
    var defaultOrder = state.sort === DEFAULTS.sort && state.dir === DEFAULTS.dir;
    Object.keys(DEFAULTS).forEach(function (k) {
      var v = String(state[k]).trim();
      var keep = k === "sort" || k === "dir" ? !defaultOrder : v && v !== String(DEFAULTS[k]);
      if (keep) url.searchParams.set(k, v); else url.searchParams.delete(k);
    });
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url.href);
  }

  function build(root, data) {
    var state = readState();
    if (!state.dir) state.dir = COLUMNS.filter(function (c) { return c[0] === state.sort; })[0][2];
    var counts = {};
    data.rows.forEach(function (r) { r.tags.forEach(function (t) { counts[t] = (counts[t] || 0) + 1; }); });
    if (!counts[state.tag]) state.tag = "";
    var sorted = null, sortedBy = "";

    // Controls: text filter, tag select, result count.
    var controls = el("div", { class: "paper-table__controls" });
    var search = el("input", { type: "search", placeholder: "Filter papers", "aria-label": "Filter papers by title, short name or tag" });
    search.value = state.q;
    var select = el("select", { "aria-label": "Filter by tag" });
    select.appendChild(el("option", { value: "" }, "All tags"));
    Object.keys(counts).map(function (k) { return [k, data.tagName(k)]; })
      .sort(function (a, b) { return collator.compare(a[1], b[1]) || (a[0] < b[0] ? -1 : 1); })
      .forEach(function (t) { select.appendChild(el("option", { value: t[0] }, t[1] + " (" + numbers.format(counts[t[0]]) + ")")); });
    select.value = state.tag;
    var status = el("p", { class: "paper-table__count", role: "status", "aria-live": "polite" });
    controls.append(search, select, status);

    // Table with sortable headers.
    var table = el("table"), thead = el("thead"), headRow = el("tr"), tbody = el("tbody");
    var headers = COLUMNS.map(function (c) {
      var th = el("th", { scope: "col" });
      if (c[0]) {
        var button = el("button", { type: "button" }, c[1]);
        button.addEventListener("click", function () {
          state.dir = state.sort === c[0] ? (state.dir === "asc" ? "desc" : "asc") : c[2];
          state.sort = c[0];
          state.page = 1;
          update();
        });
        th.appendChild(button);
      } else {
        th.textContent = c[1];
      }
      headRow.appendChild(th);
      return th;
    });
    thead.appendChild(headRow);
    table.append(thead, tbody);
    var scroller = el("div", { class: "paper-table__scroll" });
    scroller.appendChild(table);

    // Pagination.
    var pager = el("nav", { class: "paper-table__pager", "aria-label": "Pages of papers" });
    var prev = el("button", { type: "button", class: "md-button" }, "Previous");
    var pageLabel = el("span", { class: "paper-table__page" });
    var next = el("button", { type: "button", class: "md-button" }, "Next");
    prev.addEventListener("click", function () { state.page -= 1; update(true); });
    next.addEventListener("click", function () { state.page += 1; update(true); });
    pager.append(prev, pageLabel, next);

    var timer = 0;
    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = search.value; state.page = 1; update(); }, 150);
    });
    select.addEventListener("change", function () { state.tag = select.value; state.page = 1; update(); });

    function rowNode(r) {
      var tr = el("tr"), title = el("td"), tags = el("td", { class: "paper-table__tags" });
      title.appendChild(el("a", { href: encodeURIComponent(r.slug) + "/" }, r.title || r.slug));
      r.tags.forEach(function (t) {
        tags.appendChild(el("a", { class: "tag-chip", href: "../tags/" + encodeURIComponent(t) + "/" }, data.tagName(t)));
      });
      tr.append(title, el("td", {}, r.short), tags, el("td", { class: "paper-table__date" }, r.listed));
      return tr;
    }

    function update(scroll) {
      if (!root.isConnected) return; // the page was replaced by instant navigation
      if (sortedBy !== state.sort + state.dir) {
        sorted = data.rows.slice().sort(compare(state.sort, state.dir));
        sortedBy = state.sort + state.dir;
      }
      var words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = sorted.filter(function (r) {
        return (!state.tag || r.tags.indexOf(state.tag) !== -1) &&
          words.every(function (w) { return r.text.indexOf(w) !== -1; });
      });
      var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
      state.page = Math.min(Math.max(1, state.page), pages);

      var fragment = document.createDocumentFragment();
      shown.slice((state.page - 1) * PAGE_SIZE, state.page * PAGE_SIZE).forEach(function (r) { fragment.appendChild(rowNode(r)); });
      if (!shown.length) {
        var empty = el("tr", { class: "paper-table__empty" });
        empty.appendChild(el("td", { colspan: String(COLUMNS.length) }, "No papers match this filter."));
        fragment.appendChild(empty);
      }
      while (tbody.firstChild) tbody.removeChild(tbody.firstChild);
      tbody.appendChild(fragment);

      headers.forEach(function (th, i) {
        if (COLUMNS[i][0] === state.sort) th.setAttribute("aria-sort", state.dir === "asc" ? "ascending" : "descending");
        else th.removeAttribute("aria-sort");
      });
      status.textContent = numbers.format(shown.length) + " of " + numbers.format(data.rows.length) + " papers";
      pageLabel.textContent = "Page " + numbers.format(state.page) + " of " + numbers.format(pages);
      prev.disabled = state.page <= 1;
      next.disabled = state.page >= pages;
      pager.hidden = pages <= 1;
      writeState(state);
      if (scroll) root.scrollIntoView({ block: "start" });
    }

    root.textContent = "";
    root.append(controls, scroller, pager);
    update();
  }

  function setup(root) {
    if (root.hasAttribute("data-paper-table")) return;
    root.setAttribute("data-paper-table", "loading");
    var src = new URL(root.getAttribute("data-src") || "table.json", document.baseURI);
    var fallbacks = root.parentNode ? root.parentNode.querySelectorAll(".paper-table-fallback") : [];
    var fail = function () {
      root.setAttribute("data-paper-table", "error");
      root.textContent = "";
      root.appendChild(el("p", { class: "paper-table__error" }, "The paper table could not be loaded."));
    };
    if (src.origin !== window.location.origin) { fail(); return; }
    window.fetch(src.href, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (json) {
        build(root, parse(json));
        root.setAttribute("data-paper-table", "ready");
        Array.prototype.forEach.call(fallbacks, function (f) { f.hidden = true; f.classList.add("is-hidden"); });
      })
      .catch(fail);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".paper-table"), setup);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
