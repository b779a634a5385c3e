"""Related papers: true reasons, rarity-weighted tags above a text floor, other signals, unbiased ties, suggestions."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.enrich import enrich
from generator.enrich.reasons import GENERIC_WORDS, stem
from generator.enrich.related import RELATED, TEXT_FLOOR, related_papers
from generator.enrich.suggest import NEIGHBOURS, TagSuggester
from generator.enrich.text import paper_text, terms_of
from generator.load.catalogue import read_catalogue
from generator.load.sources import SourceLayout
from generator.model import Enriched, Paper, Tag
from generator.render.pages import related_reason
from generator.validate.check import valid_catalogue
from tests.conftest import REPO
from tests.synthetic import make_project


def paper(slug: str, title: str, abstract: str, tags: tuple[str, ...] = (), **extra: Any) -> Paper:
    return Paper(slug=slug, title=title, abstract=abstract, listed=date(2025, 3, 12), tags=tags, source=slug, **extra)


@pytest.fixture(scope="module")
def seed() -> Enriched:
    return enrich(valid_catalogue(read_catalogue(SourceLayout(REPO)), date(2026, 12, 1)))


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Enriched:
    root = make_project(tmp_path_factory.mktemp("synthetic") / "project", 400)
    return enrich(valid_catalogue(read_catalogue(SourceLayout(root)), date(2026, 12, 1)))


def assert_reasons_true(enriched: Enriched) -> None:
    """Every shown phrase occurs verbatim (after case folding) in both papers; no reason is empty."""
    checked = 0
    for slug, related in enriched.related.items():
        source = enriched.paper[slug]
        for r in related:
            other = enriched.paper[r.slug]
            assert related_reason(enriched, source, r), (slug, r.slug)
            for phrase in r.shared_terms:
                for text in (paper_text(source), paper_text(other)):
                    assert phrase.casefold() in text.casefold(), (slug, r.slug, phrase)
                assert not set(phrase.casefold().split(" ")) <= GENERIC_WORDS, phrase
                checked += 1
            stems = [frozenset(stem(w) for w in t.casefold().split(" ")) for t in r.shared_terms]
            assert all(not a <= b for n, a in enumerate(stems) for b in stems[:n]), r.shared_terms
            assert set(r.shared_tags) <= topics(enriched, source) & topics(enriched, other)
            assert set(r.shared_entities) <= set(enriched.mentions[slug]) & set(enriched.mentions[r.slug])
    assert checked > 0


def topics(enriched: Enriched, p: Paper) -> set[str]:
    """Return a paper's tags and every topic above them."""
    found = set()
    for key in p.tags:
        while key:
            found.add(key)
            key = enriched.catalogue.tags[key].parent or ""
    return found


def test_every_reason_on_the_seed_is_verbatim_in_both_papers(seed: Enriched) -> None:
    assert_reasons_true(seed)
    assert all(len(rs) <= RELATED for rs in seed.related.values())


def test_every_reason_on_a_synthetic_catalogue_is_verbatim_in_both_papers(synthetic: Enriched) -> None:
    assert_reasons_true(synthetic)


def test_phrases_are_built_from_contiguous_words() -> None:
    terms = terms_of("Source code summarization, of the decompiler.")
    assert "source code" in terms and "code summarization" in terms
    assert "source summarization" not in terms
    assert "summarization decompiler" not in terms  # the comma and the stop words end the phrase


def test_a_rare_shared_tag_counts_more_than_a_common_one() -> None:
    common = [paper(f"filler-{n}", f"Filler {n}", f"Unrelated words number {n} here.", ("broad",)) for n in range(8)]
    text = "Saliency maps explain vision transformers with attention rollout."
    papers = [
        paper("source", "Saliency maps", text, ("broad", "rare")),
        paper("shares-broad", "Saliency maps", text, ("broad",)),
        paper("shares-rare", "Saliency maps", text, ("rare",)),
        *common,
    ]
    ranked = [r.slug for r in related_papers(papers)["source"]]
    assert ranked.index("shares-rare") < ranked.index("shares-broad")


def test_tags_count_only_above_a_floor_of_text_similarity() -> None:
    papers = [
        paper("a", "Saliency maps for transformers", "Saliency maps explain transformers with rollout.", ("t",)),
        paper("b", "Saliency maps revisited", "We revisit saliency maps and rollout for transformers.", ("u",)),
        paper("c", "Protein folding", "Protein structures predicted from amino acid sequences.", ("t",)),
    ]
    related = {r.slug: r for r in related_papers(papers)["a"]}
    assert related["c"].score < TEXT_FLOOR  # no bonus for the shared tag: its score is its bare text similarity
    assert [r.slug for r in related_papers(papers)["a"]] == ["b", "c"]


def test_papers_on_the_same_topics_are_found_without_a_word_in_common() -> None:
    text = [f"Filler paper {n} about unrelated words {n}." for n in range(40)]
    papers = [
        paper("a", "Sketch to scene generation", "Triplet tuning of ControlNet for sketches.", ("diffusion",)),
        paper("b", "Subject customization", "Multilevel contrastive learning for subjects.", ("diffusion",)),
        *[paper(f"f{n}", f"Filler {n}", text[n], ("other",)) for n in range(40)],
    ]
    related = {r.slug: r for r in related_papers(papers)["a"]}
    assert related["b"].shared_tags == ("diffusion",)  # the tags bring it forward; text never would


def test_tagged_papers_sharing_no_topic_need_close_text_to_be_related() -> None:
    papers = [
        paper(
            "a",
            "Saliency maps for transformers",
            "Saliency maps explain transformers through attention rollout.",
            ("t",),
        ),
        paper("b", "Gaze prediction", "Human gaze fixations on natural scenes predict where saliency lies.", ("u",)),
        paper("c", "Attention rollout in transformers", "Attention rollout explains transformers by layer.", ("t",)),
        paper("d", "Gaze fixations on scenes", "Human gaze fixations recorded on natural scenes.", ("u",)),
        *[
            paper(f"f{n}", f"Filler {n}", f"Unrelated words number {n} here.", ("t" if n % 2 else "u",))
            for n in range(6)
        ],
    ]
    untagged = [dataclasses.replace(p, tags=()) for p in papers]
    assert "b" in {r.slug for r in related_papers(untagged)["a"]}  # text alone decides between untagged papers
    assert "b" not in {r.slug for r in related_papers(papers)["a"]}  # their tags say they are about other things
    twin = paper("twin", "Saliency maps for transformers", "Saliency maps explain transformers by rollout.", ("u",))
    assert "twin" in {r.slug for r in related_papers([*papers, twin])["a"]}  # unless their text is close


def test_papers_under_one_topic_share_it_and_say_so() -> None:
    taxonomy = {
        "explainability": Tag("explainability", "Explainability", "Why models decide."),
        "saliency": Tag("saliency", "Saliency", "Maps.", parent="explainability"),
        "neurons": Tag("neurons", "Neurons", "Units.", parent="explainability"),
        "proteins": Tag("proteins", "Proteins", "Folding."),
    }
    papers = [
        paper(
            "a", "Saliency maps of neurons", "Saliency maps show what neurons in transformers detect.", ("saliency",)
        ),
        paper("b", "Neurons and saliency", "Each neuron of a transformer, shown with saliency maps.", ("neurons",)),
        *[paper(f"f{n}", f"Folding {n}", f"Protein folding words number {n}.", ("proteins",)) for n in range(6)],
    ]
    related = {r.slug: r for r in related_papers(papers, taxonomy=taxonomy)["a"]}
    assert related["b"].shared_tags == ("explainability",)
    both = related_papers(
        [*papers, paper("c", "Saliency maps", "Saliency maps of neurons.", ("saliency",))], taxonomy=taxonomy
    )
    assert {r.slug: r.shared_tags for r in both["a"]}["c"] == ("saliency",)  # the topic itself, not also its parent


def test_ties_are_broken_by_a_hash_of_the_pair_not_by_slug_order() -> None:
    text = "Saliency maps explain vision transformers with attention rollout."
    copies = [paper(f"copy-{n:02d}", "Saliency maps", text) for n in range(12)]
    fillers = [paper(f"filler-{n}", f"Filler {n}", f"Unrelated words number {n} here.") for n in range(120)]
    papers = [paper("source", "Saliency maps", text), *copies, *fillers]
    chosen = [r.slug for r in related_papers(papers)["source"]]
    assert len(chosen) == RELATED
    assert chosen != [f"copy-{n:02d}" for n in range(RELATED)]
    assert chosen == [r.slug for r in related_papers(list(reversed(papers)))["source"]]


def test_authors_entities_and_short_names_are_reasons() -> None:
    papers = [
        paper(
            "calm",
            "CALM: calibrated saliency",
            "Calibrated saliency maps on ImageNet.",
            short_name="CALM",
            authors=("Ada Lovelace",),
        ),
        paper("other", "Saliency calibration", "We extend CALM saliency maps on ImageNet.", authors=("ada lovelace",)),
        paper("far", "Protein folding", "Protein structures from amino acid sequences."),
    ]
    enriched = enrich_papers(papers)
    r = next(r for r in enriched.related["other"] if r.slug == "calm")
    reason = related_reason(enriched, enriched.paper["other"], r)
    assert "same authors: ada lovelace" in reason
    assert "mentions CALM" in reason
    assert "both use ImageNet" in reason
    back = next(r for r in enriched.related["calm"] if r.slug == "other")
    assert "its abstract mentions CALM" in related_reason(enriched, enriched.paper["calm"], back)


def enrich_papers(papers: list[Paper]) -> Enriched:
    from generator.model import Catalogue, Entity

    entities = {"imagenet": Entity("imagenet", "ImageNet", "dataset", "Images.", ("ImageNet",))}
    return enrich(Catalogue(tuple(papers), {}, entities))


def test_tag_suggestions_come_from_similar_papers_and_aliases_with_reasons() -> None:
    tags = {
        "saliency": Tag("saliency", "Saliency", "d", aliases=("saliency map",)),
        "vit": Tag("vit", "Vision transformers", "d", aliases=("vit",)),
        "biology": Tag("biology", "Biology", "d"),
    }
    similar = [
        paper(f"s{n}", f"Saliency maps {n}", "Attention rollout explains transformer decisions.", ("saliency",))
        for n in range(4)
    ]
    papers = [*similar, paper("p", "Protein folding", "Protein structures from sequences.", ("biology",))]
    suggestions = TagSuggester(papers, tags).suggest(
        "Rollout for ViT", "Attention rollout explains transformer decisions."
    )
    by_key = {s.key: s.reason for s in suggestions}
    assert by_key["saliency"] == f"4 of {NEIGHBOURS} similar papers have it"
    assert by_key["vit"] == "title mentions 'vit'"  # matched whatever the case, by the gazetteer
    assert "biology" not in by_key


def test_eval_reports_precision_above_the_plain_baseline() -> None:
    results = (Path(__file__).parent / "eval_results.md").read_text(encoding="utf-8")
    rows = {
        line.split(" | ")[0].strip("| "): line.split(" | ")[1] for line in results.splitlines() if line.startswith("| ")
    }
    assert float(rows["shipped related papers (tags hidden)"]) > float(
        rows["plain TF-IDF cosine (1-2-grams, sublinear tf, English stop words)"]
    )
