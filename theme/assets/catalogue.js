/* The "All papers" table: filter, sort and paginate the catalogue's rows in the browser. table.json
   names the pieces of rows ({tags, count, pieces}, newest first): the table shows the first piece at
   once and takes in the others as they arrive, one after another. Only one page of rows is ever in
   the DOM. The state lives in the URL (see lib/table-state.js), with the search page's orders
   (lib/orders.js); the rows' logic is in lib/table-rows.js; this module only draws them and listens.
   On a phone the stylesheet shows each row as a card. */
import { humanDate } from "./lib/dates.js";
import { ORDERS } from "./lib/orders.js";
import { clampPage, pageCount, pageItems } from "./lib/paging.js";
import { compareRows, filterRows, hasAuthors, parseTable, tagChoices, tagCounts } from "./lib/table-rows.js";
import { COLUMNS, TABLE_ORDERS, ariaSort, parseTableState, sortedBy, tableQuery } from "./lib/table-state.js";
import { el } from "./ui/dom.js";
import { renderMath, titleNodes } from "./ui/katex.js";
import { createPager } from "./ui/pager.js";
import { fetchJson } from "./ui/site.js";
import { onEveryPage } from "./ui/start.js";

const PAGE_SIZE = 50;
const FILTER_DELAY_MS = 150;
const numbers = new Intl.NumberFormat("en");

class PaperTable {
  constructor(root, table, total) {
    this.root = root;
    this.rows = table.rows;
    this.tags = table.tags;
    this.total = total;
    this.counts = tagCounts(table.rows);
    this.state = parseTableState(window.location.search);
    this.state.tag = this.tags.key(this.state.tag);
    this.knownTag();
    this.sorted = null;
    this.sortedBy = "";
    this.search = this.filterBox();
    this.select = this.tagSelect();
    this.order = this.orderSelect();
    this.status = el("p", { class: "paper-table__count", role: "status", "aria-live": "polite" });
    this.tbody = el("tbody");
    this.headers = COLUMNS.map((column) => this.header(column));
    this.pager = createPager("paper-table", "Pages of papers", (step) => this.change({ page: this.state.page + step }, true));
  }

  /** Put the controls, the table and the pager in place of the fallback, and show the first page. */
  mount() {
    const controls = el("div", { class: "paper-table__controls" });
    controls.append(this.search, this.select, this.order, this.status);
    const headRow = el("tr");
    headRow.append(...this.headers);
    const thead = el("thead");
    thead.append(headRow);
    this.table = el("table");
    this.table.append(thead, this.tbody);
    const scroller = el("div", { class: "paper-table__scroll" });
    scroller.append(this.table);
    this.root.replaceChildren(controls, scroller, this.pager.node);
    this.update(false);
  }

  filterBox() {
    const box = el("input", { type: "search", placeholder: "Filter papers", "aria-label": "Filter papers by title, short name or tag" });
    box.value = this.state.q;
    let timer = 0;
    box.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.change({ q: box.value, page: 1 }), FILTER_DELAY_MS);
    });
    return box;
  }

  /** Drop a tag from the address that no row carries, once every piece is in (a later piece may carry it). */
  knownTag() {
    if (this.rows.length >= this.total && !this.counts.has(this.state.tag)) this.state.tag = "";
  }

  tagSelect() {
    const select = el("select", { "aria-label": "Filter by tag" });
    this.fillSelect(select);
    select.addEventListener("change", () => this.change({ tag: select.value, page: 1 }));
    return select;
  }

  orderSelect() {
    const select = el("select", { "aria-label": "Order of papers" });
    ORDERS.filter(([value]) => TABLE_ORDERS.includes(value)).forEach(([value, label]) => select.append(el("option", { value }, label)));
    select.addEventListener("change", () => this.change({ sort: select.value, page: 1 }));
    return select;
  }

  fillSelect(select) {
    select.replaceChildren(el("option", { value: "" }, "All tags"));
    tagChoices(this.counts, this.tags.name).forEach(([key, name, count]) => {
      select.append(el("option", { value: key }, name + " (" + numbers.format(count) + ")"));
    });
    select.value = this.state.tag;
  }

  /** Take in the rows of another piece. */
  add(rows) {
    this.rows.push(...rows);
    this.counts = tagCounts(this.rows);
    this.knownTag();
    this.fillSelect(this.select);
    this.sortedBy = "";
    this.update(false);
  }

  header(column) {
    const th = el("th", { scope: "col", class: "paper-table__" + column.key });
    if (!column.orders.length) {
      th.textContent = column.header;
      return th;
    }
    const button = el("button", { type: "button" }, column.header);
    button.addEventListener("click", () => {
      this.state = sortedBy(this.state, column.key);
      this.update(false);
    });
    th.append(button);
    return th;
  }

  change(fields, scroll = false) {
    Object.assign(this.state, fields);
    this.update(scroll);
  }

  /** Return the row of `r`: its title (the short name before it where the title does not start with it), authors and year, tags, listed date. */
  row(r) {
    const tr = el("tr");
    const link = el("a", { href: encodeURIComponent(r.slug) + "/" });
    if (r.short) link.append(el("strong", {}, r.short), ": ");
    if (r.title.length) link.append(titleNodes(r.title));
    else link.textContent = r.slug;
    const title = el("td", { class: "paper-table__title" });
    title.append(link);
    const authors = el("td", { class: "paper-table__authors" }, [r.authors, r.year].filter(Boolean).join(" \u00b7 "));
    const tags = el("td", { class: "paper-table__tags" });
    r.tags.forEach((t) => tags.append(el("a", { class: "tag-chip", href: "../tags/" + encodeURIComponent(t) + "/" }, this.tags.name(t))));
    tr.append(title, authors, tags, el("td", { class: "paper-table__listed" }, humanDate(r.listed)));
    return tr;
  }

  emptyRow() {
    const tr = el("tr", { class: "paper-table__empty" });
    tr.append(el("td", { colspan: String(COLUMNS.length) }, "No papers match this filter."));
    return tr;
  }

  /** Return the rows in the current order, sorting again only when the order changed. */
  ordered() {
    if (this.sortedBy !== this.state.sort) {
      this.sorted = this.rows.slice().sort(compareRows(this.state.sort));
      this.sortedBy = this.state.sort;
    }
    return this.sorted;
  }

  /** Show the authors column, and offer the order by publication, only when some row has authors or a year. */
  showColumns() {
    const authors = hasAuthors(this.rows);
    this.root.classList.toggle("paper-table--no-authors", !authors);
    this.order.querySelector("option[value=published]").hidden = !this.rows.some((r) => r.year);
    this.order.value = this.state.sort;
  }

  update(scroll) {
    if (!this.root.isConnected) return; // instant navigation replaced the page
    const shown = filterRows(this.ordered(), this.state.q, this.state.tag);
    this.state.page = clampPage(this.state.page, shown.length, PAGE_SIZE);
    const rows = pageItems(shown, this.state.page, PAGE_SIZE).map((r) => this.row(r));
    this.tbody.replaceChildren(...(rows.length ? rows : [this.emptyRow()]));
    renderMath(this.tbody.querySelectorAll(".arithmatex"));
    this.showColumns();
    this.headers.forEach((th, i) => {
      const sort = ariaSort(COLUMNS[i].key, this.state.sort);
      if (sort) th.setAttribute("aria-sort", sort);
      else th.removeAttribute("aria-sort");
    });
    const loading = this.rows.length < this.total ? " (loading " + numbers.format(this.total) + ")" : "";
    this.status.textContent = numbers.format(shown.length) + " of " + numbers.format(this.rows.length) + " papers" + loading;
    this.pager.show(this.state.page, pageCount(shown.length, PAGE_SIZE));
    const url = new URL(window.location.href);
    url.search = tableQuery(this.state, url.search);
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url.href);
    if (scroll) this.root.scrollIntoView({ block: "start" });
  }
}

function showError(root) {
  root.setAttribute("data-paper-table", "error");
  root.replaceChildren(el("p", { class: "paper-table__error" }, "The paper table could not be loaded."));
}

async function setUp(root) {
  if (root.hasAttribute("data-paper-table")) return;
  root.setAttribute("data-paper-table", "loading");
  const fallbacks = root.parentNode ? root.parentNode.querySelectorAll(".paper-table-fallback") : [];
  const source = new URL(root.getAttribute("data-src") || "table.json", document.baseURI);
  let manifest, pieces, paperTable;
  try {
    manifest = await fetchJson(source);
    pieces = (Array.isArray(manifest.pieces) ? manifest.pieces : []).filter((p) => typeof p === "string").map((p) => new URL(p, source));
    const first = pieces.length ? await fetchJson(pieces[0]) : { rows: [] };
    const total = typeof manifest.count === "number" ? manifest.count : 0;
    paperTable = new PaperTable(root, parseTable({ tags: manifest.tags, rows: first.rows }), total);
  } catch {
    showError(root);
    return;
  }
  paperTable.mount();
  fallbacks.forEach((f) => {
    f.hidden = true;
    f.classList.add("is-hidden");
  });
  root.setAttribute("data-paper-table", pieces.length > 1 ? "loading-more" : "ready");
  try {
    for (const piece of pieces.slice(1)) {
      const more = await fetchJson(piece);
      if (!root.isConnected) return;
      paperTable.add(parseTable({ tags: manifest.tags, rows: more.rows }).rows);
    }
    root.setAttribute("data-paper-table", "ready");
  } catch {
    root.setAttribute("data-paper-table", "partial"); // keep the rows that did load
  }
}

onEveryPage(() => document.querySelectorAll(".paper-table").forEach(setUp));
