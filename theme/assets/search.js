/* The header search, driven by Pagefind's JavaScript API. Pages carry only a link to the search page
   (partials/header.html); the box, in Material's own markup and classes so it looks and opens like
   Material's search (the `__search` toggle), is built here the first time a reader follows that link
   or presses a search key. Pagefind's script and index chunks are fetched only then, so pages where
   nobody searches download nothing more. No data-md-component hooks and no form named "search":
   either would make Material's bundle fetch its own search index. Result data is untrusted: see
   lib/search-results.js and lib/excerpt.js. */
import { excerptParts } from "./lib/excerpt.js";
import { matching, paper } from "./lib/search-results.js";
import { el, markedText } from "./ui/dom.js";
import { loadPagefind, loadTags, pagefindLoading, searchUrl, siteRoot } from "./ui/site.js";

const MAX_RESULTS = 8;
const DEBOUNCE_MS = 120;
const PROMPT = "Type to search papers";
const UNAVAILABLE = "Search is unavailable: the search index could not be loaded.";

/** Return whether `target` takes typing, so that search keys typed into it are left alone. */
function editable(target) {
  return target instanceof Element && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** Return the list item showing result `p`, the `i`th, with tag names from `tags`. */
function resultItem(p, i, tags) {
  const item = el("li", { class: "md-search-result__item", role: "none" });
  const link = el("a", {
    class: "md-search-result__link",
    href: p.url,
    role: "option",
    id: "__catalogue-search-option-" + i,
    "aria-selected": "false",
    tabindex: "-1",
  });
  const article = el("article", { class: "md-search-result__article md-typeset" });
  article.append(el("div", { class: "md-search-result__icon md-icon" }), el("h1", {}, p.title));
  if (p.short || p.tags.length) {
    const info = el("p", { class: "catalogue-search__info" });
    if (p.short) info.append(el("strong", { class: "catalogue-search__short" }, p.short));
    p.tags.forEach((t) => info.append(el("span", { class: "catalogue-search__tag" }, tags.name(t))));
    article.append(info);
  }
  const excerpt = el("p", { class: "catalogue-search__excerpt" });
  excerpt.append(markedText(excerptParts(p.excerpt)));
  article.append(excerpt);
  link.append(article);
  item.append(link);
  return item;
}

/** Return the search box, in the markup of Material's header search; its form submits to `action`. */
function searchBox(action) {
  const box = el("div", { class: "md-search catalogue-search", "data-catalogue-search": "" });
  const inner = el("div", { class: "md-search__inner", role: "search" });
  const form = el("form", { class: "md-search__form", action, method: "get", novalidate: "" });
  const input = el("input", {
    type: "text",
    class: "md-search__input",
    name: "q",
    id: "__catalogue-search",
    "aria-label": "Search papers",
    placeholder: "Search papers",
    autocapitalize: "off",
    autocorrect: "off",
    autocomplete: "off",
    spellcheck: "false",
    required: "",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": "__catalogue-search-results",
  });
  const icon = el("label", { class: "md-search__icon md-icon", for: "__search" });
  icon.append(el("span", { class: "cat-icon cat-icon--search" }), el("span", { class: "cat-icon cat-icon--back" }));
  const options = el("nav", { class: "md-search__options", "aria-label": "Search options" });
  const reset = el("button", { type: "reset", class: "md-search__icon md-icon", title: "Clear", "aria-label": "Clear", tabindex: "-1" });
  reset.append(el("span", { class: "cat-icon cat-icon--close" }));
  options.append(reset);
  form.append(input, icon, options);
  const result = el("div", { class: "md-search-result" });
  result.append(
    el("div", { class: "md-search-result__meta", role: "status", "aria-live": "polite" }, PROMPT),
    el("ol", { class: "md-search-result__list", id: "__catalogue-search-results", role: "listbox", "aria-label": "Matching papers" }),
    el("a", { class: "catalogue-search__all", href: action, hidden: "" }, "See all results"),
  );
  const scrollwrap = el("div", { class: "md-search__scrollwrap" });
  scrollwrap.append(result);
  const output = el("div", { class: "md-search__output" });
  output.append(scrollwrap);
  inner.append(form, output);
  box.append(el("label", { class: "md-search__overlay", for: "__search" }), inner);
  return box;
}

class HeaderSearch {
  constructor(box, toggle) {
    this.box = box;
    this.toggle = toggle;
    this.form = box.querySelector("form");
    this.input = this.form.querySelector("input[name=q]");
    this.status = box.querySelector(".md-search-result__meta");
    this.list = box.querySelector(".md-search-result__list");
    this.all = box.querySelector(".catalogue-search__all");
    this.results = box.querySelector(".md-search-result");
    this.options = [];
    this.active = -1;
    this.sequence = 0;
    this.timer = 0;
  }

  /** Open or close the box: Material's stylesheet opens it from the `__search` toggle, and its scripts listen for "change". */
  setOpen(open) {
    if (this.toggle.checked === open) return;
    this.toggle.checked = open;
    this.toggle.dispatchEvent(new Event("change"));
  }

  setActive(index) {
    if (this.options[this.active]) this.options[this.active].setAttribute("aria-selected", "false");
    this.active = index;
    const option = this.options[index];
    if (option) {
      option.setAttribute("aria-selected", "true");
      option.scrollIntoView({ block: "nearest" });
      this.input.setAttribute("aria-activedescendant", option.id);
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  }

  show(q, total, papers, tags) {
    const items = papers.map((p, i) => resultItem(p, i, tags));
    this.options = items.map((item) => item.firstChild);
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.list.replaceChildren(...items);
    this.input.setAttribute("aria-expanded", items.length ? "true" : "false");
    this.status.textContent = matching(total);
    this.all.href = searchUrl(q);
    this.all.textContent = total > papers.length ? "See all " + total.toLocaleString("en") + " results" : "Open the search page";
    this.all.hidden = false;
  }

  clear(message) {
    this.sequence += 1;
    this.options = [];
    this.active = -1;
    this.list.replaceChildren();
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.status.textContent = message;
    this.all.hidden = true;
  }

  async run() {
    const q = this.input.value;
    if (!q.trim()) {
      this.clear(PROMPT);
      return;
    }
    const mine = ++this.sequence;
    try {
      const [pagefind, tags] = await Promise.all([loadPagefind(), loadTags()]);
      const search = await pagefind.search(q);
      if (mine !== this.sequence) return;
      const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
      if (mine === this.sequence) this.show(q, search.results.length, data.map((d) => paper(d, siteRoot)), tags);
    } catch {
      if (mine === this.sequence) this.clear(UNAVAILABLE);
    }
  }

  goToSearchPage() {
    window.location.assign(searchUrl(this.input.value));
  }

  onKey(e) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const last = this.options.length - 1;
      this.setActive(e.key === "ArrowDown" ? Math.min(this.active + 1, last) : Math.max(this.active - 1, -1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (this.options[this.active]) this.options[this.active].click();
      else this.goToSearchPage();
    } else if (e.key === "Escape") {
      e.preventDefault();
      this.setOpen(false);
    }
  }

  listen() {
    this.input.addEventListener("focus", () => {
      this.setOpen(true);
      loadPagefind().catch(() => {});
    });
    this.input.addEventListener("input", () => {
      clearTimeout(this.timer);
      const loading = pagefindLoading();
      if (loading) loading.then((pagefind) => pagefind.preload(this.input.value)).catch(() => {});
      this.timer = setTimeout(() => this.run(), DEBOUNCE_MS);
    });
    this.input.addEventListener("keydown", (e) => this.onKey(e));
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.goToSearchPage();
    });
    this.form.addEventListener("reset", () => {
      this.clear(PROMPT);
      this.input.focus();
    });
    // A chosen result or the search page replaces this page (instant navigation keeps the header).
    this.results.addEventListener("click", (e) => {
      if (e.target instanceof Element && e.target.closest("a")) this.setOpen(false);
    });
    this.toggle.addEventListener("change", () => {
      if (this.toggle.checked) {
        if (document.activeElement !== this.input) this.input.focus();
      } else {
        this.input.blur();
        this.setActive(-1);
      }
    });
    // Tabbing out of the box (to the page or the header's next link) closes it, so its overlay never
    // covers the element that now has the focus.
    this.box.addEventListener("focusout", (e) => {
      if (e.relatedTarget instanceof Node && !this.box.contains(e.relatedTarget)) this.setOpen(false);
    });
  }
}

let search = null;

/** Return the header search, building its box on first use just before the link it stands for. */
function headerSearch(link, toggle) {
  if (!search) {
    const box = searchBox(link.getAttribute("href"));
    link.before(box);
    search = new HeaderSearch(box, toggle);
    search.listen();
  }
  return search;
}

/** Open the header search with the focus in its box. */
function open(link, toggle) {
  const opened = headerSearch(link, toggle);
  opened.setOpen(true);
  opened.input.focus();
  opened.input.select();
}

/** Material's search keys: "/", "s" or "f" anywhere but in a text field opens the box; Escape closes it. */
function onPageKey(e, link, toggle) {
  if (e.ctrlKey || e.metaKey || e.altKey || editable(e.target)) return;
  if (!toggle.checked && (e.key === "/" || e.key === "s" || e.key === "f")) {
    e.preventDefault();
    open(link, toggle);
  } else if (toggle.checked && e.key === "Escape" && search) {
    search.setOpen(false);
  }
}

// The header stays across instant navigation, so it is set up once, not on every page. Without
// JavaScript the link simply opens the search page.
const link = document.querySelector(".cat-search");
const toggle = document.getElementById("__search");
if (link && toggle) {
  link.addEventListener("click", (e) => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return; // a new tab or window: the search page
    e.preventDefault();
    open(link, toggle);
  });
  document.addEventListener("keydown", (e) => onPageKey(e, link, toggle));
}
