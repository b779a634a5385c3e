"""The Jinja2 environment for page templates: it prints only values already made safe."""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup


def _only_safe(value: Any) -> Any:
    """Refuse to print a plain string: entry text must pass through render.text first."""
    if isinstance(value, (Markup, int, float)) and not isinstance(value, bool):
        return value
    if value is None:
        return Markup("")
    raise TypeError(f"template printed an unescaped {type(value).__name__}: {value!r:.80}")


def environment() -> jinja2.Environment:
    """Return the environment that loads `generator/render/templates/*.md.j2`."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("generator.render", "templates"),
        autoescape=False,
        finalize=_only_safe,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
