/* The search page (search.md): Pagefind results as paper cards, with tag, publication year, listed
   year and code facets, sorting and pagination. The whole state lives in the URL (see
   lib/search-state.js). Only the visible page of results loads its data. Result data is untrusted:
   see lib/search-results.js and lib/excerpt.js. */
import { excerptParts } from "./lib/excerpt.js";
import { clampPage, pageCount, pageItems } from "./lib/paging.js";
import { countOf, tagFacet, yearFacet } from "./lib/search-facets.js";
import { byline, describe, idle, paper } from "./lib/search-results.js";
import { SORTS, chosenSort, filtered, parseSearchState, searchOptions, searchQuery, sortOf, waiting, withTag } from "./lib/search-state.js";
import { el, markedText } from "./ui/dom.js";
import { renderMath, titleNodes } from "./ui/katex.js";
import { createPager } from "./ui/pager.js";
import { loadPagefind, loadTags, siteRoot } from "./ui/site.js";
import { onEveryPage } from "./ui/start.js";

const PAGE_SIZE = 20;
const TAGS_SHOWN = 12;
const TYPING_DELAY_MS = 200;
const UNAVAILABLE = "Search is unavailable: the search index could not be loaded.";
const numbers = new Intl.NumberFormat("en");

/** Return a facet's list item: a `type` input named `name` with `value`, its label and, unless null, its count `n`. */
function facetOption(type, name, value, label, n, checked) {
  const box = el("input", { type, name, value });
  box.checked = checked;
  const text = el("label", n === 0 && !checked ? { class: "is-empty" } : {});
  text.append(box, el("span", { class: "search-page__name" }, label));
  if (n !== null) text.append(el("span", { class: "search-page__count" }, numbers.format(n)));
  const li = el("li");
  li.append(text);
  return li;
}

/** Replace a facet's options, keeping the keyboard focus on the option (or button) that had it. */
function fillFacet(fieldset, legend, items, extra = null) {
  const active = fieldset.contains(document.activeElement) ? document.activeElement : null;
  const ul = el("ul");
  ul.append(...items);
  fieldset.replaceChildren(el("legend", {}, legend), ul);
  if (extra) fieldset.append(extra);
  if (active && active.tagName === "BUTTON" && extra) extra.focus();
  else if (active) [...ul.querySelectorAll("input")].find((i) => i.value === active.value)?.focus();
}

class SearchPage {
  constructor(root, pagefind, tags) {
    this.root = root;
    this.pagefind = pagefind;
    this.tags = tags;
    this.state = this.stateOfUrl();
    this.sequence = 0;
    this.showAllTags = false;
    // Every filter's values and totals. Fetched after the first results are shown, so that the first
    // query does not wait for it; once loaded, each search also counts its results per value.
    this.totals = null;
    this.totalsReady = false;
    this.input = el("input", {
      type: "search",
      name: "q",
      placeholder: "Search titles, authors, tags, abstracts",
      "aria-label": "Search papers",
      autocomplete: "off",
      spellcheck: "false",
    });
    this.sort = el("select", { name: "sort", "aria-label": "Order of results" });
    SORTS.forEach(([value, label]) => this.sort.append(el("option", { value }, label)));
    this.status = el("p", { class: "search-page__status", role: "status", "aria-live": "polite" });
    this.tagSet = el("fieldset", { class: "search-page__facet" });
    this.publishedSet = el("fieldset", { class: "search-page__facet" });
    this.yearSet = el("fieldset", { class: "search-page__facet" });
    this.codeSet = el("fieldset", { class: "search-page__facet" });
    this.clearButton = el("button", { type: "button", class: "search-page__clear" }, "Clear all filters");
    this.facets = el("details", { class: "search-page__facets" });
    this.list = el("ol", { class: "search-page__list paper-cards" });
    this.pager = createPager("search-page", "Pages of results", (step) => this.turn(step));
  }

  stateOfUrl() {
    return parseSearchState(window.location.search, this.tags.key);
  }

  /** Put the form, the facets and the results in place, listen, and run the URL's search. */
  mount() {
    const form = el("form", { class: "search-page__form", role: "search" });
    form.append(this.input, this.sort);
    this.facets.append(el("summary", {}, "Filters"), this.tagSet, this.publishedSet, this.yearSet, this.codeSet, this.clearButton);
    this.facets.open = window.matchMedia("(min-width: 45em)").matches;
    const results = el("div", { class: "search-page__results" });
    results.append(this.list, this.pager.node);
    const body = el("div", { class: "search-page__body" });
    body.append(this.facets, results);
    this.listen(form);
    this.root.replaceChildren(form, this.status, body);
    this.input.value = this.state.q;
    this.commit(false);
  }

  /** Write the state into the URL (a new history entry if `push`) and search. */
  commit(push) {
    const url = new URL(window.location.href);
    url.search = searchQuery(this.state);
    // A null history state keeps Material's instant navigation from treating these entries as pages.
    if (url.href !== window.location.href) window.history[push ? "pushState" : "replaceState"](null, "", url.href);
    this.update();
  }

  /** Apply `fields` to the state, back on page 1, as a new history entry. */
  change(fields) {
    this.state = { ...this.state, ...fields, page: 1 };
    this.commit(true);
  }

  turn(step) {
    this.state = { ...this.state, page: this.state.page + step };
    this.commit(true);
    this.root.scrollIntoView({ block: "start" });
  }

  onFacetChange(box) {
    if (box.name === "tag") {
      this.state = withTag(this.state, box.value, box.checked);
      this.commit(true);
    } else if (box.name === "year") this.change({ year: box.value });
    else if (box.name === "published") this.change({ published: box.value });
    else if (box.name === "code") this.change({ code: box.checked });
  }

  listen(form) {
    let timer = 0;
    this.input.addEventListener("input", () => {
      clearTimeout(timer);
      this.pagefind.preload(this.input.value);
      timer = setTimeout(() => {
        this.state = { ...this.state, q: this.input.value, page: 1 };
        this.commit(false);
      }, TYPING_DELAY_MS);
    });
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      clearTimeout(timer);
      this.change({ q: this.input.value });
    });
    this.sort.addEventListener("change", () => this.change({ sort: chosenSort(this.state, this.sort.value) }));
    this.facets.addEventListener("change", (e) => {
      if (e.target instanceof HTMLInputElement) this.onFacetChange(e.target);
    });
    this.clearButton.addEventListener("click", () => this.change({ tags: [], year: "", published: "", code: false }));
    const back = () => {
      if (!this.root.isConnected) {
        window.removeEventListener("popstate", back);
        return;
      }
      this.state = this.stateOfUrl();
      this.input.value = this.state.q;
      this.update();
    };
    window.addEventListener("popstate", back);
  }

  loadTotals() {
    if (!this.totals) {
      this.totals = this.pagefind.filters().then((all) => {
        this.totalsReady = true;
        return all;
      });
    }
    return this.totals;
  }

  tagFacet(counts, all) {
    const selected = this.state.tags;
    const { shown, total } = tagFacet({ all: all.tag, counts, selected, showAll: this.showAllTags, limit: TAGS_SHOWN, nameOf: this.tags.name });
    let more = null;
    if (total > TAGS_SHOWN) {
      const label = this.showAllTags ? "Show fewer tags" : "Show all " + numbers.format(total) + " tags";
      more = el("button", { type: "button", class: "search-page__more", "aria-expanded": String(this.showAllTags) }, label);
      more.addEventListener("click", () => {
        this.showAllTags = !this.showAllTags;
        this.update();
      });
    }
    const items = shown.map((t) => facetOption("checkbox", "tag", t, this.tags.name(t), countOf(counts, t), selected.includes(t)));
    fillFacet(this.tagSet, "Tags", items, more);
  }

  /** Fill the radio facet of the year filter `name` (year: listed, published) with its `counts` out of `all`; hide it without values. */
  yearFacet(fieldset, name, legend, counts, all) {
    const values = yearFacet(all[name]);
    fieldset.hidden = values.length === 0;
    const items = [facetOption("radio", name, "", "Any year", null, !this.state[name])];
    values.forEach((y) => items.push(facetOption("radio", name, y, y, countOf(counts, y), this.state[name] === y)));
    fillFacet(fieldset, legend, items);
  }

  codeFacet(main) {
    const n = this.state.code ? main.results.length : countOf((main.filters || {}).code, "yes");
    fillFacet(this.codeSet, "Code", [facetOption("checkbox", "code", "yes", "Has code", n, this.state.code)]);
  }

  showFacets(main, years, published, all) {
    this.tagFacet((main.filters || {}).tag || {}, all);
    this.yearFacet(this.publishedSet, "published", "Published", published, all);
    this.yearFacet(this.yearSet, "year", "Listed", years, all);
    this.codeFacet(main);
    this.clearButton.hidden = !filtered(this.state);
    // Without any publication date there is no order by it (the build leaves that sort out).
    this.sort.querySelector("option[value=published]").hidden = yearFacet(all.published).length === 0;
  }

  /** Return the card's line of authors (linked to their pages where they have one), year and venue. */
  bylineOf(p) {
    const line = el("p", { class: "paper-card__meta" });
    p.authors.forEach((a, i) => {
      if (i) line.append(", ");
      line.append(a.key ? el("a", { href: new URL("authors/" + encodeURIComponent(a.key) + "/", siteRoot).href }, a.name) : a.name);
    });
    if (p.etAl) line.append(" et al.");
    if (p.facts) line.append((p.authors.length ? " \u00b7 " : "") + p.facts);
    return line;
  }

  /** Return result `p` as the site's paper cards show a paper (generator/render/templates/paper_list.md.j2). */
  resultItem(p) {
    const title = el("a", { class: "paper-card__title", href: p.url });
    if (p.shortBeside) title.append(p.short + ": ");
    title.append(titleNodes(p.titleParts));
    const li = el("li", { class: "paper-card" });
    li.append(title);
    if (byline(p)) li.append(this.bylineOf(p));
    const excerpt = el("p", { class: "paper-card__excerpt" });
    excerpt.append(markedText(excerptParts(p.excerpt)));
    const foot = el("p", { class: "paper-card__foot" });
    p.tags.forEach((t) => foot.append(el("a", { class: "tag-chip", href: new URL("tags/" + encodeURIComponent(t) + "/", siteRoot).href }, this.tags.name(t)), " "));
    p.badges.forEach((b) => foot.append(el("a", { class: "paper-card__badge", href: b.href }, b.label), " "));
    li.append(excerpt, foot);
    return li;
  }

  /** Show the page of `results` (of `total`) in order, each card as soon as its data and those above it
      have arrived: Pagefind fetches one fragment a result, and the first need not wait for the twentieth. */
  async showResults(total, results, current) {
    const data = new Array(results.length);
    let shown = 0;
    const showReady = () => {
      if (!current()) return;
      if (shown === 0 && data[0] !== undefined) this.list.replaceChildren(); // the previous results stay until then
      const cards = [];
      for (; shown < data.length && data[shown] !== undefined; shown += 1) cards.push(this.resultItem(paper(data[shown], siteRoot)));
      this.list.append(...cards);
      renderMath(cards.flatMap((card) => [...card.querySelectorAll(".arithmatex")]));
    };
    if (!results.length) this.list.replaceChildren();
    this.status.textContent = describe(total, this.state);
    this.pager.show(this.state.page, pageCount(total, PAGE_SIZE));
    await Promise.all(results.map((r, n) => r.data().then((d) => { data[n] = d ?? {}; showReady(); })));
  }

  /** Show the page before any query or filter: no results, and the facets counting the whole catalogue. */
  async showIdle(current) {
    const all = await this.loadTotals();
    if (!current()) return;
    this.list.replaceChildren();
    this.pager.show(1, 1);
    const total = Object.values(all.year || {}).reduce((sum, n) => sum + n, 0);
    this.status.textContent = idle(total);
    this.showFacets({ results: [], filters: all }, all.year || {}, all.published || {}, all);
    this.root.setAttribute("data-search-page", "ready");
  }

  showControls() {
    if (document.activeElement !== this.input) this.input.value = this.state.q;
    this.sort.value = sortOf(this.state);
    this.sort.querySelector("option[value=relevance]").disabled = !this.state.q.trim();
    this.status.textContent = "Searching\u2026";
    this.root.setAttribute("data-search-page", "busy");
  }

  /** Results first; the facet counts follow once the filter index is in (a search only counts its
      results per filter value when every filter is loaded, so the first one runs again). */
  async update() {
    if (!this.root.isConnected) return; // instant navigation replaced the page
    const mine = ++this.sequence;
    const current = () => mine === this.sequence;
    const counted = this.totalsReady;
    const term = this.state.q.trim() || null;
    const options = searchOptions(this.state);
    this.showControls();
    try {
      // Pagefind answers a search with no words by loading every chunk of its index (4 MB at 10,000
      // papers), so a page that asks for nothing yet shows the facets, from the filter files alone.
      if (waiting(this.state)) return await this.showIdle(current);
      const main = await this.pagefind.search(term, options);
      if (!current()) return;
      this.state.page = clampPage(this.state.page, main.results.length, PAGE_SIZE);
      await this.showResults(main.results.length, pageItems(main.results, this.state.page, PAGE_SIZE), current);
      if (!current()) return;
      const all = await this.loadTotals();
      if (!current()) return;
      // A year facet counts the results of the search without its own year, so other years can be chosen.
      const without = (name) => (this.state[name] ? this.pagefind.search(term, searchOptions(this.state, name)) : null);
      const [withCounts, anyYear, anyPublished] = await Promise.all([
        counted ? main : this.pagefind.search(term, options),
        without("year"),
        without("published"),
      ]);
      if (!current()) return;
      const counts = (search, name) => ((search || withCounts).filters || {})[name] || {};
      this.showFacets(withCounts, counts(anyYear, "year"), counts(anyPublished, "published"), all);
      this.root.setAttribute("data-search-page", "ready");
    } catch {
      if (!current()) return;
      this.status.textContent = UNAVAILABLE;
      this.root.setAttribute("data-search-page", "error");
    }
  }
}

async function setUp(root) {
  if (root.getAttribute("data-search-page") !== "") return;
  root.setAttribute("data-search-page", "loading");
  const fallback = document.querySelector(".search-page-fallback");
  if (fallback) fallback.hidden = true;
  root.append(el("p", { class: "search-page__status" }, "Loading search\u2026"));
  let pagefind, tags;
  try {
    [pagefind, tags] = await Promise.all([loadPagefind(), loadTags()]);
  } catch {
    root.setAttribute("data-search-page", "error");
    root.replaceChildren(el("p", { class: "search-page__status" }, UNAVAILABLE));
    if (fallback) fallback.hidden = false;
    return;
  }
  new SearchPage(root, pagefind, tags).mount();
}

// On a first visit to the search page, start fetching Pagefind before Material has set the page up.
if (document.querySelector("[data-search-page]")) {
  loadPagefind().catch(() => {});
  loadTags();
}
onEveryPage(() => document.querySelectorAll("[data-search-page]").forEach(setUp));
