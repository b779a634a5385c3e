"""`resolve` fills what arXiv and Crossref know for sure, refuses what they don't, and never changes a person's value.

Every answer comes from tests/fixtures/resolve/, written by hand in the APIs' documented formats (the arXiv
Atom feed, Crossref's `work-list` JSON); some of the papers in them are made up to make a case.
"""

from __future__ import annotations

import functools
import io
import itertools
import urllib.request
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import pytest

from generator.cli import main
from generator.load.yaml_strict import parse_yaml
from generator.resolve import arxiv_api, crossref_api, sources
from generator.resolve.http import PoliteClient, Response, ServiceUnavailable
from generator.resolve.matching import (
    NEAR_TITLE,
    Candidate,
    Known,
    Status,
    match_arxiv,
    match_crossref,
    title_refusal,
    title_similarity,
)
from generator.resolve.merge import MergeError, additions, with_fields
from generator.resolve.progress import ProgressBar
from generator.resolve.report import contact_problem, entry_lines
from generator.resolve.resolver import Resolution
from tests.conftest import Project

FIXTURES = Path(__file__).parent / "fixtures" / "resolve"
CONTACT = "catalogue@lab.example-university.edu"


class Clock:
    """Fake time: only sleeping moves it, and every sleep is recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


Answer = Response | type[TimeoutError]


class Recorded:
    """A transport that answers each address from a queue of recorded answers; the last one repeats."""

    def __init__(self, clock: Clock, answers: Mapping[str, list[Answer]]) -> None:
        self.clock = clock
        self.answers = {url: list(queue) for url, queue in answers.items()}
        self.asked: list[tuple[float, str, dict[str, str]]] = []

    def __call__(self, url: str, headers: Mapping[str, str], timeout: float) -> Response:
        self.asked.append((self.clock.now, url, dict(headers)))
        queue = self.answers.get(url)
        assert queue, f"no recorded answer for {url}"
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        if answer is TimeoutError:
            raise TimeoutError("timed out")
        assert isinstance(answer, Response)
        return answer


def ok(name: str) -> Response:
    return Response(200, (FIXTURES / name).read_bytes())


def arxiv_search(title: str) -> str:
    return arxiv_api.search_url(title)


def crossref_search(title: str) -> str:
    return crossref_api.search_url(title, CONTACT)


def records(name: str) -> list[arxiv_api.ArxivRecord]:
    return arxiv_api.parse_records((FIXTURES / name).read_bytes())


def works(name: str) -> list[crossref_api.CrossrefWork]:
    return crossref_api.parse_works((FIXTURES / name).read_bytes())


# --- reading the answers -------------------------------------------------------------------------


def test_arxiv_feed_gives_unversioned_ids_one_line_titles_and_first_version_dates() -> None:
    calm = records("arxiv-calm.xml")
    assert [(r.arxiv_id, r.title, r.first_version) for r in calm] == [
        ("2401.02412", "LLM Augmented LLMs: Expanding Capabilities through Composition", date(2024, 1, 4))
    ]
    assert calm[0].authors[:2] == ("Rachit Bansal", "Bidisha Samanta") and len(calm[0].authors) == 9
    survey = records("arxiv-knowledge-distillation.xml")[0]
    assert (survey.doi, survey.journal_ref) == (
        "10.1007/s11263-021-01453-z",
        "International Journal of Computer Vision (2021)",
    )
    assert records("arxiv-nothing.xml") == []


def test_crossref_works_keep_the_first_title_and_container_and_read_partial_dates() -> None:
    first = works("crossref-resnet.json")[0]
    assert first == crossref_api.CrossrefWork(
        doi="10.1109/CVPR.2016.90",
        title="Deep Residual Learning for Image Recognition",
        venue="2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)",
        issued=date(2016, 6, 1),
        kind="proceedings-article",
    )


def test_garbled_answers_are_errors_not_empty_results() -> None:
    with pytest.raises(arxiv_api.FeedError):
        arxiv_api.parse_records(b"<html>rate limited</html")
    with pytest.raises(crossref_api.WorksError):
        crossref_api.parse_works(b'{"status": "failed"}')


def test_search_addresses_quote_the_title_words_and_name_the_contact() -> None:
    assert arxiv_search("LLM Augmented LLMs: Expanding Capabilities") == (
        "https://export.arxiv.org/api/query?search_query=ti%3A%22LLM+Augmented+LLMs+Expanding+Capabilities%22"
        "&start=0&max_results=5"
    )
    assert f"mailto={CONTACT.replace('@', '%40')}" in crossref_search("A title")
    assert "mailto" not in crossref_api.cache_key("A title").split("mailto=")[1]


# --- matching ---------------------------------------------------------------------------------------


def test_exact_title_with_agreeing_dates_matches() -> None:
    verdict = match_arxiv(
        Known("LLM augmented LLMs - expanding capabilities through composition", date(2025, 3, 12)),
        records("arxiv-calm.xml"),
    )
    assert verdict.status is Status.MATCHED and verdict.record is not None
    assert verdict.record.arxiv_id == "2401.02412"


def test_nearly_equal_title_matches_but_a_different_word_does_not() -> None:
    assert title_similarity("Visualizing Feature Transformation", "Visualising Feature Transformation") >= NEAR_TITLE
    assert title_similarity("Attention Is All You Need", "Attention Is Not All You Need") < NEAR_TITLE
    long = "YOLOv6: A Single-Stage Object Detection Framework for Industrial Applications"
    assert title_similarity(long, long.replace("v6", "v7")) >= NEAR_TITLE
    assert title_refusal(long, long.replace("v6", "v7"), NEAR_TITLE) == "title has other numbers"
    negated = "Language Models Are Few-Shot Learners in Every Domain of Natural Language Processing"
    assert title_refusal(negated, negated.replace("Are", "Are Not"), 0.96) == "title has 14 words, not 13"
    assert title_refusal("Visualizing Feature Transformation", "Visualising Feature Transformation", 0.96) == ""


def test_wrong_paper_with_a_similar_title_is_refused_with_its_candidates() -> None:
    verdict = match_arxiv(
        Known("Attention Is All You Need", date(2017, 6, 20)), records("arxiv-attention-lookalikes.xml")
    )
    assert (verdict.status, verdict.record) == (Status.AMBIGUOUS, None)
    assert [(c.label, c.refused) for c in verdict.candidates] == [
        ("arXiv 2406.11111", "title differs (similarity 0.93, needs 0.95)")
    ]


def test_wrong_paper_with_a_nearly_equal_title_from_after_the_listing_is_refused() -> None:
    verdict = match_arxiv(Known("Scaling Vision Transformers", date(2021, 6, 10)), records("arxiv-scaling-vit.xml"))
    assert verdict.status is Status.AMBIGUOUS and verdict.record is None
    (candidate,) = verdict.candidates
    assert candidate.similarity >= NEAR_TITLE
    assert candidate.refused == "first version 2023-11-16 is after the entry was listed (2021-06-10)"


def test_a_published_date_far_from_the_first_version_is_refused() -> None:
    known = Known("LLM Augmented LLMs: Expanding Capabilities through Composition", date(2025, 3, 12), date(2019, 5, 1))
    verdict = match_arxiv(known, records("arxiv-calm.xml"))
    assert verdict.status is Status.AMBIGUOUS
    assert "more than a year from published (2019-05-01)" in verdict.candidates[0].refused


def test_two_records_with_the_same_title_are_ambiguous() -> None:
    verdict = match_arxiv(
        Known("Knowledge Distillation: A Survey", date(2024, 1, 10)), records("arxiv-knowledge-distillation.xml")
    )
    assert (verdict.status, verdict.record) == (Status.AMBIGUOUS, None)
    assert [c.label for c in verdict.candidates] == ["arXiv 2006.05525", "arXiv 2305.17019"]
    assert {c.refused for c in verdict.candidates} == {"several records fit equally well"}


def test_the_survey_listed_before_the_second_one_existed_matches_the_first() -> None:
    verdict = match_arxiv(
        Known("Knowledge Distillation: A Survey", date(2021, 1, 10)), records("arxiv-knowledge-distillation.xml")
    )
    assert verdict.record is not None and verdict.record.arxiv_id == "2006.05525"


def test_no_similar_title_is_not_found() -> None:
    verdict = match_arxiv(Known("Identity Mappings Everywhere", date(2025, 1, 1)), records("arxiv-resnet.xml"))
    assert (verdict.status, verdict.candidates) == (Status.NOT_FOUND, ())


def test_crossref_takes_the_version_of_record_not_preprints_or_far_dates() -> None:
    known = Known("Deep Residual Learning for Image Recognition", date(2016, 1, 5))
    verdict = match_crossref(known, date(2015, 12, 10), works("crossref-resnet.json"))
    assert verdict.record is not None and verdict.record.doi == "10.1109/CVPR.2016.90"
    far = match_crossref(
        Known("Attention Is All You Need", date(2017, 6, 20)), date(2017, 6, 12), works("crossref-attention.json")
    )
    assert far.record is None
    assert [c.refused for c in far.candidates] == ["issued 2023-03-01, too far from the paper's date 2017-06-12"]


def test_crossref_never_overrules_the_entrys_doi() -> None:
    known = Known("Deep Residual Learning for Image Recognition", date(2016, 1, 5), doi="10.1000/other")
    verdict = match_crossref(known, date(2015, 12, 10), works("crossref-resnet.json"))
    assert verdict.record is None and verdict.candidates[0].refused == "the entry's DOI is 10.1000/other"


# --- merging ----------------------------------------------------------------------------------------


ENTRY = """\
# yaml-language-server: $schema=../schema/paper.schema.json
title: Deep Residual Learning for Image Recognition  # as printed
authors: [K. He, X. Zhang]
abstract: >-
  Deeper neural networks are more difficult to train.

  We present a residual learning framework.
listed: "2016-01-05"
# tags chosen by a maintainer
tags: [vision]
"""


def test_additions_skip_every_field_the_entry_has() -> None:
    record = records("arxiv-resnet.xml")[0]
    data = parse_yaml(ENTRY).data
    assert additions(data, record, None) == {"published": "2015-12-10", "arxiv": "1512.03385"}
    assert "authors" not in additions(data, record, works("crossref-resnet.json")[0])


def test_fields_are_inserted_in_place_and_every_other_line_is_kept() -> None:
    added = {"published": "2015-12-10", "arxiv": "1512.03385", "doi": "10.1109/CVPR.2016.90", "venue": "CVPR 2016"}
    new = with_fields(ENTRY, added)
    assert new == ENTRY.replace(
        'listed: "2016-01-05"\n',
        'listed: "2016-01-05"\npublished: "2015-12-10"\narxiv: "1512.03385"\ndoi: "10.1109/CVPR.2016.90"\nvenue: CVPR 2016\n',
    )
    assert parse_yaml(new).data == {**parse_yaml(ENTRY).data, **added}


def test_insertion_follows_a_hand_ordered_file_and_keeps_crlf() -> None:
    text = 'tags: [vision]\r\nlisted: "2016-01-05"\r\ntitle: X\r\nabstract: An abstract long enough.'
    new = with_fields(text, {"authors": ["Ada Lovelace"], "published": "2015-12-10"})
    assert new == (
        'tags: [vision]\r\nlisted: "2016-01-05"\r\npublished: "2015-12-10"\r\ntitle: X\r\nauthors:\r\n- Ada Lovelace\r\n'
        "abstract: An abstract long enough.\r\n"
    )


def test_a_block_ending_in_a_comment_like_line_is_not_cut() -> None:
    text = 'title: X\nabstract: |\n  Text.\n  # not a comment: part of the abstract\nlisted: "2016-01-05"\n'
    new = with_fields(text, {"authors": ["Ada Lovelace"]})
    assert parse_yaml(new).data["abstract"] == "Text.\n# not a comment: part of the abstract\n"


def test_merge_refuses_rather_than_change_a_value() -> None:
    with pytest.raises(MergeError):
        with_fields("title: X\nlisted: '2016-01-05'\n", {"title": "Y"})


# --- the HTTP client --------------------------------------------------------------------------------

URL = "https://export.arxiv.org/api/query?id_list=1706.03762"


def client(clock: Clock, transport: Recorded) -> PoliteClient:
    return PoliteClient(
        user_agent="test (mailto:x@y.org)",
        intervals={"export.arxiv.org": 3.0},
        transport=transport,
        clock=clock.time,
        sleep=clock.sleep,
    )


def test_429_is_retried_after_the_servers_delay_then_succeeds() -> None:
    clock = Clock()
    transport = Recorded(clock, {URL: [Response(429, b"", {"retry-after": "7"}), ok("arxiv-id-1706.03762.xml")]})
    body = client(clock, transport).get(URL)
    assert records_from(body) == ["1706.03762"]
    assert clock.sleeps == [7.0] and len(transport.asked) == 2


def test_429_every_time_gives_up_after_backing_off() -> None:
    clock = Clock()
    transport = Recorded(clock, {URL: [Response(429, b"")]})
    with pytest.raises(ServiceUnavailable, match=r"did not answer after 4 attempts \(last: HTTP 429\)"):
        client(clock, transport).get(URL)
    assert clock.sleeps == [5.0, 10.0, 20.0] and len(transport.asked) == 4


def test_timeout_is_retried_then_succeeds_and_server_errors_too() -> None:
    clock = Clock()
    answers: list[Answer] = [TimeoutError, Response(503, b""), ok("arxiv-id-1706.03762.xml")]
    transport = Recorded(clock, {URL: answers})
    assert records_from(client(clock, transport).get(URL)) == ["1706.03762"]
    assert clock.sleeps == [5.0, 10.0]


def test_timeout_every_time_gives_up_with_the_reason() -> None:
    clock = Clock()
    with pytest.raises(ServiceUnavailable, match=r"last: no answer within 30 s"):
        client(clock, Recorded(clock, {URL: [TimeoutError]})).get(URL)


def test_other_client_errors_are_not_retried() -> None:
    clock = Clock()
    transport = Recorded(clock, {URL: [Response(400, b"")]})
    with pytest.raises(ServiceUnavailable, match="answered HTTP 400"):
        client(clock, transport).get(URL)
    assert len(transport.asked) == 1 and clock.sleeps == []


def test_requests_to_one_host_are_three_seconds_apart() -> None:
    clock = Clock()
    transport = Recorded(clock, {URL: [ok("arxiv-id-1706.03762.xml")]})
    polite = client(clock, transport)
    for _ in range(3):
        polite.get(URL)
        clock.now += 0.5  # the caller's own work between requests counts toward the interval
    times = [when for when, _, _ in transport.asked]
    assert [round(b - a, 6) for a, b in itertools.pairwise(times)] == [3.0, 3.0]


def records_from(body: bytes) -> list[str]:
    return [r.arxiv_id for r in arxiv_api.parse_records(body)]


# --- the command, on a recorded catalogue --------------------------------------------------------

CATALOGUE = {
    "calm": """\
        # pasted from the Hugging Face page of Mar 12
        title: "LLM Augmented LLMs: Expanding Capabilities through Composition"
        abstract: We compose an anchor model with augmenting models to segment new skills.
        listed: "2025-03-12"
        tags: [segmentation]  # a maintainer's choice
        """,
    "resnet": """\
        title: Deep Residual Learning for Image Recognition
        authors: [K. He, X. Zhang, S. Ren, J. Sun]
        abstract: Deeper neural networks are more difficult to train; residual learning eases segmentation.
        listed: "2016-01-05"
        tags: [segmentation]
        """,
    "attention": """\
        title: Attention Is All You Need
        abstract: The dominant sequence transduction models are based on salient recurrent networks.
        listed: "2017-06-20"
        venue: NIPS 2017
        tags: [saliency]
        """,
    "scaling-vit": """\
        title: Scaling Vision Transformers
        abstract: We scale vision transformers up and down for salient results.
        listed: "2021-06-10"
        tags: [saliency]
        """,
    "knowledge-distillation": """\
        title: "Knowledge Distillation: A Survey"
        abstract: A survey of knowledge distillation for salient models.
        listed: "2024-01-10"
        tags: [saliency]
        """,
    "nothing": """\
        title: A Catalogue Entry Nobody Ever Published
        abstract: An entry that arXiv has never heard of, about saliency.
        listed: "2024-01-10"
        tags: [saliency]
        """,
    "complete": """\
        title: Frequency-tuned Salient Region Detection
        authors: [Radhakrishna Achanta]
        abstract: Detection of visually salient image regions is useful.
        listed: "2024-01-10"
        published: "2009-06-01"
        arxiv: "0906.0001"
        doi: 10.1109/CVPR.2009.5206596
        venue: CVPR 2009
        tags: [saliency]
        """,
}

ANSWERS: dict[str, list[Answer]] = {
    arxiv_search("LLM Augmented LLMs: Expanding Capabilities through Composition"): [ok("arxiv-calm.xml")],
    crossref_search("LLM Augmented LLMs: Expanding Capabilities through Composition"): [ok("crossref-calm.json")],
    arxiv_search("Deep Residual Learning for Image Recognition"): [ok("arxiv-resnet.xml")],
    crossref_search("Deep Residual Learning for Image Recognition"): [ok("crossref-resnet.json")],
    arxiv_search("Attention Is All You Need"): [ok("arxiv-attention-lookalikes.xml")],
    arxiv_search("Scaling Vision Transformers"): [ok("arxiv-scaling-vit.xml")],
    arxiv_search("Knowledge Distillation: A Survey"): [ok("arxiv-knowledge-distillation.xml")],
    arxiv_search("A Catalogue Entry Nobody Ever Published"): [ok("arxiv-nothing.xml")],
}


@pytest.fixture
def catalogue(project: Project, monkeypatch: pytest.MonkeyPatch) -> Project:
    """The recorded catalogue, a contact address in mkdocs.yml, and no way to reach the network."""
    for slug, text in CATALOGUE.items():
        project.add(slug, text)
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("catalogue-maintainers@paper-catalogue.invalid", CONTACT),
        encoding="utf-8",
    )

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("a test tried to use the network")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    return project


def answered_by(monkeypatch: pytest.MonkeyPatch, answers: Mapping[str, list[Answer]]) -> tuple[Clock, Recorded]:
    """Make `resolve` ask `answers` through the real client, on fake time."""
    clock = Clock()
    transport = Recorded(clock, answers)
    factory = functools.partial(sources.web_sources, transport=transport, clock=clock.time, sleep=clock.sleep)
    monkeypatch.setattr(sources, "web_sources", factory)
    return clock, transport


def run(project: Project, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(project.root), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def entries(project: Project) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(project.papers.glob("*.yaml"))}


def test_resolve_prints_a_diff_and_writes_nothing_without_write(
    catalogue: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = entries(catalogue)
    answered_by(monkeypatch, ANSWERS)
    code, out, err = run(catalogue, capsys, "resolve")
    assert code == 0 and entries(catalogue) == before
    assert out.count("\n--- a/") + out.startswith("--- a/") == 2
    assert "+++ b/site_src/papers/calm.yaml\n" in out and '+arxiv: "2401.02412"\n' in out
    assert "would change 2 file(s) (run with --write to write them)" in err


def test_resolve_write_fills_exact_matches_refuses_the_rest_and_keeps_what_people_set(
    catalogue: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = entries(catalogue)
    _, transport = answered_by(monkeypatch, ANSWERS)
    code, _, err = run(catalogue, capsys, "resolve", "--write")
    assert code == 0
    after = entries(catalogue)
    calm = parse_yaml(after["calm"]).data
    assert (calm["arxiv"], calm["published"], len(calm["authors"])) == ("2401.02412", "2024-01-04", 9)
    assert "doi" not in calm and "venue" not in calm  # Crossref knows no version of record
    assert after["calm"].startswith("# pasted from the Hugging Face page of Mar 12\n")
    assert "tags: [segmentation]  # a maintainer's choice\n" in after["calm"]
    resnet = parse_yaml(after["resnet"]).data
    assert resnet["authors"] == ["K. He", "X. Zhang", "S. Ren", "J. Sun"]  # a person's spelling stays
    assert (resnet["arxiv"], resnet["doi"]) == ("1512.03385", "10.1109/CVPR.2016.90")
    assert resnet["venue"] == "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)"
    for slug in ("attention", "scaling-vit", "knowledge-distillation", "nothing", "complete"):
        assert after[slug] == before[slug], slug
    assert "site_src/papers/knowledge-distillation.yaml: ambiguous, nothing added; the candidates:" in err
    assert "site_src/papers/nothing.yaml: not found on arXiv, nothing added" in err
    assert "first version 2023-11-16 is after the entry was listed (2021-06-10)" in err
    assert (
        "resolved 7 entries: 2 matched, 3 ambiguous, 1 not found, 1 complete; 8 request(s) sent; wrote 2 file(s)" in err
    )
    arxiv_times = [when for when, url, _ in transport.asked if "arxiv" in url]
    assert len(arxiv_times) == 6 and all(b - a >= 3.0 for a, b in itertools.pairwise(arxiv_times))
    assert all(CONTACT in headers["User-Agent"] for _, _, headers in transport.asked)
    assert run(catalogue, capsys, "check")[0] == 0


def test_a_rerun_asks_nothing_twice(
    catalogue: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answered_by(monkeypatch, ANSWERS)
    run(catalogue, capsys, "resolve")
    _, transport = answered_by(monkeypatch, ANSWERS)
    code, _, err = run(catalogue, capsys, "resolve", "--write")
    assert code == 0 and transport.asked == []
    assert "0 request(s) sent; wrote 2 file(s)" in err
    assert list((catalogue.root / ".build" / "resolve-cache").rglob("*.part")) == []


def test_a_service_that_gives_up_stops_the_run_and_keeps_what_was_found(
    catalogue: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    failing: dict[str, list[Answer]] = {**ANSWERS, arxiv_search("Scaling Vision Transformers"): [Response(429, b"")]}
    clock, _ = answered_by(monkeypatch, failing)
    code, _, err = run(catalogue, capsys, "resolve", "--write")
    assert code == 1
    assert (
        "error: stopped with 1 entry not tried: export.arxiv.org did not answer after 4 attempts (last: HTTP 429)"
        in err
    )
    assert clock.sleeps[-3:] == [5.0, 10.0, 20.0]
    after = {slug: parse_yaml(text).data for slug, text in entries(catalogue).items()}
    assert after["calm"]["arxiv"] == "2401.02412" and after["resnet"]["arxiv"] == "1512.03385"
    assert "arxiv" not in after["scaling-vit"]


def test_an_arxiv_id_a_person_set_is_looked_up_by_id_and_its_title_checked(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("catalogue-maintainers@paper-catalogue.invalid", CONTACT)
    )
    project.add("attention", CATALOGUE["attention"] + 'arxiv: "1706.03762v7"\n')
    project.add("wrong-id", CATALOGUE["scaling-vit"] + 'arxiv: "2401.02412"\n')
    answers: dict[str, list[Answer]] = {
        arxiv_api.id_url("1706.03762"): [ok("arxiv-id-1706.03762.xml")],
        arxiv_api.id_url("2401.02412"): [ok("arxiv-calm.xml")],
        crossref_search("Attention Is All You Need"): [ok("crossref-attention.json")],
    }
    answered_by(monkeypatch, answers)
    code, _, err = run(project, capsys, "resolve", "--write")
    data = parse_yaml(entries(project)["attention"]).data
    assert code == 0
    assert (data["arxiv"], data["venue"], data["published"]) == ("1706.03762v7", "NIPS 2017", "2017-06-12")
    assert data["authors"][0] == "Ashish Vaswani" and "doi" not in data
    assert "Crossref had no sure match, so no DOI or venue from it" in err
    assert "wrong-id.yaml: refused, nothing added\n" in err
    assert (
        'the entry\'s arXiv id 2401.02412 names "LLM Augmented LLMs: Expanding Capabilities through Composition"' in err
    )
    assert "authors" not in parse_yaml(entries(project)["wrong-id"]).data


def test_an_id_another_entry_has_is_refused_as_a_duplicate(
    catalogue: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = CATALOGUE["complete"].replace('"0906.0001"', '"2401.02412"').replace("Frequency-tuned", "Copied")
    catalogue.add("calm-copy", copy)
    answered_by(monkeypatch, ANSWERS)
    code, _, err = run(catalogue, capsys, "resolve", "--write", str(catalogue.papers / "calm.yaml"))
    assert code == 0 and "arxiv" not in parse_yaml(entries(catalogue)["calm"]).data
    assert "arXiv id 2401.02412 is already in site_src/papers/calm-copy.yaml" in err


def test_paths_choose_entries_and_a_path_with_none_is_an_error(
    catalogue: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, transport = answered_by(monkeypatch, ANSWERS)
    code, out, _ = run(catalogue, capsys, "resolve", str(catalogue.papers / "calm.yaml"))
    assert code == 0 and out.startswith("--- a/site_src/papers/calm.yaml\n")
    assert len(transport.asked) == 2
    code, _, err = run(catalogue, capsys, "resolve", str(catalogue.root / "nowhere.yaml"))
    assert code == 1 and "no readable entry file there" in err


def test_the_placeholder_contact_is_refused_before_any_request(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _, transport = answered_by(monkeypatch, {})
    code, _, err = run(project, capsys, "resolve")
    assert code == 1 and transport.asked == []
    assert "extra.contact in mkdocs.yml is the placeholder 'catalogue-maintainers@paper-catalogue.invalid'" in err


@pytest.mark.parametrize(
    ("contact", "problem"),
    [(CONTACT, ""), ("me@lab.org", ""), ("nobody", "not an e-mail address"), ("a@example.com", "placeholder")],
)
def test_contact_addresses(contact: str, problem: str) -> None:
    assert (problem in contact_problem(contact)) and (bool(contact_problem(contact)) == bool(problem))


def test_service_text_is_printed_inert() -> None:
    candidate = Candidate("arXiv 2401.00001", "Title\x1b[31m red\u202e", date(2024, 1, 1), 0.9, "title differs")
    resolution = Resolution("site_src/papers/x.yaml", "ambiguous", "", "", candidates=(candidate,))
    assert entry_lines(resolution)[1] == '  arXiv 2401.00001 "Title\\x1b[31m red\\u202e", 2024-01-01: title differs'


def test_progress_bar_draws_on_a_terminal_only_for_long_runs() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    bar = ProgressBar(5, terminal)
    for name in "abcde":
        bar.advance(name)
    assert terminal.getvalue().endswith("\r\x1b[K[" + "#" * 30 + "] 5/5 e\n")
    short, pipe = Terminal(), io.StringIO()
    ProgressBar(2, short).advance("a")
    ProgressBar(9, pipe).advance("a")
    assert (short.getvalue(), pipe.getvalue()) == ("", "")


def test_resolve_help_explains_matching_and_politeness(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["resolve", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for phrase in ("3 s between requests", "similarity >= 0.95", "--write", "extra.contact", ".build/resolve-cache/"):
        assert phrase in text


def test_new_with_resolve_completes_what_it_wrote(
    catalogue: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (catalogue.papers / "resnet.yaml").unlink()
    _, transport = answered_by(monkeypatch, ANSWERS)
    args = ["--title", "Deep Residual Learning for Image Recognition", "--abstract", "Residual nets ease segmentation."]
    code, out, err = run(catalogue, capsys, "new", *args, "--listed", "2016-01-05", "--resolve")
    assert code == 0 and "+++ b/site_src/papers/deep-residual-learning-for-image-recognition.yaml" in out
    data = parse_yaml(entries(catalogue)["deep-residual-learning-for-image-recognition"]).data
    assert (data["arxiv"], data["doi"], data["authors"][0]) == ("1512.03385", "10.1109/CVPR.2016.90", "Kaiming He")
    assert len(transport.asked) == 2 and "resolved 1 entries: 1 matched" in err


def test_import_with_resolve_completes_only_the_new_entries(
    catalogue: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (catalogue.papers / "calm.yaml").unlink()
    page = catalogue.write(
        "page.txt",
        "Mar 12\n\n[LLM Augmented LLMs: Expanding Capabilities through Composition](/papers/2401.02412)\n"
        "We compose an anchor model with augmenting models, and segmentation improves on every benchmark.\n",
    )
    answers: dict[str, list[Answer]] = {**ANSWERS, arxiv_api.id_url("2401.02412"): [ok("arxiv-calm.xml")]}
    _, transport = answered_by(monkeypatch, answers)
    code, _, err = run(catalogue, capsys, "import", "hf-page", str(page), "--year", "2025", "--resolve")
    assert code == 0
    data = parse_yaml(entries(catalogue)["llm-augmented-llms-expanding-capabilities-through"]).data
    assert (data["arxiv"], data["published"], len(data["authors"])) == ("2401.02412", "2024-01-04", 9)
    assert [url for _, url, _ in transport.asked] == [
        arxiv_api.id_url("2401.02412"),
        crossref_search("LLM Augmented LLMs: Expanding Capabilities through Composition"),
    ]
    assert "resolved 1 entries: 1 matched" in err
