"""Hostile and broken input: `check` rejects it with a clear message, or the site shows it as inert text."""

from __future__ import annotations

import functools
import json
import os
import unicodedata
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.identity import normalised_title
from generator.render.tex import plain_title, title_parts
from generator.validate.tex import INLINE_MATH, TexRefused, math_text
from tests.conftest import Project, build, entry, make_project
from tests.hostile import TEXT_PAYLOADS, hostile_site_problems, text_of_site
from tests.html import attr, one

# Hosts a page may link to: arXiv/DOI buttons, the repository, Material's footer, the fixture's
# links, the specifications the API page cites and the local preview the contribute page names.
ALLOWED_HOSTS = {
    "arxiv.org",
    "doi.org",
    "github.com",
    "squidfunk.github.io",
    "example.org",
    "www.rfc-editor.org",
    "www.jsonfeed.org",
    "127.0.0.1:8000",
}


def as_katex_source(title: str) -> str:
    """Return a title as its heading reads before KaTeX runs: `$...$` math as `\\(...\\)`, the rest as written."""
    return INLINE_MATH.sub(r"\\(\g<tex>\\)", title)


def check(project: Project, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--root", str(project.root), "check"])
    return code, capsys.readouterr().out


def links_entry(url: str, kind: str = "code") -> str:
    return entry(links=f"\n  {kind}: {json.dumps(url)}")


BAD_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "jav&#x61;script:alert(1)",
    "%6Aavascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "https:javascript:alert(1)",
    'https://evil.example/"onmouseover="alert(1)',
    "https://evil.example/<script>",
    "http://github.com/x/y",
    "HTTPS://github.com/x/y",
    "//evil.example/x",
    "https://user@evil.example/",
]


@pytest.mark.parametrize("kind", ["code", "project", "demo", "video", "package", "data", "paper"])
@pytest.mark.parametrize("url", BAD_URLS)
def test_check_rejects_unsafe_urls_in_every_link_field(
    project: Project, capsys: pytest.CaptureFixture[str], kind: str, url: str
) -> None:
    project.add("bad", links_entry(url, kind))
    code, out = check(project, capsys)
    assert code == 1
    assert out.startswith(f"site_src/papers/bad.yaml:6:{len(kind) + 5}: error: links.{kind}: "), out


@pytest.mark.parametrize(
    ("field_text", "fragment"),
    [
        ('title: "Bell\\a character"', "invisible character U+0007"),
        ('title: "Right-to-left \\u202e override"', "invisible character U+202E (right-to-left override)"),
        ('title: "Zero\\u200bwidth"', "invisible character U+200B (zero width space)"),
        ('title: "Line\\u2028separator"', "invisible character U+2028 (line separator)"),
        ('title: "two\\nlines"', "expected a single line of text"),
        ('short_name: "A\\u200dB"', "invisible character U+200D (zero width joiner)"),
        ('venue: "CVPR\\u2066 2023"', "invisible character U+2066"),
        ('authors: ["Ann\\u202eB"]', "invisible character U+202E"),
        ("title: " + "x" * 301, "is 301 characters long; the limit is 300"),
        ("abstract: " + "word " * 1300, "characters long; the limit is 5000"),
        ("title: {nested: {deeper: value}}", "title: expected text, got a mapping"),
        ("authors: [[[[[[[[[deep]]]]]]]]]", "nesting deeper than 8 levels is not allowed"),
        ("title: &anchor Title", "YAML anchor '&anchor' is not allowed"),
        (
            'title: !!python/object/apply:os.system ["echo pwned"]',
            "YAML tag '!!python/object/apply:os.system' is not allowed",
        ),
        ("title: !!binary aGVsbG8=", "YAML tag '!!binary' is not allowed"),
    ],
)
def test_check_rejects_hostile_field_values(
    project: Project, capsys: pytest.CaptureFixture[str], field_text: str, fragment: str
) -> None:
    lines = [line for line in entry().splitlines() if not line.startswith(field_text.split(":")[0] + ":")]
    project.add("bad", "\n".join([field_text, *lines]) + "\n")
    code, out = check(project, capsys)
    assert code == 1
    assert out.startswith("site_src/papers/bad.yaml:1:"), out
    assert fragment in out


def test_yaml_bomb_is_rejected(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=False)
    )
    project.add("bomb", bomb)
    code, out = check(project, capsys)
    assert (code, out) == (
        1,
        "site_src/papers/bomb.yaml:1:4: error: YAML anchor '&a' is not allowed; "
        "remove it and write values out in full\n",
    )


def test_huge_file_is_rejected_unread(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.add("huge", entry() + "# " + "x" * 70_000 + "\n")
    code, out = check(project, capsys)
    assert code == 1 and "site_src/papers/huge.yaml:1:1: error: file is " in out and "the limit is 65536" in out


def test_symlink_is_rejected(project: Project, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text(entry())
    (project.papers / "link.yaml").symlink_to(outside)
    code, out = check(project, capsys)
    assert code == 1 and "site_src/papers/link.yaml:1:1: error: a symbolic link is not allowed" in out


def test_unicode_normalisation_duplicates(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    title = "Café Saliency"
    project.add("nfc", entry(title=unicodedata.normalize("NFC", title)))
    project.add("nfd", entry(title=unicodedata.normalize("NFD", title)))
    code, out = check(project, capsys)
    assert code == 1
    assert "site_src/papers/nfd.yaml:1:8: error: title: same title as site_src/papers/nfc.yaml" in out


def test_slugs_that_collide_ignoring_case(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.add("Saliency-Study", entry())
    project.add("saliency-study", entry(title="Another"))
    code, out = check(project, capsys)
    assert code == 1
    assert "site_src/papers/Saliency-Study.yaml:1:1: error: file name 'Saliency-Study' is not a valid slug" in out
    assert "collides with" in out


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A project of every text payload in every field, plus YAML 1.1 look-alike values, built once for the module."""
    project = make_project(tmp_path_factory.mktemp("hostile") / "project")
    for i, payload in enumerate(TEXT_PAYLOADS):
        project.add(
            f"hostile-{i}",
            entry(
                title=json.dumps(f"Saliency {payload} {i}"),
                short_name=json.dumps(payload[:40].strip() or "x"),
                authors=json.dumps([payload, f"Author {i}"]),
                venue=json.dumps(payload[:200]),
                abstract=json.dumps(f"We study saliency.\n\n{payload}\n\nSegmentation {payload}"),
                links="\n  code: https://github.com/x/y\n  project: https://example.org/p?a=1&b=<2>".replace(
                    "<2>", "2"
                ),
            ),
        )
    project.add(
        "norway",
        entry(
            title="Values That YAML 1.1 Reads as Booleans",
            short_name="NO",
            venue="yes",
            arxiv="2401.10010",
            listed="2025-03-12",
        ),
    )
    build(project.root)
    return project


@pytest.mark.slow
def test_norway_problem_values_stay_text(hostile: Project, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = check(hostile, capsys)
    assert code == 0 and "norway.yaml" not in out, out
    page = BeautifulSoup((hostile.root / "site/papers/norway/index.html").read_text(), "html.parser")
    meta = one(page, ".paper-meta").get_text()
    assert "NO" in meta and "yes" in meta
    assert page.select_one("a[href='https://arxiv.org/abs/2401.10010']")


@pytest.mark.slow
def test_hostile_catalogue_builds_with_every_payload_inert(hostile: Project) -> None:
    site = hostile.root / "site"
    assert hostile_site_problems(site, ALLOWED_HOSTS) == []

    for i, payload in enumerate(TEXT_PAYLOADS):
        page = BeautifulSoup((site / f"papers/hostile-{i}/index.html").read_text(), "html.parser")
        title = " ".join(f"Saliency {payload} {i}".split())
        # The heading keeps TeX as text for KaTeX (which runs with trust off); the head has it as plain text.
        assert one(page, "h1").get_text() == as_katex_source(title)
        assert one(page, "title").get_text() == f"{plain_title(title)} - Paper Catalogue"
        assert attr(one(page, 'meta[name="citation_title"]'), "content") == plain_title(title)
        assert attr(one(page, 'meta[name="description"]'), "content").startswith("We study saliency.")
        body = one(page, "article").get_text()
        assert " ".join(payload.split()) in " ".join(body.split())

    papers = {p["slug"]: p for p in json.loads((site / "api/papers.json").read_text())["papers"]}
    pieces = json.loads((site / "papers/table.json").read_text())["pieces"]
    table = {row[0]: row for piece in pieces for row in json.loads((site / "papers" / piece).read_text())["rows"]}
    titles = {e.title for e in feedparser.parse((site / "feed.xml").read_text()).entries}
    for i, payload in enumerate(TEXT_PAYLOADS):
        assert papers[f"hostile-{i}"]["title"] == f"Saliency {payload} {i}"
        title = f"Saliency {payload} {i}"
        assert table[f"hostile-{i}"][1] == (title_parts(title) or plain_title(title))  # TeX as parts for KaTeX
        assert plain_title(f"Saliency {payload} {i}") in titles

    raw = text_of_site(site)
    for live in ("<script>alert", "<img src=x", "<svg onload", "<iframe src=https://evil", "<style>body"):
        assert live not in raw


def tex_allowed(text: str) -> bool:
    """Return whether every `$...$` formula in `text` keeps to the TeX allow-list."""
    try:
        math_text(text)
    except TexRefused:
        return False
    return True


hostile_text = (
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    *list("<>&\"'`/\\=*_[](){}!#|$%:;-+.~^ "),
                    "javascript:",
                    "<script>",
                    "onerror=",
                    "{{",
                    "{%",
                    "--8<--",
                    "&lt;",
                    "&#",
                ]
            ),
            st.characters(exclude_categories=("Cc", "Cs", "Cf", "Zl", "Zp", "Co", "Cn")),
        ),
        min_size=1,
        max_size=30,
    )
    .map(lambda parts: " ".join("".join(parts).split()))
    .filter(bool)
    .filter(tex_allowed)  # `check` refuses math outside the allow-list (tests/test_tex.py); the rest must build
)


@pytest.mark.slow
@settings(
    max_examples=int(os.environ.get("HOSTILE_EXAMPLES", "6")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    papers=st.lists(
        st.tuples(hostile_text, hostile_text, hostile_text),
        min_size=1,
        max_size=8,
        unique_by=lambda fields: normalised_title(fields[0]),
    )
)
def test_generated_strings_never_inject_markup(
    project: Project, capsys: pytest.CaptureFixture[str], papers: list[tuple[str, str, str]]
) -> None:
    # Each example builds one site of up to eight generated papers: the build, not the strings, is what costs.
    quoted = functools.partial(json.dumps, ensure_ascii=False)
    for old in project.papers.glob("*.yaml"):
        old.unlink()
    for i, (title, author, abstract) in enumerate(papers):
        project.add(f"fuzz-{i}", entry(title=quoted(title), authors=quoted([author]), abstract=quoted(abstract)))
    project.add("anchor", entry(title="Segmenting Salient Things"))
    code = main(["--root", str(project.root), "build"])
    out = capsys.readouterr().out
    assert code == 0, out
    site = project.root / "site"
    assert hostile_site_problems(site, ALLOWED_HOSTS) == []
    for i, (title, author, _) in enumerate(papers):
        page = BeautifulSoup((site / f"papers/fuzz-{i}/index.html").read_text(), "html.parser")
        assert one(page, "h1").get_text() == as_katex_source(title)
        assert author in one(page, ".paper-authors").get_text()
