// The search page's URL state and results (theme/assets/lib/search-state.js, search-results.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { describe, matching, pageUrl, paper } from "../../theme/assets/lib/search-results.js";
import {
  chosenSort,
  parseSearchState,
  searchOptions,
  searchQuery,
  sortOf,
  withTag,
} from "../../theme/assets/lib/search-state.js";
import { tagIndex } from "../../theme/assets/lib/tags.js";

const EMPTY = { q: "", tags: [], year: "", code: false, sort: "", page: 1 };
const ROOT = "https://example.org/catalogue/";

test("an empty query is the empty state, which writes no parameters", () => {
  assert.deepEqual(parseSearchState(""), EMPTY);
  assert.equal(searchQuery(EMPTY), "");
});

test("every parameter the search page writes reads back as the same state", () => {
  const state = { q: "machine unlearning", tags: ["saliency", "vision-transformers"], year: "2024", code: true, sort: "oldest", page: 2 };
  const query = searchQuery(state);
  assert.equal(query, "?q=machine+unlearning&tag=saliency&tag=vision-transformers&year=2024&code=yes&sort=oldest&page=2");
  assert.deepEqual(parseSearchState(query), state);
});

test("repeated, empty and unknown values are dropped", () => {
  const tags = tagIndex({ saliency: "Saliency" });
  const state = parseSearchState("?tag=saliency&tag=&tag=saliency&tag=nope&year=24&code=no&sort=random&page=x", tags.key);
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

test("Pagefind's options filter by every tag key, the year and code, and sort unless ranked", () => {
  const state = { ...EMPTY, tags: ["a", "b"], year: "2024", code: true };
  assert.deepEqual(searchOptions(state), { filters: { tag: ["a", "b"], year: "2024", code: "yes" }, sort: { newest: "asc" } });
  assert.deepEqual(searchOptions(state, true), { filters: { tag: ["a", "b"], code: "yes" } });
  assert.deepEqual(searchOptions({ ...EMPTY, q: "x" }), { filters: {} });
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

test("a result's fields are strings whatever Pagefind's data holds", () => {
  assert.deepEqual(
    paper({ url: "/catalogue/papers/a/", meta: { title: "A", short_name: 5, listed: "2024-01-01" }, filters: { tag: ["x", 1, ""] }, excerpt: "<mark>a</mark>" }, ROOT),
    { url: ROOT + "papers/a/", title: "A", short: "", listed: "2024-01-01", summary: "", tags: ["x"], excerpt: "<mark>a</mark>" },
  );
  assert.deepEqual(paper(null, ROOT), { url: ROOT, title: "", short: "", listed: "", summary: "", tags: [], excerpt: "" });
  assert.equal(paper({ url: "/catalogue/papers/b/", meta: null }, ROOT).title, "/catalogue/papers/b/");
});

test("the status line says how many papers match what", () => {
  assert.equal(describe(1, { ...EMPTY, q: " salun " }), "1 paper matches \u201csalun\u201d");
  assert.equal(describe(2, { ...EMPTY, q: "salun" }), "2 papers match \u201csalun\u201d");
  assert.equal(describe(1234, EMPTY), "1,234 papers in the catalogue");
  assert.equal(describe(3, { ...EMPTY, code: true }), "3 papers with these filters");
  assert.equal(describe(0, { ...EMPTY, tags: ["a"] }), "No papers have all these filters.");
  assert.match(describe(0, { ...EMPTY, q: "zzz" }), /^No papers match \u201czzz\u201d/);
  assert.deepEqual([0, 1, 2000].map(matching), ["No matching papers", "1 matching paper", "2,000 matching papers"]);
});
