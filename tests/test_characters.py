"""Every field refuses what XML 1.0 forbids and all 66 noncharacters, so every feed of an accepted catalogue parses."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from datetime import date

import feedparser
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.diagnostics import has_errors
from generator.load.sources import SourceLayout
from generator.pipeline import checked_catalogue, render_docs
from generator.validate.fields import is_noncharacter
from tests.conftest import TAGS, Project, entry

NONCHARACTERS = [
    chr(c) for c in [*range(0xFDD0, 0xFDF0), *(p * 0x10000 + e for p in range(17) for e in (0xFFFE, 0xFFFF))]
]
# XML 1.0's Char production leaves out the C0 controls but tab, LF and CR, the surrogates, U+FFFE and U+FFFF.
XML_FORBIDDEN = [chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]]
# Each field of an entry, written with a character `{}` in it (YAML escapes carry any code point).
ENTRY_FIELDS = {
    "title": 'title: "A {} Study"',
    "abstract": 'abstract: "We {} study."',
    "short_name": 'short_name: "A{}B"',
    "authors[0]": 'authors: ["Ada {} Lovelace"]',
    "venue": 'venue: "CVPR {} 2024"',
    "published": 'published: "2024-01-0{}"',
    "arxiv": 'arxiv: "2401.0{}412"',
    "doi": 'doi: "10.1109/{}x"',
    "links.code": 'links: {{code: "https://github.com/{}/x"}}',
    "tags[0]": 'tags: ["saliency{}"]',
}
TAG_FIELDS = {
    "name": 'name: "Tag {}"',
    "description": 'description: "About {} things."',
    "aliases[0]": 'aliases: ["alias {}"]',
}


def yaml_escape(char: str) -> str:
    return f"\\U{ord(char):08X}"


def yaml_quoted(text: str) -> str:
    """Return `text` as a YAML double-quoted scalar, every character past printable ASCII as an escape."""
    return '"' + "".join(c if " " <= c <= "~" and c not in '"\\' else yaml_escape(c) for c in text) + '"'


def test_the_lists_are_complete() -> None:
    assert len(NONCHARACTERS) == 66 and all(map(is_noncharacter, NONCHARACTERS))
    assert sum(map(is_noncharacter, map(chr, range(0x110000)))) == 66


def test_every_field_refuses_every_xml_forbidden_character_and_noncharacter(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """One entry per (field, character), and one tag per (tag field, character): each gets its located error."""
    expected = set()
    for f, (field, line) in enumerate(ENTRY_FIELDS.items()):
        for c, char in enumerate(sorted(set(XML_FORBIDDEN + NONCHARACTERS))):
            name = f"f{f}-c{c}"
            base = entry().replace("tags: [saliency, segmentation]\n", "tags: [saliency]\n")
            top = line.split(":", 1)[0]
            kept = "".join(row + "\n" for row in base.splitlines() if not row.startswith(top + ":"))
            project.add(name, kept + line.format(yaml_escape(char)) + "\n")
            expected.add((f"site_src/papers/{name}.yaml", field))
    tags = [TAGS]
    for f, (field, line) in enumerate(TAG_FIELDS.items()):
        for c, char in enumerate(sorted(set(XML_FORBIDDEN + NONCHARACTERS))):
            rows = {"name": 'name: "Tag"', "description": 'description: "About things."'}
            rows[field.split("[")[0]] = line.format(yaml_escape(char))
            tags.append(f"t{f}-c{c}:\n" + "".join(f"  {row}\n" for row in rows.values()))
            expected.add(("site_src/tags.yaml", f"t{f}-c{c}.{field}"))
    project.write("site_src/tags.yaml", "".join(tags))
    assert main(["--root", str(project.root), "check"]) == 1
    found = set()
    for row in capsys.readouterr().out.splitlines():
        path, _line, _col, rest = row.split(":", 3)
        found.add((path, rest.removeprefix(" error: ").split(":", 1)[0]))
    assert expected - found == set()


# Mostly text `check` accepts (any category but controls, format and separators, plus XML's own specials),
# and in about half the examples one character it must refuse: the property is about what it lets through.
feed_text = st.lists(
    st.one_of(
        st.characters(exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp")),
        st.sampled_from(["<", "&", "]]>", "\ue000", "\U0001f600", "\u0301", "\u05d0", "\U000f0000"]),
    ),
    min_size=1,
    max_size=20,
).map(lambda parts: " ".join("".join(parts).split()) or "x")


@settings(
    max_examples=int(os.environ.get("FEED_EXAMPLES", "20")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    title=feed_text,
    author=feed_text,
    venue=feed_text,
    tag_name=feed_text,
    abstract=feed_text,
    intruder=st.none() | st.sampled_from([*NONCHARACTERS, *XML_FORBIDDEN, "\u0085", "\u202e", "\u2028"]),
)
def test_every_feed_of_an_accepted_catalogue_parses(
    project: Project, title: str, author: str, venue: str, tag_name: str, abstract: str, intruder: str | None
) -> None:
    if intruder:
        title = title[:1] + intruder + title[1:]
    quoted = yaml_quoted
    project.write("site_src/tags.yaml", TAGS.replace("name: Saliency", f"name: {quoted(tag_name)}"))
    project.add(
        "fuzz",
        entry(title=quoted(title), abstract=quoted(abstract), authors=f"[{quoted(author)}]", venue=quoted(venue)),
    )
    layout = SourceLayout(project.root)
    _catalogue, problems = checked_catalogue(layout, date(2025, 3, 12))
    rejected = has_errors(problems)
    event("rejected by check" if rejected else "accepted")
    if rejected:
        return  # rejected by check: the property is about catalogues that are accepted
    docs = render_docs(layout, date(2025, 3, 12))
    feeds = {name: text for name, text in docs.items() if name.endswith("feed.xml")}
    assert "feed.xml" in feeds and "tags/saliency/feed.xml" in feeds
    for name, text in feeds.items():
        ET.fromstring(text.encode("utf-8"))
        parsed = feedparser.parse(text)
        assert not parsed.bozo, (name, parsed.get("bozo_exception"))
    for name, text in docs.items():
        if name.endswith("feed.json"):
            json.loads(text)
