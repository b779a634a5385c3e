// Tag keys and names (theme/assets/lib/tags.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { namesFromTagsJson, tagIndex } from "../../theme/assets/lib/tags.js";

const tags = tagIndex({ "vision-transformers": "Vision Transformers", saliency: "Saliency", unnamed: "" });

test("a key is shown by its name, an unknown key as itself, a nameless tag by its key", () => {
  assert.equal(tags.name("vision-transformers"), "Vision Transformers");
  assert.equal(tags.name("nope"), "nope");
  assert.equal(tags.name("unnamed"), "unnamed");
});

test("a tag parameter holding a key stays that key; an old link's display name, in any case, becomes its key", () => {
  assert.equal(tags.key("saliency"), "saliency");
  assert.equal(tags.key("Vision Transformers"), "vision-transformers");
  assert.equal(tags.key("vision transformers"), "vision-transformers");
  assert.equal(tags.key("Unknown"), "");
  assert.equal(tags.key("constructor"), "");
});

test("when two tags share a name, an old link picks one of them the same way every time", () => {
  assert.equal(tagIndex({ b: "Same", a: "Same" }).key("Same"), "a");
});

test("without names every value is taken for a key", () => {
  const unknown = tagIndex(null);
  assert.equal(unknown.key("Anything"), "Anything");
  assert.equal(unknown.name("key"), "key");
});

test("api/tags.json's records become {key: name}, malformed ones skipped, __proto__ only a key", () => {
  const data = JSON.parse(
    '{"tags": [{"key": "a", "name": "A"}, {"key": 3}, null, {"name": "no key"}, {"key": "b"}, {"key": "__proto__", "name": "P"}]}',
  );
  const names = namesFromTagsJson(data);
  assert.deepEqual(Object.keys(names), ["a", "b", "__proto__"]);
  assert.equal(names.b, "");
  assert.equal(Object.getPrototypeOf(names), Object.prototype);
  assert.deepEqual(namesFromTagsJson({ tags: "x" }), {});
  assert.deepEqual(namesFromTagsJson(null), {});
});
