// Dates read the same in the browser as on the generated pages (theme/assets/lib/dates.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { humanDate } from "../../theme/assets/lib/dates.js";

test("an ISO date reads as the pages print it", () => {
  assert.equal(humanDate("2025-03-12"), "12 Mar 2025");
  assert.equal(humanDate("2024-12-01"), "1 Dec 2024");
});

test("anything else is shown as it is", () => {
  assert.equal(humanDate("2025-13-01"), "2025-13-01");
  assert.equal(humanDate(""), "");
  assert.equal(humanDate("<b>"), "<b>");
});
