"""Enrich stage on small fixture catalogues: related papers, entities, backlinks and tag indexes."""

from __future__ import annotations

import re
import sys
from datetime import date

from generator.enrich.entities import entity_mentions, mentioned_by
from generator.enrich.gazetteer import Gazetteer
from generator.enrich.related import RELATED, related_papers
from generator.enrich.tags import child_tags, papers_by_tag, papers_under_tag, tag_cooccurrence
from generator.model import Entity, Paper, Tag
from tests.synthetic import synthetic_entries


def paper(
    slug: str,
    title: str,
    abstract: str,
    tags: tuple[str, ...],
    listed: date = date(2025, 3, 12),
    short: str | None = None,
) -> Paper:
    return Paper(
        slug=slug, title=title, abstract=abstract, listed=listed, tags=tags, source=f"{slug}.yaml", short_name=short
    )


PAPERS = [
    paper(
        "sal-a",
        "Saliency maps for vision transformers",
        "Saliency maps explain vision transformers with attention rollout.",
        ("saliency",),
    ),
    paper(
        "sal-b",
        "Better saliency maps",
        "We refine saliency maps and attention rollout for vision transformers.",
        ("saliency", "vit"),
    ),
    paper(
        "seg-a",
        "Panoptic segmentation of street scenes",
        "A panoptic segmentation network for street scenes in Cityscapes.",
        ("segmentation",),
    ),
    paper(
        "seg-b",
        "Street scene segmentation",
        "Panoptic segmentation of street scenes with fewer labels; we compare with SAL-A.",
        ("segmentation",),
        short="SEGB",
    ),
    paper("other", "Protein folding", "Protein structures predicted from sequences, compared with SEGB.", ("biology",)),
]


def test_related_papers_prefer_shared_terms_and_tags_and_explain_why() -> None:
    related = related_papers(PAPERS)
    assert related["sal-a"][0].slug == "sal-b"
    assert related["sal-a"][0].shared_tags == ("saliency",)
    assert "saliency maps" in [t.casefold() for t in related["sal-a"][0].shared_terms]
    assert related["seg-a"][0].slug == "seg-b"
    assert all(r.slug != slug for slug, rs in related.items() for r in rs)


def test_related_papers_are_deterministic_and_bounded() -> None:
    papers = [
        paper(slug, e["title"], e["abstract"], tuple(e["tags"]), date.fromisoformat(e["listed"]))
        for slug, e in synthetic_entries(300)
    ]
    first, second = related_papers(papers), related_papers(list(papers))
    assert first == second
    assert all(len(rs) <= RELATED for rs in first.values())
    assert all(rs[0].score >= rs[-1].score for rs in first.values())


def test_gazetteer_respects_word_boundaries_and_case() -> None:
    gazetteer = Gazetteer(
        [("SAM", "sam"), ("DINO", "dino"), ("Grounding DINO", "gdino"), ("ImageNet", "imagenet"), ("ViT", "vit")]
    )
    assert gazetteer.find("We use SAM and DINOv2 on imagenet; SAMPLE sam") == ["sam", "imagenet"]
    assert gazetteer.find("Grounding DINO beats DINO with ViT-B/16 but not GPT-4") == ["gdino", "dino", "vit"]


def test_gazetteer_finds_names_whose_case_differs_beyond_ascii() -> None:
    gazetteer = Gazetteer([("Kvasir-SEG", "kvasir"), ("Σigma-Net", "sigma"), ("İzmir Scenes", "izmir")])
    assert gazetteer.find("\u212avasir-seg (Kelvin sign) and ΣIGMA-NET") == ["kvasir", "sigma"]
    # "İ" lowercases to two characters; the name is still found where the text holds it.
    assert gazetteer.find("Kvasir-SEG and İzmir Scenes") == ["kvasir", "izmir"]


def test_case_insensitive_regex_admits_every_character_that_lowercases_to_a_letter() -> None:
    """The gazetteer's scan relies on this: `(?i)x` and `(?i)[x]` match every character whose lowercase is x."""
    missed = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        # The second form is lowercase at the end of a word, where "Σ" becomes "ς".
        for lower in {char.lower(), ("A" + char).lower()[1:]}:
            if (
                len(lower) == 1
                and lower != char
                and not (
                    re.fullmatch(f"(?i){re.escape(lower)}", char) and re.fullmatch(f"(?i)[{re.escape(lower)}]", char)
                )
            ):
                missed.append(char)
    assert missed == []


def test_entity_mentions_and_backlinks() -> None:
    entities = {"cityscapes": Entity("cityscapes", "Cityscapes", "dataset", "Street scenes.", ("Cityscapes",))}
    assert entity_mentions(PAPERS, entities)["seg-a"] == ("cityscapes",)
    backlinks = mentioned_by(PAPERS)
    assert backlinks["seg-b"] == ("other",)
    assert backlinks["sal-a"] == ()  # SAL-A is no paper's short name


def test_tag_indexes() -> None:
    tags = {k: Tag(k, k.title(), "d") for k in ("saliency", "vit", "segmentation", "biology", "unused")}
    newer = paper("new", "New saliency", "Saliency.", ("saliency", "vit"), listed=date(2025, 4, 1))
    by_tag = papers_by_tag([*PAPERS, newer], tags)
    assert by_tag["saliency"] == ("new", "sal-b", "sal-a")
    assert by_tag["unused"] == ()
    assert tag_cooccurrence([*PAPERS, newer])["saliency"] == (("vit", 2),)


def test_a_parent_tag_holds_the_papers_of_its_subtopics() -> None:
    tags = {
        "vision": Tag("vision", "Vision", "d"),
        "saliency": Tag("saliency", "Saliency", "d", parent="vision"),
        "maps": Tag("maps", "Maps", "d", parent="saliency"),
        "biology": Tag("biology", "Biology", "d"),
    }
    both = paper("both", "Both", "A.", ("maps", "saliency"), listed=date(2025, 4, 1))
    under = papers_under_tag([*PAPERS, both], tags)
    assert under["vision"] == ("both", "sal-b", "sal-a")  # each paper once, newest first
    assert under["maps"] == ("both",)
    assert papers_by_tag([*PAPERS, both], tags)["vision"] == ()


def test_child_tags_are_the_direct_children_only_sorted_by_name() -> None:
    tags = {
        "vision": Tag("vision", "Vision", "d"),
        "saliency": Tag("saliency", "Saliency", "d", parent="vision"),
        "detection": Tag("detection", "Detection", "d", parent="vision"),
        "salient-objects": Tag("salient-objects", "Salient objects", "d", parent="saliency"),
    }
    assert child_tags(tags) == {
        "vision": ("detection", "saliency"),
        "saliency": ("salient-objects",),
        "detection": (),
        "salient-objects": (),
    }
