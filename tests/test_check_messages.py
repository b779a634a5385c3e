"""`check` names the file, line and column of each typical mistake, and says how to fix it."""

from __future__ import annotations

import pytest

from generator.cli import main
from tests.conftest import Project, entry


def run_check(project: Project, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, list[str]]:
    code = main(["--root", str(project.root), "check", *flags])
    return code, capsys.readouterr().out.splitlines()


def test_valid_catalogue_passes(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.add("a-study", entry())
    project.add("another-study", entry(title="Segmenting Salient Things"))
    assert run_check(project, capsys) == (0, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            entry(listed='"2023-02-30"'),
            "site_src/papers/bad.yaml:3:9: error: listed: impossible date '2023-02-30': February 2023 has 28 days",
        ),
        (
            entry(tags="[saliancy]"),
            "site_src/papers/bad.yaml:4:8: error: tags[0]: unknown tag 'saliancy' (did you mean 'saliency'?); "
            "use a key of site_src/tags.yaml or add the tag there",
        ),
        (
            entry(venu="CVPR 2023"),
            "site_src/papers/bad.yaml:5:1: error: unknown field 'venu' (did you mean 'venue'?); allowed fields: "
            "title, abstract, listed, tags, short_name, authors, published, arxiv, doi, venue, links",
        ),
        (
            entry(tags="saliency"),
            "site_src/papers/bad.yaml:4:7: error: tags: expected a list, got the text 'saliency'; "
            "write it as a list, e.g. `tags: [saliency, vision-transformers]`",
        ),
        (
            entry(links="\n  code: http://github.com/x/y"),
            "site_src/papers/bad.yaml:6:9: error: links.code: expected an https:// URL, got 'http://github.com/x/y'; "
            "change http:// to https://",
        ),
        (
            "title: First\n" + entry(),
            "site_src/papers/bad.yaml:2:1: error: duplicate key 'title' (first defined on line 1); keep one of them",
        ),
    ],
    ids=["impossible-date", "misspelt-tag", "unknown-field", "tags-as-string", "http-url", "duplicate-key"],
)
def test_typical_mistake_is_reported_exactly(
    project: Project, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    project.add("bad", text)
    project.add("good", entry(title="Segmenting Salient Things"))
    code, lines = run_check(project, capsys)
    assert code == 1
    assert lines == [expected]


def test_every_problem_in_one_pass(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.add("one", entry(listed='"2025-13-01"', tags="[saliancy]"))
    project.add("two", entry(title="Other", links="\n  cod: https://github.com/x/y"))
    project.add("three", "title: [not, text]\n")
    code, lines = run_check(project, capsys)
    assert code == 1
    assert lines == [
        "site_src/papers/one.yaml:3:9: error: listed: impossible date '2025-13-01': there is no month 13",
        "site_src/papers/one.yaml:4:8: error: tags[0]: unknown tag 'saliancy' (did you mean 'saliency'?); "
        "use a key of site_src/tags.yaml or add the tag there",
        "site_src/papers/three.yaml:1:1: error: missing required field 'abstract'; add a line such as `abstract: >-`",
        "site_src/papers/three.yaml:1:1: error: missing required field 'listed'; add a line such as "
        '`listed: "2025-03-12"`',
        "site_src/papers/three.yaml:1:1: error: missing required field 'tags'; add a line such as "
        "`tags: [saliency, vision-transformers]`",
        "site_src/papers/three.yaml:1:8: error: title: expected text, got a list",
        "site_src/papers/two.yaml:6:3: error: links: unknown kind 'cod' (did you mean 'code'?); expected one of: "
        "code, project, demo, video, package, data, paper",
    ]


def test_duplicates_by_arxiv_doi_and_title(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.add("a", entry(arxiv='"2401.02412"', doi="10.1000/xyz"))
    project.add("b", entry(title="Something Else", arxiv='"2401.02412v2"'))
    project.add("c", entry(title="Third", doi="10.1000/XYZ"))
    project.add("d", entry(title="a study of SALIENCY!"))
    code, lines = run_check(project, capsys)
    assert code == 1
    assert lines == [
        "site_src/papers/b.yaml:5:8: error: arxiv: same arXiv id as site_src/papers/a.yaml; "
        "this paper is already in the catalogue, so edit that entry instead",
        "site_src/papers/c.yaml:5:6: error: doi: same DOI as site_src/papers/a.yaml; "
        "this paper is already in the catalogue, so edit that entry instead",
        "site_src/papers/d.yaml:1:8: error: title: same title as site_src/papers/a.yaml; "
        "this paper is already in the catalogue, so edit that entry instead",
    ]


def test_near_identical_title_is_a_warning_that_strict_makes_fatal(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    project.add("a", entry(title="Vision Transformers for Dense Prediction"))
    project.add("b", entry(title="Vision Transformer for Dense Predictions"))
    expected = [
        "site_src/papers/b.yaml:1:8: warning: title: nearly the same title as site_src/papers/a.yaml; "
        "if it is the same paper, keep one entry"
    ]
    assert run_check(project, capsys) == (0, expected)
    assert run_check(project, capsys, "--strict") == (1, expected)


def test_github_annotations(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    project.add("bad", entry(tags="[saliancy]"))
    code, lines = run_check(project, capsys)
    assert code == 1
    assert lines[1] == (
        "::error file=site_src/papers/bad.yaml,line=4,col=8::tags[0]: unknown tag 'saliancy' "
        "(did you mean 'saliency'?); use a key of site_src/tags.yaml or add the tag there"
    )
