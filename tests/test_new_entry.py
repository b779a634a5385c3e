"""`new` scaffolds one entry that `check` accepts, from arXiv, BibTeX, flags or prompts, and never a duplicate."""

from __future__ import annotations

import argparse
import io
import re
import urllib.error
import urllib.request
from datetime import date
from email.message import Message
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.cli import build_parser, main
from generator.importer import arxiv
from generator.importer.arxiv import ArxivNotFound, http_get, parse_feed, requested_id
from generator.importer.bibtex_source import parse_bibtex
from generator.importer.draft import Draft, SourceError
from generator.importer.new_entry import tag_columns
from generator.load.yaml_strict import parse_yaml
from generator.model import Tag
from tests.conftest import Project, entry

FIXTURES = Path(__file__).parent / "fixtures"
BIBTEX = FIXTURES / "bibtex"


def recorded_feed(url: str) -> bytes:
    """Answer an arXiv API query from tests/fixtures/arxiv/, as the API answered it."""
    assert url.startswith(arxiv.API_URL + "?"), url
    (arxiv_id,) = parse_qs(urlsplit(url).query)["id_list"]
    return (FIXTURES / "arxiv" / f"{arxiv_id}.xml").read_bytes()


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Refuse real HTTP; `new --arxiv` reads the recorded responses instead. Returns the URLs asked for."""
    asked: list[str] = []

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("a test tried to use the network")

    def fetch(url: str) -> bytes:
        asked.append(url)
        return recorded_feed(url)

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    monkeypatch.setattr(arxiv, "http_get", fetch)
    return asked


def run(project: Project, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(project.root), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def written(project: Project) -> dict[str, dict[str, Any]]:
    return {p.name: parse_yaml(p.read_text(encoding="utf-8")).data for p in sorted(project.papers.glob("*.yaml"))}


def test_bibtex_entry_is_filled_and_passes_check(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(project, capsys, "new", "--bibtex", str(BIBTEX / "frequency-tuned.bib"))
    assert (code, err) == (
        0,
        "filled: title, authors, abstract, listed, published, doi, venue, tags, links\n"
        "suggested tag saliency: title mentions 'salient'\n"
        "suggested tag segmentation: abstract mentions 'segmentation'\n"
        "check the suggested tags and edit the file if they are wrong\n",
    )
    assert out == "site_src/papers/frequency-tuned-salient-region-detection.yaml\n"
    text = (project.root / out.strip()).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/paper.schema.json\n")
    data = parse_yaml(text).data
    assert data.pop("abstract").startswith(
        "Detection of visually salient image regions is useful for applications like object"
    )
    assert data == {
        "title": "Frequency-tuned Salient Region Detection",
        "authors": ["Radhakrishna Achanta", "Sheila Hemami", "Francisco Estrada", "Sabine Süsstrunk"],
        "listed": date.today().isoformat(),
        "published": "2009-06-01",
        "doi": "10.1109/CVPR.2009.5206596",
        "venue": "2009 IEEE Conference on Computer Vision and Pattern Recognition",
        "tags": ["saliency", "segmentation"],
        "links": {"paper": "https://ieeexplore.ieee.org/document/5206596"},
    }
    assert run(project, capsys, "check") == (0, "", "checked 1 entry file(s): 1 valid, 0 error(s), 0 warning(s)\n")


def test_arxiv_entry_is_filled_from_the_recorded_response(
    project: Project, capsys: pytest.CaptureFixture[str], offline: list[str]
) -> None:
    code, out, err = run(project, capsys, "new", "--arxiv", "arXiv:2005.09007")
    assert (code, out) == (0, "site_src/papers/u-2-net.yaml\n")
    assert err.startswith("filled: title, short_name, authors, abstract, listed, published, arxiv, doi, venue, tags")
    assert "suggested tag saliency: title mentions 'salient'\n" in err
    assert offline == ["https://export.arxiv.org/api/query?id_list=2005.09007"]
    data = written(project)["u-2-net.yaml"]
    assert data.pop("abstract").endswith(
        "on six SOD datasets. The code is available: https://github.com/NathanUA/U-2-Net."
    )
    assert data == {
        "title": "U$^2$-Net: Going Deeper with Nested U-Structure for Salient Object Detection",
        "short_name": "U$^2$-Net",
        "authors": [
            "Xuebin Qin",
            "Zichen Zhang",
            "Chenyang Huang",
            "Masood Dehghan",
            "Osmar R. Zaiane",
            "Martin Jagersand",
        ],
        "listed": date.today().isoformat(),
        "published": "2020-05-18",
        "arxiv": "2005.09007",
        "doi": "10.1016/j.patcog.2020.107404",
        "venue": "Pattern Recognition 106 (2020) 107404",
        "tags": ["saliency"],
        "links": {"code": "https://github.com/NathanUA/U-2-Net"},
    }
    assert run(project, capsys, "check")[0] == 0


def test_no_suggested_tag_is_an_error_naming_the_flag(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(project, capsys, "new", "--arxiv", "1706.03762")
    assert (code, out) == (1, "")
    assert err == (
        "error: no tag of site_src/tags.yaml matches the title or abstract; choose one or more with --tag KEY "
        "(one of: saliency, segmentation, vision)\n"
    )
    assert written(project) == {}


def test_tag_flag_completes_an_arxiv_entry(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        project, capsys, "new", "--arxiv", "1706.03762", "--tag", "vision", "--short-name", "Transformer"
    )
    assert (code, out) == (0, "site_src/papers/transformer.yaml\n")
    data = written(project)["transformer.yaml"]
    assert (data["title"], data["tags"], data["arxiv"], data["published"]) == (
        "Attention Is All You Need",
        ["vision"],
        "1706.03762",
        "2017-06-12",
    )
    assert data["authors"][6] == "Lukasz Kaiser"
    assert "links" not in data and "doi" not in data and "venue" not in data
    assert run(project, capsys, "check")[0] == 0


def test_arxiv_not_found_is_a_clear_error(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, capsys, "new", "--arxiv", "2312.99999", "--tag", "vision") == (
        1,
        "",
        "error: arXiv has no paper 2312.99999; check the id on https://arxiv.org/abs/2312.99999\n",
    )
    assert written(project) == {}


@pytest.mark.parametrize("arxiv_id", ["1706.3762", "1501.0001"])
def test_malformed_arxiv_id_is_refused_before_asking_arxiv(
    project: Project, capsys: pytest.CaptureFixture[str], offline: list[str], arxiv_id: str
) -> None:
    code, _, err = run(project, capsys, "new", "--arxiv", arxiv_id)
    assert code == 1
    assert err.startswith(f"error: malformed arXiv id '{arxiv_id}'; expected e.g. '2401.02412'")
    assert offline == []


@pytest.mark.parametrize(
    ("existing", "args", "label"),
    [
        (entry(arxiv='"1706.03762v5"'), ["--arxiv", "1706.03762", "--tag", "vision"], "same arXiv id: 1706.03762"),
        (
            entry(doi='"10.1109/cvpr.2009.5206596"'),
            ["--bibtex", str(BIBTEX / "frequency-tuned.bib")],
            "same DOI: 10.1109/CVPR.2009.5206596",
        ),
        (
            entry(title="Frequency-Tuned Salient Region Detection."),
            ["--bibtex", str(BIBTEX / "frequency-tuned.bib")],
            "same title: Frequency-tuned Salient Region Detection",
        ),
        (
            entry(title="Attention is all you need"),
            ["--title", "Attention Is All You Need!"],
            "same title: Attention Is All You Need!",
        ),
    ],
    ids=["arxiv-version", "doi-case", "normalised-title", "title-before-prompting"],
)
def test_paper_already_in_catalogue_is_refused(
    project: Project, capsys: pytest.CaptureFixture[str], existing: str, args: list[str], label: str
) -> None:
    project.add("known", existing)
    before = written(project)
    code, out, err = run(project, capsys, "new", *args)
    assert (code, out) == (1, "")
    assert err == (
        f"error: site_src/papers/known.yaml already has this paper ({label}); edit that entry instead. "
        "Nothing was written.\n"
    )
    assert written(project) == before


def test_missing_required_field_without_a_terminal_is_an_error(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(project, capsys, "new", "--bibtex", str(BIBTEX / "attention-scholar.bib"), "--tag", "vision")
    assert (code, out, err) == (1, "", "error: missing required field 'abstract': pass --abstract TEXT\n")
    assert written(project) == {}


class Terminal(io.StringIO):
    """Standard input that claims to be a terminal, with the user's answers typed in."""

    def isatty(self) -> bool:
        return True


def test_prompts_for_missing_fields_on_a_terminal(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", Terminal("Dense Prediction Made Simple\nWe study images.\nsegmentation vision\n"))
    code, out, err = run(project, capsys, "new", "--code", "https://github.com/example/dense")
    assert (code, err) == (0, "filled: title, abstract, listed, tags, links\n")
    assert out == (
        "Title: Abstract: saliency  Saliency           segmentation  Segmentation   vision  Computer vision\n"
        "Tags (keys from the list above, separated by spaces): "
        "site_src/papers/dense-prediction-made-simple.yaml\n"
    )
    data = written(project)["dense-prediction-made-simple.yaml"]
    assert (data["title"], data["abstract"], data["tags"], data["links"]) == (
        "Dense Prediction Made Simple",
        "We study images.",
        ["segmentation", "vision"],
        {"code": "https://github.com/example/dense"},
    )


def test_the_tag_prompt_asks_again_after_an_empty_or_unknown_answer(
    project: Project, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = "Dense Prediction Made Simple\nWe study images.\n\nsaliancy vision\nsaliency vision\n"
    monkeypatch.setattr("sys.stdin", Terminal(answers))
    code, out, _ = run(project, capsys, "new")
    assert code == 0
    assert out.splitlines()[1:] == [
        "Tags (keys from the list above, separated by spaces): at least one tag is needed. Tags: "
        "'saliancy' is not a tag (did you mean 'saliency'?). Tags: site_src/papers/dense-prediction-made-simple.yaml"
    ]
    assert written(project)["dense-prediction-made-simple.yaml"]["tags"] == ["saliency", "vision"]


def test_tag_columns_fill_down_then_across() -> None:
    tags = {key: Tag(key, key.upper(), "d") for key in ("a", "b", "c", "d", "e")}
    assert tag_columns(tags, width=20) == "a  A   d  D\nb  B   e  E\nc  C"


def test_every_field_has_a_flag(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        project,
        capsys,
        "new",
        "--title", "Dense Prediction Made Simple",
        "--abstract", "We study images.",
        "--author", "Ada Lovelace",
        "--short-name", "DPMS",
        "--listed", "2024-02-03",
        "--published", "2024-01-30",
        "--arxiv-id", "arXiv:2401.02412v2",
        "--doi", "10.1109/CVPR.2016.90",
        "--venue", "CVPR 2024",
        "--tag", "vision",
        "--link", "demo=https://example.org/demo",
        "--link", "data=https://example.org/data",
        "--code", "https://github.com/example/dense",
    )  # fmt: skip
    assert (code, out) == (0, "site_src/papers/dpms.yaml\n")
    assert err == "filled: title, short_name, authors, abstract, listed, published, arxiv, doi, venue, tags, links\n"
    data = written(project)["dpms.yaml"]
    assert (data["listed"], data["arxiv"]) == ("2024-02-03", "2401.02412v2")
    assert data["links"] == {
        "code": "https://github.com/example/dense",
        "demo": "https://example.org/demo",
        "data": "https://example.org/data",
    }


def test_a_link_flag_names_its_kinds(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(project, capsys, "new", "--link", "slides=https://example.org")
    assert (
        "expected KIND=URL with KIND one of code, project, demo, video, package, data, paper" in capsys.readouterr().err
    )


def test_every_flag_of_new_has_help_and_new_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    new = commands.choices["new"]
    assert [a.dest for a in new._actions if not a.help] == []
    assert new.description and new.epilog and "examples:" in new.epilog


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--published", "2023-02-30"], "  published: impossible date '2023-02-30': February 2023 has 28 days"),
        (
            ["--tag", "saliancy"],
            "  tags[0]: unknown tag 'saliancy' (did you mean 'saliency'?); "
            "use a key of site_src/tags.yaml or add the tag there",
        ),
        (
            ["--code", "http://github.com/x/y"],
            "  links.code: expected an https:// URL, got 'http://github.com/x/y'; change http:// to https://",
        ),
    ],
    ids=["impossible-date", "unknown-tag", "http-link"],
)
def test_entry_that_would_fail_check_is_not_written(
    project: Project, capsys: pytest.CaptureFixture[str], flags: list[str], message: str
) -> None:
    args = ["new", "--title", "Salient Things", "--abstract", "About salient things.", *flags]
    code, out, err = run(project, capsys, *args)
    assert (code, out) == (1, "")
    assert err == f"error: the new entry would not pass check, so nothing was written:\n{message}\n"
    assert written(project) == {}


def test_flags_override_the_source(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        "--bibtex",
        str(BIBTEX / "frequency-tuned.bib"),
        "--venue",
        "CVPR 2009",
        "--tag",
        "saliency",
        "--author",
        "R. Achanta",
        "--project",
        "https://example.org/ft",
    ]
    code, out, _ = run(project, capsys, "new", *args)
    assert code == 0
    data = written(project)[Path(out.strip()).name]
    assert (data["venue"], data["tags"], data["authors"]) == ("CVPR 2009", ["saliency"], ["R. Achanta"])
    assert data["links"] == {
        "paper": "https://ieeexplore.ieee.org/document/5206596",
        "project": "https://example.org/ft",
    }


def test_unreadable_bibtex_file_is_named(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, capsys, "new", "--bibtex", "missing.bib") == (
        1,
        "",
        "error: missing.bib: No such file or directory\n",
    )


# The parsers on their own: pure functions of the recorded text.


def test_bibtex_names_accents_and_braces_become_plain_text() -> None:
    draft = parse_bibtex(r"""
        @article{key,
          title = {{GCoNet+}: A Stronger {Group} Collaborative \emph{Co-Salient} Object Detector},
          author = {M{\"u}ller, J{\'e}r{\^o}me and van der Berg, Jan and Smith, Jr., John and Jos\'e Garc\'{\i}a
                    and {Barnes and Noble} and Kaiser, {\L}ukasz and others},
          journal = {IEEE Transactions on Pattern Analysis and Machine Intelligence},
          date = {2023-09-14},
          doi = {https://doi.org/10.1109/TPAMI.2023.3264571},
        }""")
    assert draft.title == "GCoNet+: A Stronger Group Collaborative Co-Salient Object Detector"
    assert draft.authors == (
        "Jérôme Müller",
        "Jan van der Berg",
        "John Smith Jr.",
        "José García",
        "Barnes and Noble",
        "Łukasz Kaiser",
    )
    assert (draft.published, draft.doi) == ("2023-09-14", "10.1109/TPAMI.2023.3264571")
    assert draft.venue == "IEEE Transactions on Pattern Analysis and Machine Intelligence"


@pytest.mark.parametrize(
    ("fields", "published"),
    [
        ("year = 2019, month = jun", "2019-06-01"),
        ("year = {2019}, month = {June}, day = {16}", "2019-06-16"),
        ("year = 2019, month = {6}", "2019-06-01"),
        ("year = 2019", ""),
        ("date = {2019-06}", "2019-06-01"),
    ],
)
def test_bibtex_dates(fields: str, published: str) -> None:
    assert parse_bibtex(f"@misc{{k, title = {{T}}, {fields}}}").published == published


@pytest.mark.parametrize(
    ("fields", "arxiv_id", "venue"),
    [
        ("eprint = {1706.03762}, archivePrefix = {arXiv}", "1706.03762", ""),
        (
            "journal = {CoRR}, volume = {abs/1706.03762}, eprinttype = {arXiv}, eprint = {1706.03762v2}",
            "1706.03762v2",
            "",
        ),
        ("journal = {arXiv preprint arXiv:1706.03762}", "1706.03762", ""),
        ("url = {https://arxiv.org/abs/cs/0112017}, booktitle = {NeurIPS}", "cs/0112017", "NeurIPS"),
        ("eprint = {hep-th/9901001}", "hep-th/9901001", ""),
        ("eprint = {12345}, eprinttype = {pubmed}, journal = {Nature}", "", "Nature"),
    ],
)
def test_bibtex_arxiv_ids(fields: str, arxiv_id: str, venue: str) -> None:
    draft = parse_bibtex(f"@article{{k, title = {{T}}, {fields}}}")
    assert (draft.arxiv, draft.venue, draft.links) == (arxiv_id, venue, {})


def test_bibtex_url_kinds() -> None:
    def url_links(url: str) -> dict[str, str]:
        return parse_bibtex(f"@misc{{k, title = {{T}}, url = {{{url}}}}}").links

    assert url_links("https://github.com/owner/repo_name") == {"code": "https://github.com/owner/repo_name"}
    assert url_links("https://openaccess.thecvf.com/paper%20x.pdf") == {
        "paper": "https://openaccess.thecvf.com/paper%20x.pdf"
    }
    assert url_links("http://example.org/insecure") == {}
    assert parse_bibtex("@misc{k, title = {T}, url = {https://doi.org/10.1000/xyz}}").doi == "10.1000/xyz"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "expected exactly one BibTeX entry such as @article{key, ...}, found no entry"),
        (
            "@misc{a, title={A}}\n@misc{b, title={B}}",
            "expected exactly one BibTeX entry such as @article{key, ...}, found 2 entries (a, b)",
        ),
        ("@misc{a, title={A}, title={B}}", "line 1: not valid BibTeX (Duplicate field keys on entry: 'title'."),
        ("@misc{a, eprint={not-an-id}, archivePrefix={arXiv}}", "eprint: malformed arXiv id 'not-an-id'"),
    ],
    ids=["empty", "two-entries", "duplicate-field", "bad-eprint"],
)
def test_bibtex_errors(text: str, message: str) -> None:
    with pytest.raises(SourceError) as raised:
        parse_bibtex(text)
    assert str(raised.value).startswith(message)


def test_feed_for_another_paper_is_refused() -> None:
    with pytest.raises(SourceError, match=re.escape("asked arXiv for 2005.09007 but the feed describes 1706.03762v7")):
        parse_feed((FIXTURES / "arxiv" / "1706.03762.xml").read_bytes(), "2005.09007")


def test_answer_that_is_not_xml_is_refused() -> None:
    with pytest.raises(SourceError, match="not an Atom feed"):
        parse_feed(b"<html><body>Service Unavailable", "1706.03762")


def test_api_error_entry_is_not_found_with_the_api_reason() -> None:
    """The API answers an id it rejects with an entry titled Error: that must not become a paper."""
    with pytest.raises(ArxivNotFound) as raised:
        parse_feed((FIXTURES / "arxiv" / "1501.0001.xml").read_bytes(), "1501.0001")
    assert str(raised.value) == "arXiv has no paper 1501.0001: the API says 'incorrect id format for 1501.0001'"


@pytest.mark.parametrize(
    "text",
    ["1706.03762", "arXiv:1706.03762", "https://arxiv.org/abs/1706.03762", "http://arxiv.org/pdf/1706.03762.pdf"],
)
def test_requested_id_accepts_common_spellings(text: str) -> None:
    assert requested_id(text) == "1706.03762"


def test_draft_override_keeps_unknown_fields_and_merges_links() -> None:
    source = Draft(title="A", venue="V", links={"paper": "https://a.org", "code": "https://github.com/a/b"})
    merged = source.overridden_by(Draft(title="B", links={"code": "https://github.com/c/d"}))
    assert merged == Draft(title="B", venue="V", links={"paper": "https://a.org", "code": "https://github.com/c/d"})


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (
            urllib.error.HTTPError("u", 503, "Service Unavailable", Message(), None),
            "export.arxiv.org did not answer after 4 attempts (last: HTTP 503); try again later; or use --bibtex",
        ),
        (
            urllib.error.URLError("Name or service not known"),
            "could not reach export.arxiv.org (<urlopen error Name or service not known>); check the connection; "
            "or use --bibtex",
        ),
    ],
)
def test_http_get_turns_failures_into_source_errors(
    monkeypatch: pytest.MonkeyPatch, error: Exception, message: str
) -> None:
    def refuse(request: urllib.request.Request, timeout: float) -> None:
        assert timeout == arxiv.TIMEOUT
        raise error

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    slept: list[float] = []
    with pytest.raises(SourceError) as raised:
        http_get("https://export.arxiv.org/api/query?id_list=1", sleep=slept.append)  # the real one, unpatched
    assert str(raised.value) == message
    assert slept == ([5.0, 10.0, 20.0] if "HTTP 503" in message else [])  # a busy server is asked again
