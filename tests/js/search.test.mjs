// The search page's URL state and results (theme/assets/lib/search-state.js, search-results.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { badgesOf, byline, describe, idle, matching, pageUrl, paper } from "../../theme/assets/lib/search-results.js";
import {
  chosenSort,
  parseSearchState,
  searchOptions,
  searchQuery,
  sortOf,
  waiting,
  withTag,
} from "../../theme/assets/lib/search-state.js";
import { tagIndex } from "../../theme/assets/lib/tags.js";

const EMPTY = { q: "", tags: [], year: "", published: "", code: false, sort: "", page: 1 };
const ROOT = "https://example.org/catalogue/";

test("an empty query is the empty state, which writes no parameters", () => {
  assert.deepEqual(parseSearchState(""), EMPTY);
  assert.equal(searchQuery(EMPTY), "");
});

test("every parameter the search page writes reads back as the same state", () => {
  const state = { q: "machine unlearning", tags: ["saliency", "vision-transformers"], year: "2025", published: "2019", code: true, sort: "oldest", page: 2 };
  const query = searchQuery(state);
  assert.equal(query, "?q=machine+unlearning&tag=saliency&tag=vision-transformers&year=2025&published=2019&code=yes&sort=oldest&page=2");
  assert.deepEqual(parseSearchState(query), state);
});

test("repeated, empty and unknown values are dropped", () => {
  const tags = tagIndex({ saliency: "Saliency" });
  const state = parseSearchState("?tag=saliency&tag=&tag=saliency&tag=nope&year=24&published=x&code=no&sort=random&page=x", tags.key);
  assert.deepEqual(state, { ...EMPTY, tags: ["saliency"] });
});

test("?tag= holding an old link's display name reads as the tag's key", () => {
  const tags = tagIndex({ "vision-transformers": "Vision Transformers" });
  assert.deepEqual(parseSearchState("?tag=Vision+Transformers", tags.key).tags, ["vision-transformers"]);
  assert.equal(searchQuery(parseSearchState("?tag=Vision%20Transformers", tags.key)), "?tag=vision-transformers");
});

test("without a query the newest come first, and relevance is only ever chosen with one", () => {
  assert.equal(sortOf(EMPTY), "newest");
  assert.equal(sortOf({ ...EMPTY, sort: "relevance" }), "newest");
  assert.equal(sortOf({ ...EMPTY, q: "x" }), "relevance");
  assert.equal(sortOf({ ...EMPTY, q: "x", sort: "oldest" }), "oldest");
  assert.equal(chosenSort({ ...EMPTY, q: "x" }, "relevance"), "");
  assert.equal(chosenSort(EMPTY, "newest"), "");
  assert.equal(chosenSort(EMPTY, "oldest"), "oldest");
});

test("Pagefind's options filter by every tag key, both years and code, and sort by a rank unless ranked", () => {
  const state = { ...EMPTY, tags: ["a", "b"], year: "2024", published: "2019", code: true };
  assert.deepEqual(searchOptions(state), {
    filters: { tag: ["a", "b"], year: "2024", published: "2019", code: "yes" },
    sort: { newest: "asc" },
  });
  // Counting results per year leaves that year out, and needs no order.
  assert.deepEqual(searchOptions(state, "year"), { filters: { tag: ["a", "b"], published: "2019", code: "yes" } });
  assert.deepEqual(searchOptions(state, "published"), { filters: { tag: ["a", "b"], year: "2024", code: "yes" } });
  assert.deepEqual(searchOptions({ ...EMPTY, q: "x" }), { filters: {} });
  for (const order of ["published", "title"]) {
    assert.deepEqual(searchOptions({ ...EMPTY, q: "x", sort: order }).sort, { [order]: "asc" });
  }
  // The index holds no rank for oldest: it is newest backwards.
  assert.deepEqual(searchOptions({ ...EMPTY, q: "x", sort: "oldest" }).sort, { newest: "desc" });
});

test("the search page and the table share one ?sort= vocabulary", () => {
  for (const order of ["relevance", "newest", "oldest", "published", "title"]) {
    assert.equal(parseSearchState("?sort=" + order).sort, order);
  }
  assert.equal(parseSearchState("?sort=listed").sort, "");
});

test("ticking a tag adds it once, unticking removes it, and either goes back to page 1", () => {
  const state = { ...EMPTY, tags: ["a"], page: 3 };
  assert.deepEqual(withTag(state, "b", true), { ...EMPTY, tags: ["a", "b"] });
  assert.deepEqual(withTag(state, "a", true), { ...EMPTY, tags: ["a"] });
  assert.deepEqual(withTag(state, "a", false), EMPTY);
});

test("a result links only to a page of this site", () => {
  assert.equal(pageUrl("/catalogue/papers/salun/", ROOT), "https://example.org/catalogue/papers/salun/");
  assert.equal(pageUrl("papers/salun/", ROOT), "https://example.org/catalogue/papers/salun/");
  for (const bad of ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", 42, "http://[::1"]) {
    assert.equal(pageUrl(bad, ROOT), ROOT, String(bad));
  }
});

const NOTHING = { url: ROOT, title: "", titleParts: [], short: "", shortBeside: false, authors: [], etAl: false, facts: "", tags: [], badges: [], excerpt: "" };

test("a result's fields are strings whatever Pagefind's data holds", () => {
  assert.deepEqual(
    paper({ url: "/catalogue/papers/a/", meta: { title: "A", short_name: 5, authors: "not json" }, filters: { tag: ["x", 1, ""] }, excerpt: "<mark>a</mark>" }, ROOT),
    { ...NOTHING, url: ROOT + "papers/a/", title: "A", titleParts: [{ text: "A", tex: false }], tags: ["x"], excerpt: "<mark>a</mark>" },
  );
  assert.deepEqual(paper(null, ROOT), NOTHING);
  assert.equal(paper({ url: "/catalogue/papers/b/", meta: null }, ROOT).title, "/catalogue/papers/b/");
});

test("a result reads as the site's card: short name beside a title that lacks it, three authors then et al., TeX parts", () => {
  const meta = {
    title: "Sparse k-NN",
    tex: '["Sparse ","k","-NN"]',
    short_name: "SKN",
    authors: '[["A. One","a-one"],["B. Two",""],"C. Three",["D. Four",""],[7]]',
    facts: "2024 · CVPR 2024",
  };
  const p = paper({ url: "/catalogue/papers/s/", meta }, ROOT);
  assert.deepEqual(p.titleParts, [{ text: "Sparse ", tex: false }, { text: "k", tex: true }, { text: "-NN", tex: false }]);
  assert.equal(p.shortBeside, true);
  assert.deepEqual(p.authors, [{ name: "A. One", key: "a-one" }, { name: "B. Two", key: "" }, { name: "C. Three", key: "" }]);
  assert.equal(byline(p), "A. One, B. Two, C. Three et al. · 2024 · CVPR 2024");
  assert.equal(paper({ meta: { title: "SKN: Sparse", short_name: "skn" } }, ROOT).shortBeside, false);
  assert.equal(byline(paper({ meta: { facts: "2019" } }, ROOT)), "2019");
});

test("badges keep only [label, https address] pairs", () => {
  const value = JSON.stringify([["Code", "https://github.com/x/y"], ["PDF", "javascript:alert(1)"], ["Bad", "http://x"], "no", [1, "https://a"]]);
  assert.deepEqual(badgesOf(value), [{ label: "Code", href: "https://github.com/x/y" }]);
  assert.deepEqual(badgesOf("{"), []);
});

test("the status line says how many papers match what", () => {
  assert.equal(describe(1, { ...EMPTY, q: " salun " }), "1 paper matches \u201csalun\u201d");
  assert.equal(describe(2, { ...EMPTY, q: "salun" }), "2 papers match \u201csalun\u201d");
  assert.equal(idle(1234), "1,234 papers in the catalogue. Type to search them, or choose a tag or a year.");
  assert.equal(describe(3, { ...EMPTY, code: true }), "3 papers with these filters");
  assert.equal(describe(0, { ...EMPTY, tags: ["a"] }), "No papers have all these filters.");
  assert.match(describe(0, { ...EMPTY, q: "zzz" }), /^No papers match \u201czzz\u201d/);
  assert.deepEqual([0, 1, 2000].map(matching), ["No matching papers", "1 matching paper", "2,000 matching papers"]);
});

test("the search page waits while the state asks for no words, filter or order", () => {
  assert.equal(waiting(EMPTY), true);
  assert.equal(waiting({ ...EMPTY, q: "  " }), true);
  assert.equal(waiting({ ...EMPTY, q: "salun" }), false);
  assert.equal(waiting({ ...EMPTY, tags: ["a"] }), false);
  assert.equal(waiting({ ...EMPTY, year: "2025" }), false);
  assert.equal(waiting({ ...EMPTY, code: true }), false);
  assert.equal(waiting({ ...EMPTY, sort: "oldest" }), false);
});
