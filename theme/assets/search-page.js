/* The search page (search.md): Pagefind results with tag, year and code facets, sorting and
   pagination. The whole state lives in the URL (?q=&tag=&tag=&year=&code=yes&sort=&page=), so a
   search can be shared and the back button steps through it. Only the visible page of results
   loads its data. Result data is untrusted: see the helpers in search.js. */
(function () {
  "use strict";

  var PAGE_SIZE = 20;
  var TAGS_SHOWN = 12;
  var SORTS = [["relevance", "Best match"], ["newest", "Newest first"], ["oldest", "Oldest first"]];
  var ORDER = { relevance: null, newest: { listed: "desc" }, oldest: { listed: "asc" } };
  var numbers = new Intl.NumberFormat("en");
  var collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

  function readState() {
    var p = new URLSearchParams(window.location.search);
    var page = parseInt(p.get("page"), 10);
    return {
      q: p.get("q") || "",
      tags: p.getAll("tag").filter(function (t, i, all) { return t && all.indexOf(t) === i; }),
      year: p.get("year") || "",
      code: p.get("code") === "yes",
      sort: Object.prototype.hasOwnProperty.call(ORDER, p.get("sort")) ? p.get("sort") : "",
      page: page > 0 ? page : 1
    };
  }

  function stateUrl(state) {
    var url = new URL(window.location.href);
    url.search = "";
    var p = url.searchParams;
    if (state.q.trim()) p.set("q", state.q.trim());
    state.tags.forEach(function (t) { p.append("tag", t); });
    if (state.year) p.set("year", state.year);
    if (state.code) p.set("code", "yes");
    if (state.sort) p.set("sort", state.sort);
    if (state.page > 1) p.set("page", String(state.page));
    return url.href;
  }

  // Without a query there is nothing to rank by relevance, so the newest papers come first.
  function sortOf(state) {
    var ranked = Boolean(state.q.trim());
    if (state.sort && (ranked || state.sort !== "relevance")) return state.sort;
    return ranked ? "relevance" : "newest";
  }

  function filtersOf(state, withoutYear) {
    var filters = {};
    if (state.tags.length) filters.tag = state.tags.slice(); // an array means every tag
    if (state.year && !withoutYear) filters.year = state.year;
    if (state.code) filters.code = "yes";
    return filters;
  }

  function count(map, key) { return map && typeof map[key] === "number" ? map[key] : 0; }

  function build(root, shared, pagefind) {
    var el = shared.el;
    var state = readState();
    var sequence = 0, timer = 0, showAllTags = false;
    // Every filter's values and totals; once loaded, each search also counts its results per value.
    // Fetched after the first results are shown, so that the first query does not wait for it.
    var filtersReady = false, totals = null;
    function loadTotals() {
      if (!totals) totals = pagefind.filters().then(function (all) { filtersReady = true; return all; });
      return totals;
    }

    var form = el("form", { class: "search-page__form", role: "search" });
    var input = el("input", { type: "search", name: "q", placeholder: "Search titles, authors, tags, abstracts", "aria-label": "Search papers", autocomplete: "off", spellcheck: "false" });
    var sort = el("select", { name: "sort", "aria-label": "Order of results" });
    SORTS.forEach(function (s) { sort.appendChild(el("option", { value: s[0] }, s[1])); });
    form.append(input, sort);
    var status = el("p", { class: "search-page__status", role: "status", "aria-live": "polite" });

    var facets = el("details", { class: "search-page__facets" });
    var tagSet = el("fieldset", { class: "search-page__facet" });
    var yearSet = el("fieldset", { class: "search-page__facet" });
    var codeSet = el("fieldset", { class: "search-page__facet" });
    var clearButton = el("button", { type: "button", class: "search-page__clear" }, "Clear all filters");
    facets.append(el("summary", {}, "Filters"), tagSet, yearSet, codeSet, clearButton);
    facets.open = window.matchMedia("(min-width: 45em)").matches;

    var list = el("ol", { class: "search-page__list" });
    var pager = el("nav", { class: "search-page__pager", "aria-label": "Pages of results" });
    var prev = el("button", { type: "button", class: "md-button" }, "Previous");
    var pageLabel = el("span", { class: "search-page__page" });
    var next = el("button", { type: "button", class: "md-button" }, "Next");
    pager.append(prev, pageLabel, next);
    var results = el("div", { class: "search-page__results" });
    results.append(list, pager);
    var body = el("div", { class: "search-page__body" });
    body.append(facets, results);

    function commit(push) {
      var url = stateUrl(state);
      // A null history state keeps Material's instant navigation from treating these entries as pages.
      if (url !== window.location.href) window.history[push ? "pushState" : "replaceState"](null, "", url);
      update();
    }

    function change(mutate) {
      mutate();
      state.page = 1;
      commit(true);
    }

    function option(type, name, value, label, n, checked) {
      var li = el("li");
      var box = el("input", { type: type, name: name, value: value });
      box.checked = checked;
      var text = el("label", n === 0 && !checked ? { class: "is-empty" } : {});
      text.append(box, el("span", { class: "search-page__name" }, label));
      if (n !== null) text.appendChild(el("span", { class: "search-page__count" }, numbers.format(n)));
      li.appendChild(text);
      return li;
    }

    // Rebuild a facet's options, keeping the keyboard focus on the option (or button) that had it.
    function fill(fieldset, legend, items, extra) {
      var active = fieldset.contains(document.activeElement) ? document.activeElement : null;
      var ul = el("ul");
      items.forEach(function (item) { ul.appendChild(item); });
      fieldset.textContent = "";
      fieldset.append(el("legend", {}, legend), ul);
      if (extra) fieldset.appendChild(extra);
      if (active && active.tagName === "BUTTON" && extra) extra.focus();
      else if (active) {
        var again = Array.prototype.find.call(ul.querySelectorAll("input"), function (i) { return i.value === active.value; });
        if (again) again.focus();
      }
    }

    function showFacets(main, years, all) {
      var counts = main.filters || {};
      var tagCounts = counts.tag || {};
      var names = Object.keys(all.tag || {}).filter(function (t) { return count(tagCounts, t) > 0 || state.tags.indexOf(t) !== -1; });
      names.sort(function (a, b) { return count(tagCounts, b) - count(tagCounts, a) || collator.compare(a, b); });
      var shown = showAllTags ? names : names.slice(0, TAGS_SHOWN);
      state.tags.forEach(function (t) { if (shown.indexOf(t) === -1) shown.push(t); });
      var more = null;
      if (names.length > TAGS_SHOWN) {
        more = el("button", { type: "button", class: "search-page__more", "aria-expanded": String(showAllTags) },
          showAllTags ? "Show fewer tags" : "Show all " + numbers.format(names.length) + " tags");
        more.addEventListener("click", function () { showAllTags = !showAllTags; update(); });
      }
      fill(tagSet, "Tags", shown.map(function (t) {
        return option("checkbox", "tag", t, t, count(tagCounts, t), state.tags.indexOf(t) !== -1);
      }), more);

      var yearNames = Object.keys(all.year || {}).sort().reverse();
      var yearItems = [option("radio", "year", "", "Any year", null, !state.year)];
      yearNames.forEach(function (y) { yearItems.push(option("radio", "year", y, y, count(years, y), state.year === y)); });
      fill(yearSet, "Listed", yearItems);

      var codeCount = state.code ? main.results.length : count(counts.code, "yes");
      fill(codeSet, "Code", [option("checkbox", "code", "yes", "Has code", codeCount, state.code)]);
      clearButton.hidden = !(state.tags.length || state.year || state.code);
    }

    function resultItem(p) {
      var li = el("li");
      var title = el("div", { class: "search-page__title" });
      title.appendChild(el("a", { href: p.url }, p.title));
      var meta = el("p", { class: "search-page__meta" });
      if (p.short) meta.appendChild(el("strong", {}, p.short));
      if (p.listed) meta.appendChild(el("span", { class: "search-page__listed" }, "Listed " + p.listed + " "));
      p.tags.forEach(function (t) { meta.appendChild(el("span", { class: "search-page__tag" }, t)); });
      // Without a query there is no match to show, so the abstract's first sentence stands in.
      var excerpt = el("p", { class: "search-page__excerpt" });
      if (state.q.trim() || !p.summary) excerpt.appendChild(shared.excerptNodes(p.excerpt));
      else excerpt.textContent = p.summary;
      li.append(title, meta, excerpt);
      return li;
    }

    function describe(total) {
      var what = total === 1 ? "1 paper" : numbers.format(total) + " papers";
      var q = state.q.trim();
      if (!total) return q ? "No papers match \u201c" + q + "\u201d with these filters. Try fewer words or fewer filters." : "No papers have all these filters.";
      return q ? what + " match \u201c" + q + "\u201d" : what + (state.tags.length || state.year || state.code ? " with these filters" : " in the catalogue");
    }

    function showResults(main, data) {
      var total = main.results.length;
      var pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      list.textContent = "";
      data.map(shared.paper).forEach(function (p) { list.appendChild(resultItem(p)); });
      status.textContent = describe(total);
      pageLabel.textContent = "Page " + numbers.format(state.page) + " of " + numbers.format(pages);
      prev.disabled = state.page <= 1;
      next.disabled = state.page >= pages;
      pager.hidden = pages <= 1;
    }

    // Results first; the facet counts follow once the filter index is in (a search only counts
    // its results per filter value when every filter is loaded, so the first one runs again).
    function update() {
      if (!root.isConnected) return; // instant navigation replaced the page
      var mine = ++sequence;
      var counted = filtersReady;
      var term = state.q.trim() || null;
      var order = ORDER[sortOf(state)];
      var options = order ? { filters: filtersOf(state, false), sort: order } : { filters: filtersOf(state, false) };
      if (document.activeElement !== input) input.value = state.q;
      sort.value = sortOf(state);
      sort.querySelector("option[value=relevance]").disabled = !term;
      status.textContent = "Searching\u2026";
      root.setAttribute("data-search-page", "busy");
      pagefind.search(term, options)
        .then(function (main) {
          if (mine !== sequence) return null;
          state.page = Math.min(state.page, Math.max(1, Math.ceil(main.results.length / PAGE_SIZE)));
          var slice = main.results.slice((state.page - 1) * PAGE_SIZE, state.page * PAGE_SIZE);
          return Promise.all(slice.map(function (r) { return r.data(); })).then(function (data) {
            if (mine !== sequence) return null;
            showResults(main, data);
            return loadTotals();
          }).then(function (all) {
            if (mine !== sequence || !all) return null;
            var yearless = state.year ? pagefind.search(term, { filters: filtersOf(state, true) }) : null;
            return Promise.all([counted ? main : pagefind.search(term, options), yearless]).then(function (found) {
              if (mine !== sequence) return;
              showFacets(found[0], ((found[1] || found[0]).filters || {}).year || {}, all);
              root.setAttribute("data-search-page", "ready");
            });
          });
        })
        .catch(function () {
          if (mine !== sequence) return;
          status.textContent = "Search is unavailable: the search index could not be loaded.";
          root.setAttribute("data-search-page", "error");
        });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      pagefind.preload(input.value);
      timer = setTimeout(function () {
        state.q = input.value;
        state.page = 1;
        commit(false);
      }, 200);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      change(function () { state.q = input.value; });
    });
    sort.addEventListener("change", function () {
      change(function () { state.sort = sort.value === (state.q.trim() ? "relevance" : "newest") ? "" : sort.value; });
    });
    facets.addEventListener("change", function (e) {
      var box = e.target;
      if (!(box instanceof HTMLInputElement)) return;
      change(function () {
        if (box.name === "tag") {
          state.tags = box.checked ? state.tags.concat([box.value]) : state.tags.filter(function (t) { return t !== box.value; });
        } else if (box.name === "year") {
          state.year = box.value;
        } else if (box.name === "code") {
          state.code = box.checked;
        }
      });
    });
    clearButton.addEventListener("click", function () {
      change(function () { state.tags = []; state.year = ""; state.code = false; });
    });
    prev.addEventListener("click", function () { state.page -= 1; commit(true); root.scrollIntoView({ block: "start" }); });
    next.addEventListener("click", function () { state.page += 1; commit(true); root.scrollIntoView({ block: "start" }); });
    window.addEventListener("popstate", function back() {
      if (!root.isConnected) { window.removeEventListener("popstate", back); return; }
      state = readState();
      input.value = state.q;
      update();
    });

    root.textContent = "";
    root.append(form, status, body);
    input.value = state.q;
    update();
  }

  function setup(root) {
    if (root.getAttribute("data-search-page") !== "") return;
    root.setAttribute("data-search-page", "loading");
    var fallback = document.querySelector(".search-page-fallback");
    if (fallback) fallback.hidden = true;
    var shared = window.catalogueSearch;
    root.appendChild(shared.el("p", { class: "search-page__status" }, "Loading search\u2026"));
    shared.load()
      .then(function (pagefind) { build(root, shared, pagefind); })
      .catch(function () {
        root.setAttribute("data-search-page", "error");
        root.textContent = "";
        root.appendChild(shared.el("p", { class: "search-page__status" }, "Search is unavailable: the search index could not be loaded."));
        if (fallback) fallback.hidden = false;
      });
  }

  function init() {
    if (!window.catalogueSearch) return;
    Array.prototype.forEach.call(document.querySelectorAll("[data-search-page]"), setup);
  }

  // On a first visit to the search page, start fetching Pagefind before Material has set the page up.
  if (window.catalogueSearch && document.querySelector("[data-search-page]")) window.catalogueSearch.load().catch(function () {});
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
