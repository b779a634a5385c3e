/* The header search (partials/search.html), driven by Pagefind's JavaScript API.
   Pagefind's script and index chunks are fetched only once a reader focuses the box or presses a
   search key, so pages where nobody searches download nothing more. Result data is untrusted:
   titles, short names and tags are set with textContent, and Pagefind's excerpt (escaped text with
   <mark>) is rebuilt keeping only its text and <mark>s. window.catalogueSearch shares the loader
   and these helpers with the search page (search-page.js). */
(function () {
  "use strict";

  var MAX_RESULTS = 8;
  var DEBOUNCE_MS = 120;
  // This file is assets/search.js, so the site root is one folder up, wherever the site is deployed;
  // page-relative links would go stale because instant navigation keeps the header across pages.
  var siteRoot = new URL("..", document.currentScript.src);
  var searchPage = new URL("search/", siteRoot);
  var loading = null;

  function load() {
    if (!loading) {
      loading = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (pagefind) {
        return pagefind.options({ excerptLength: 24 }).then(function () {
          pagefind.init();
          return pagefind;
        });
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  var el = window.catalogueDom.el;
  var str = window.catalogueDom.str;

  // A result's link target, only ever a page of this site.
  function pageUrl(value) {
    try {
      var url = new URL(str(value), siteRoot);
      return url.origin === siteRoot.origin ? url.href : siteRoot.href;
    } catch (e) {
      return siteRoot.href;
    }
  }

  // The fields of Pagefind's result data that the pages show, as plain strings.
  function paper(data) {
    var meta = (data && data.meta) || {};
    var filters = (data && data.filters) || {};
    return {
      url: pageUrl(data && data.url),
      title: str(meta.title) || str(data && data.url),
      short: str(meta.short_name),
      listed: str(meta.listed),
      summary: str(meta.summary),
      tags: (Array.isArray(filters.tag) ? filters.tag : []).filter(function (t) { return typeof t === "string" && t; }),
      excerpt: str(data && data.excerpt)
    };
  }

  // Pagefind's excerpt as DOM nodes: its text and <mark> highlights, nothing else. A <template>
  // parses without loading or running anything.
  function excerptNodes(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var out = document.createDocumentFragment();
    (function walk(node) {
      Array.prototype.forEach.call(node.childNodes, function (child) {
        if (child.nodeType === Node.TEXT_NODE) out.appendChild(document.createTextNode(child.nodeValue));
        else if (child.nodeName === "MARK") out.appendChild(el("mark", {}, child.textContent));
        else if (child.nodeType === Node.ELEMENT_NODE) walk(child);
      });
    })(template.content);
    return out;
  }

  function searchUrl(q) {
    var url = new URL(searchPage.href);
    if (q.trim()) url.searchParams.set("q", q.trim());
    return url.href;
  }

  function editable(target) {
    return target instanceof Element && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function setupHeader(box) {
    var toggle = document.getElementById("__search");
    var form = box.querySelector("form");
    var input = form.querySelector("input[name=q]");
    var status = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    var all = box.querySelector(".catalogue-search__all");
    var options = [], active = -1, sequence = 0, timer = 0;

    // Material's stylesheet opens the box from the `__search` toggle; its scripts listen for "change".
    function setOpen(open) {
      if (toggle.checked === open) return;
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
    }

    function setActive(index) {
      if (options[active]) options[active].setAttribute("aria-selected", "false");
      active = index;
      if (options[active]) {
        options[active].setAttribute("aria-selected", "true");
        options[active].scrollIntoView({ block: "nearest" });
        input.setAttribute("aria-activedescendant", options[active].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(q, total, papers) {
      var fragment = document.createDocumentFragment();
      options = papers.map(function (p, i) {
        var item = el("li", { class: "md-search-result__item", role: "none" });
        var link = el("a", { class: "md-search-result__link", href: p.url, role: "option", id: "__catalogue-search-option-" + i, "aria-selected": "false", tabindex: "-1" });
        var article = el("article", { class: "md-search-result__article md-typeset" });
        article.append(el("div", { class: "md-search-result__icon md-icon" }), el("h1", {}, p.title));
        if (p.short || p.tags.length) {
          var info = el("p", { class: "catalogue-search__info" });
          if (p.short) info.appendChild(el("strong", { class: "catalogue-search__short" }, p.short));
          p.tags.forEach(function (t) { info.appendChild(el("span", { class: "catalogue-search__tag" }, t)); });
          article.appendChild(info);
        }
        var excerpt = el("p", { class: "catalogue-search__excerpt" });
        excerpt.appendChild(excerptNodes(p.excerpt));
        article.appendChild(excerpt);
        link.appendChild(article);
        item.appendChild(link);
        fragment.appendChild(item);
        return link;
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.textContent = "";
      list.appendChild(fragment);
      input.setAttribute("aria-expanded", options.length ? "true" : "false");
      status.textContent = total === 0 ? "No matching papers" : total === 1 ? "1 matching paper" : total.toLocaleString("en") + " matching papers";
      all.href = searchUrl(q);
      all.textContent = total > papers.length ? "See all " + total.toLocaleString("en") + " results" : "Open the search page";
      all.hidden = false;
    }

    function clear(message) {
      sequence += 1;
      options = [];
      active = -1;
      list.textContent = "";
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      status.textContent = message;
      all.hidden = true;
    }

    function run() {
      var q = input.value;
      if (!q.trim()) { clear("Type to search papers"); return; }
      var mine = ++sequence;
      load()
        .then(function (pagefind) { return pagefind.search(q); })
        .then(function (search) {
          if (mine !== sequence) return null;
          var shown = search.results.slice(0, MAX_RESULTS);
          return Promise.all(shown.map(function (r) { return r.data(); })).then(function (data) {
            if (mine === sequence) show(q, search.results.length, data.map(paper));
          });
        })
        .catch(function () { if (mine === sequence) clear("Search is unavailable: the search index could not be loaded."); });
    }

    function goToSearchPage() {
      window.location.assign(searchUrl(input.value));
    }

    input.addEventListener("focus", function () {
      setOpen(true);
      load().catch(function () {});
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      if (loading) loading.then(function (pagefind) { pagefind.preload(input.value); }).catch(function () {});
      timer = setTimeout(run, DEBOUNCE_MS);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        var last = options.length - 1;
        setActive(e.key === "ArrowDown" ? Math.min(active + 1, last) : Math.max(active - 1, -1));
      } else if (e.key === "Enter") {
        e.preventDefault();
        if (options[active]) options[active].click();
        else goToSearchPage();
      } else if (e.key === "Escape") {
        e.preventDefault();
        setOpen(false);
      }
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      goToSearchPage();
    });
    form.addEventListener("reset", function () {
      clear("Type to search papers");
      input.focus();
    });
    // A chosen result or the search page replaces this page (instant navigation keeps the header).
    box.querySelector(".md-search-result").addEventListener("click", function (e) {
      if (e.target instanceof Element && e.target.closest("a")) setOpen(false);
    });
    toggle.addEventListener("change", function () {
      if (toggle.checked) {
        if (document.activeElement !== input) input.focus();
      } else {
        input.blur();
        setActive(-1);
      }
    });
    // Material's search keys: "/", "s" or "f" anywhere but in a text field opens the search box.
    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey || editable(e.target)) return;
      if (!toggle.checked && (e.key === "/" || e.key === "s" || e.key === "f")) {
        e.preventDefault();
        setOpen(true);
        input.focus();
        input.select();
      } else if (toggle.checked && e.key === "Escape") {
        setOpen(false);
      }
    });
  }

  window.catalogueSearch = { load: load, paper: paper, excerptNodes: excerptNodes, el: el, searchPage: searchPage };

  var box = document.querySelector("[data-catalogue-search]");
  if (box && document.getElementById("__search")) setupHeader(box);
})();
