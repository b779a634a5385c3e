"""One paper identity (arXiv id, DOI, normalised title), the same for check, `new` and the importer."""

from __future__ import annotations

from datetime import date

import pytest

from generator.cli import main
from generator.identity import IdentityKey, RawIdentity, identity_keys, known_identities, title_key
from generator.importer.draft import Draft
from generator.importer.hf_page import parse_page
from generator.load.sources import LoadedFile
from generator.load.yaml_strict import parse_yaml
from generator.model import Paper
from tests.conftest import SEED, Project, entry


def paper(title: str, arxiv: str | None = None, doi: str | None = None) -> Paper:
    return Paper(
        "p", title, "Abstract.", date(2025, 3, 12), ("saliency",), "site_src/papers/p.yaml", arxiv=arxiv, doi=doi
    )


def test_keys_drop_the_arxiv_version_fold_the_doi_and_normalise_the_title() -> None:
    assert identity_keys(paper("Attention Is All You Need!", "1706.03762v7", "10.5555/ABC.Def")) == (
        IdentityKey("arxiv", "arXiv id", "1706.03762"),
        IdentityKey("doi", "DOI", "10.5555/abc.def"),
        IdentityKey("title", "title", "attentionisallyouneed"),
    )


def test_a_paper_a_draft_and_raw_entry_fields_have_the_same_keys() -> None:
    fields = {"title": "ＣＡＬＭ: Class Activation", "arxiv": "2401.02412v2", "doi": "10.1/X"}
    raw = RawIdentity.of(fields)
    assert (
        identity_keys(paper(**fields))
        == identity_keys(Draft(title=fields["title"], arxiv=fields["arxiv"], doi=fields["doi"]))
        == identity_keys(raw)
    )
    # NFKC folds the full-width letters; the key is the TS #39 skeleton, in which "m" reads as "rn".
    assert identity_keys(raw)[2].key == title_key("calm: class activation") == "calrnclassactivation"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"title": "Only a Title"}, ("title",)),
        ({"title": "?!", "arxiv": "", "doi": ""}, ()),  # nothing to compare: no key, no false match
        ({"title": ["not", "text"], "doi": "10.1/x"}, ("doi",)),
        ("not a mapping", ()),
    ],
)
def test_only_text_values_give_keys(data: object, expected: tuple[str, ...]) -> None:
    assert tuple(key.field for key in identity_keys(RawIdentity.of(data))) == expected


def test_known_identities_name_the_first_file_with_each_key() -> None:
    files = [
        LoadedFile("site_src/papers/a.yaml", parse_yaml('title: Same\narxiv: "2401.02412"\n')),
        LoadedFile("site_src/papers/b.yaml", parse_yaml("title: same.\ntags: not valid here\n")),
        LoadedFile("site_src/papers/c.yaml", parse_yaml('title: Other\narxiv: "2401.02412v3"\n')),
    ]
    assert known_identities(files) == {
        IdentityKey("arxiv", "arXiv id", "2401.02412"): "site_src/papers/a.yaml",
        IdentityKey("title", "title", title_key("Same")): "site_src/papers/a.yaml",
        IdentityKey("title", "title", "other"): "site_src/papers/c.yaml",
    }


@pytest.mark.parametrize(
    ("known", "by_hand", "flags"),
    [
        ({"doi": "10.1109/ABC.2009.1"}, {"doi": "10.1109/abc.2009.1"}, ["--doi", "10.1109/abc.2009.1"]),
        ({"title": "A Study of Saliency"}, {"title": "a study of SALIENCY."}, ["--title", "a study of SALIENCY."]),
    ],
    ids=["doi", "title"],
)
def test_new_refuses_exactly_the_paper_check_would_call_a_duplicate(
    project: Project,
    capsys: pytest.CaptureFixture[str],
    known: dict[str, str],
    by_hand: dict[str, str],
    flags: list[str],
) -> None:
    project.add("known", entry(**known))
    new = ["new", "--title", "Another Title", "--abstract", "Text.", "--tag", "saliency", *flags]
    assert main(["--root", str(project.root), *new]) == 1
    assert "site_src/papers/known.yaml already has this paper" in capsys.readouterr().err
    project.add("by-hand", entry(**{"title": "Another Title", **by_hand}))
    assert main(["--root", str(project.root), "check"]) == 1
    assert "site_src/papers/by-hand.yaml" in capsys.readouterr().out


def test_import_skips_a_page_paper_whose_title_an_entry_has(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    _, papers = parse_page(SEED.read_text(encoding="utf-8"), 2025)
    project.add("already", entry(title=repr(papers[0].title.upper() + " .")))
    assert main(["--root", str(project.root), "import", "hf-page", str(SEED), "--year", "2025"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "skipped site_src/papers/already.yaml (already in the catalogue)"
    assert len(lines) == len(papers) and all(line.startswith("new ") for line in lines[1:])
