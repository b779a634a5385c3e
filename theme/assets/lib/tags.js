/* Tag keys and display names. A `?tag=` parameter always holds a tag key; an older link that holds
   a tag's display name (as the search page once wrote) is read as that tag's key. */
import { owns, str } from "./untrusted.js";

/** Return the lookups over `names`, an object mapping each tag key to its display name; with no
    object (the names could not be loaded) every value is taken for a key and shown as it is. */
export function tagIndex(names) {
  const known = names !== null && typeof names === "object";
  const byKey = new Map();
  const byName = new Map();
  if (known) {
    for (const key of Object.keys(names).sort()) {
      const name = str(names[key]) || key;
      byKey.set(key, name);
      if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), key);
    }
  }
  return {
    /** Return the display name of tag `key`, or the key itself for a tag it does not know. */
    name: (key) => byKey.get(key) ?? key,
    /** Return the key that `value` (a key, or a display name in any case) names, or "" if none. */
    key: (value) => (!known || byKey.has(value) ? str(value) : (byName.get(str(value).toLowerCase()) ?? "")),
  };
}

/** Return {key: name} from api/tags.json's `tags` list, skipping malformed records. */
export function namesFromTagsJson(data) {
  const tags = owns(data, "tags") && Array.isArray(data.tags) ? data.tags : [];
  const pairs = tags.filter((tag) => owns(tag, "key") && str(tag.key)).map((tag) => [tag.key, str(tag.name)]);
  return Object.fromEntries(pairs); // defines "__proto__" as a plain key, never as the prototype
}
