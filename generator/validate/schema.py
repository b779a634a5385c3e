"""The one declared shape of entries, tags and entities; the JSON Schema is generated from it."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from generator.model import LinkKind
from generator.validate import fields, tex

EntityKind = Literal["dataset", "model", "method"]


def _text(max_length: int, description: str, **schema: Any) -> Any:
    return Field(min_length=1, max_length=max_length, description=description, json_schema_extra=schema or None)


SingleLine = Annotated[str, AfterValidator(fields.single_line)]
Key = Annotated[str, AfterValidator(fields.key), Field(json_schema_extra={"pattern": fields.KEY_PATTERN})]
IsoDate = Annotated[
    str,
    AfterValidator(fields.date_text),
    Field(json_schema_extra={"pattern": fields.DATE_PATTERN, "format": "date"}),
]
HttpsUrl = Annotated[
    str,
    AfterValidator(fields.https_url),
    Field(max_length=2000, json_schema_extra={"pattern": fields.URL_PATTERN, "format": "uri"}),
]


class Strict(BaseModel):
    """Base for file shapes: strings stay strings and unknown fields are errors."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class PaperEntry(Strict):
    """A paper entry file, `site_src/papers/<slug>.yaml`."""

    model_config = ConfigDict(title="Paper catalogue entry")

    title: Annotated[
        SingleLine,
        AfterValidator(tex.math_text),
        _text(fields.MAX_TITLE, "The paper's title, on one line; inline TeX $...$ from the allow-list."),
    ]
    abstract: Annotated[
        str,
        AfterValidator(fields.paragraphs),
        AfterValidator(tex.math_text),
        _text(
            fields.MAX_ABSTRACT,
            "Plain-text paragraphs separated by blank lines; inline TeX $...$ from the allow-list.",
        ),
    ]
    listed: Annotated[IsoDate, Field(description='The day the paper entered the catalogue, "YYYY-MM-DD".')]
    tags: list[Key] = Field(
        min_length=1,
        max_length=8,
        description="1 to 8 keys of site_src/tags.yaml.",
        json_schema_extra={"uniqueItems": True},
    )
    short_name: Annotated[SingleLine, _text(40, "Short name or acronym, e.g. CALM or GCoNet+.")] | None = None
    authors: list[Annotated[SingleLine, _text(fields.MAX_LINE, "One author's name.")]] | None = Field(
        default=None, min_length=1, max_length=500, description="Author names, in order."
    )
    published: Annotated[IsoDate, Field(description='First publication date, "YYYY-MM-DD".')] | None = None
    arxiv: (
        Annotated[
            str,
            AfterValidator(fields.arxiv_id),
            Field(
                description="arXiv identifier, e.g. 2401.02412, 2401.02412v2 or cs/0112017.",
                json_schema_extra={"pattern": fields.ARXIV_PATTERN},
            ),
        ]
        | None
    ) = None
    doi: (
        Annotated[
            str,
            AfterValidator(fields.doi),
            Field(
                max_length=300,
                description="Bare DOI, e.g. 10.1109/CVPR52729.2023.00123.",
                json_schema_extra={"pattern": fields.DOI_PATTERN},
            ),
        ]
        | None
    ) = None
    venue: Annotated[SingleLine, _text(fields.MAX_LINE, "Where it was published, e.g. CVPR 2023.")] | None = None
    links: dict[LinkKind, HttpsUrl] | None = Field(
        default=None, description="Links by kind; every URL must start with https://."
    )


class TagEntry(Strict):
    """One tag of `site_src/tags.yaml`."""

    name: Annotated[SingleLine, _text(60, "Display name, e.g. Vision transformers.")]
    description: Annotated[SingleLine, _text(400, "One or two sentences shown on the tag page.")]
    parent: Key | None = None
    aliases: list[Annotated[SingleLine, _text(80, "A phrase that suggests the tag.")]] = []


class EntityEntry(Strict):
    """One dataset, model or method of `site_src/entities.yaml`."""

    name: Annotated[SingleLine, _text(80, "Display name, e.g. MS-COCO.")]
    kind: EntityKind
    description: Annotated[SingleLine, _text(400, "One sentence about it.")]
    aliases: list[Annotated[SingleLine, _text(80, "A surface form to match in titles and abstracts.")]] = []
    url: HttpsUrl | None = None


ENTRY_FIELDS: tuple[str, ...] = tuple(PaperEntry.model_fields)
REQUIRED_FIELDS: tuple[str, ...] = tuple(n for n, f in PaperEntry.model_fields.items() if f.is_required())


def paper_json_schema() -> str:
    """Return the JSON Schema for entry files, as the text committed at SCHEMA_PATH."""
    schema = _drop_nulls(PaperEntry.model_json_schema())
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://paper-catalogue.invalid/schema/paper.schema.json",
        **schema,
    }
    return json.dumps(schema, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def _drop_nulls(schema: dict[str, Any]) -> dict[str, Any]:
    """Make optional fields "absent or valid" rather than "null or valid", as the loader reads them."""
    for name, prop in schema["properties"].items():
        variants = [v for v in prop.get("anyOf", []) if v != {"type": "null"}]
        if len(variants) == 1:
            rest = {k: v for k, v in prop.items() if k not in ("anyOf", "default")}
            schema["properties"][name] = {**variants[0], **rest}
    return schema
