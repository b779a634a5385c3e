// Rebuilding Pagefind's excerpt as text and marks (theme/assets/lib/excerpt.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { decodeEntities, excerptParts } from "../../theme/assets/lib/excerpt.js";

test("marked words become marked parts between plain ones", () => {
  assert.deepEqual(excerptParts("Machine <mark>unlearning</mark> with saliency"), [
    { text: "Machine ", marked: false },
    { text: "unlearning", marked: true },
    { text: " with saliency", marked: false },
  ]);
});

test("escaped text comes back as the characters it stands for, never as markup", () => {
  assert.deepEqual(excerptParts("a &lt;script&gt; &amp; <mark>&quot;b&#39;</mark> &#x1F600; &#0;"), [
    { text: "a <script> & ", marked: false },
    { text: "\"b'", marked: true },
    { text: " \u{1F600} \uFFFD", marked: false },
  ]);
  assert.equal(decodeEntities("&#xD800; &#1114112; &unknown; &amp"), "\uFFFD \uFFFD &unknown; &amp");
});

test("any other tag is dropped and its text kept; comments vanish", () => {
  const html = '<b onclick="x()">bold</b> <img src=x onerror=alert(1)><script>alert(2)</script><!-- <mark>no</mark> -->end';
  assert.deepEqual(excerptParts(html), [{ text: "bold alert(2)end", marked: false }]);
});

test("attributes holding > do not end a tag early", () => {
  assert.deepEqual(excerptParts('<span title="a > b">x</span>'), [{ text: "x", marked: false }]);
});

test("nested or unbalanced marks still mark exactly the text inside them", () => {
  assert.deepEqual(excerptParts("<MARK>a<mark>b</mark>c</MARK></mark>d"), [
    { text: "abc", marked: true },
    { text: "d", marked: false },
  ]);
  assert.deepEqual(excerptParts("<mark>open to the end"), [{ text: "open to the end", marked: true }]);
});

test("a missing or non-string excerpt is empty", () => {
  assert.deepEqual(excerptParts(undefined), []);
  assert.deepEqual(excerptParts({ toString: () => "<mark>x</mark>" }), []);
  assert.deepEqual(excerptParts(""), []);
});
