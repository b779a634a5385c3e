/* A title with TeX, as the generator sends it (generator/render/tex.py: title_parts): a plain string,
   or [text, TeX, text, ...] with TeX at odd places. It is read into parts that the page shows with
   textContent, and KaTeX renders the TeX parts with the site's options (ui/katex.js). */
import { str } from "./untrusted.js";

/** Return the untrusted title `value` (a string, an array, or a JSON array) as [{text, tex}], empty parts dropped. */
export function titleParts(value) {
  let pieces = value;
  if (typeof value === "string" && value.startsWith("[")) {
    try {
      pieces = JSON.parse(value);
    } catch {
      pieces = value;
    }
  }
  if (!Array.isArray(pieces)) return str(pieces) ? [{ text: str(pieces), tex: false }] : [];
  return pieces.map((piece, i) => ({ text: str(piece), tex: i % 2 === 1 })).filter((part) => part.text);
}

/** Return the parts as one line of text, the TeX as typed (for filtering by words). */
export function titleText(parts) {
  return parts.map((part) => part.text).join("");
}
