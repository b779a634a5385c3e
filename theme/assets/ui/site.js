/* The site's own addresses and data, found from where this module is served (assets/ui/site.js),
   so links stay right wherever the site is deployed and however instant navigation moved the page. */
import { namesFromTagsJson, tagIndex } from "../lib/tags.js";

export const siteRoot = new URL("../../", import.meta.url);
export const searchPage = new URL("search/", siteRoot);

let pagefind = null;
let tags = null;

// How much a match in each metadata field of a search document (generator/render/search_docs.py) lifts
// a result above matches in the abstract alone. The TeX title repeats the title and the badges hold
// addresses, so neither lifts anything.
const META_WEIGHTS = Object.freeze({ title: 6, short_name: 5, authors: 3, tags: 2, entities: 2, facts: 1, tex: 0, badges: 0 });

/** Return the search page's address for the query `q`. */
export function searchUrl(q) {
  const url = new URL(searchPage.href);
  if (q.trim()) url.searchParams.set("q", q.trim());
  return url.href;
}

/** Return the parsed JSON at `url`, which must be on this site. */
export async function fetchJson(url) {
  const address = new URL(url, document.baseURI);
  if (address.origin !== siteRoot.origin) throw new Error("not this site: " + address.href);
  const response = await window.fetch(address.href, { credentials: "same-origin" });
  if (!response.ok) throw new Error("HTTP " + response.status + " for " + address.href);
  return response.json();
}

/** Return Pagefind's API, loading its script once, with the index's other shards merged in
    (pagefind/shards.json, see generator/write/search_shards.py); a failed load is tried again next time. */
export function loadPagefind() {
  if (!pagefind) {
    const bundle = new URL("pagefind/", siteRoot);
    const shards = fetchJson(new URL("shards.json", bundle));
    pagefind = Promise.all([import(new URL("pagefind.js", bundle).href), shards]).then(async ([api, { merge }]) => {
      await api.options({ excerptLength: 24, ranking: { metaWeights: { ...META_WEIGHTS } } });
      api.init();
      await Promise.all(merge.map((folder) => api.mergeIndex(new URL(folder, bundle).href)));
      return api;
    });
    pagefind.catch(() => {
      pagefind = null;
    });
  }
  return pagefind;
}

/** Return whether Pagefind has started loading (so typing can preload its index chunks). */
export function pagefindLoading() {
  return pagefind;
}

/** Return the tag lookups (see lib/tags.js) from api/tags.json, loaded once; without it, keys stand in for names. */
export function loadTags() {
  if (!tags) {
    tags = fetchJson(new URL("api/tags.json", siteRoot))
      .then((data) => tagIndex(namesFromTagsJson(data)))
      .catch(() => {
        tags = null;
        return tagIndex(null);
      });
  }
  return tags;
}
