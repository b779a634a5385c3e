"""What `resolve` tells the person running it: one line per entry that needs a look, then a summary."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from generator.diagnostics import inert
from generator.resolve.matching import Candidate
from generator.resolve.resolver import Resolution, Run
from generator.resolve.sources import CACHE_FOLDER

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_PLACEHOLDER_DOMAINS = re.compile(r"(\.invalid|\.example|\.test|\.localhost|@example\.(com|org|net))$", re.IGNORECASE)


def contact_problem(contact: str) -> str:
    """Return why `extra.contact` can't be sent to the services, or ''."""
    if not _EMAIL.match(contact):
        return f"extra.contact in mkdocs.yml is {contact!r}, not an e-mail address"
    if _PLACEHOLDER_DOMAINS.search(contact):
        return f"extra.contact in mkdocs.yml is the placeholder {contact!r}"
    return ""


def _candidate(candidate: Candidate) -> str:
    day = f", {candidate.day}" if isinstance(candidate.day, date) else ""
    why = f": {candidate.refused}" if candidate.refused else ""
    return f'  {candidate.label} "{inert(candidate.title)}"{day}{why}'


def entry_lines(resolution: Resolution) -> list[str]:
    """Return what to say about one entry: nothing when it was complete."""
    if resolution.status == "complete":
        return []
    if resolution.status == "matched":
        head = f"{resolution.shown}: matched; adds {', '.join(resolution.added)}"
    elif resolution.status == "ambiguous":
        head = f"{resolution.shown}: ambiguous, nothing added; the candidates:"
    elif resolution.status == "not found":
        head = f"{resolution.shown}: not found on arXiv, nothing added"
    else:
        head = f"{resolution.shown}: refused, nothing added"
    lines = [head]
    if resolution.status != "matched":
        lines += [_candidate(c) for c in resolution.candidates]
    lines += [f"  note: {inert(note)}" for note in resolution.notes]
    if resolution.status == "ambiguous":
        lines.append("  fix: if one candidate is the paper, add its `arxiv:` id to the entry and run resolve again")
    return lines


def summary(run: Run, requests: int, written: bool) -> str:
    """Return the closing line: counts by outcome, requests made, and what happens next."""
    counts = Counter(r.status for r in run.resolutions)
    parts = [f"{counts[s]} {s}" for s in ("matched", "ambiguous", "not found", "refused", "complete") if counts[s]]
    changed = sum(bool(r.added) and r.status == "matched" for r in run.resolutions)
    line = f"resolved {len(run.resolutions)} entries: {', '.join(parts) or 'none'}; {requests} request(s) sent"
    if changed:
        line += f"; {'wrote' if written else 'would change'} {changed} file(s)"
        if not written:
            line += " (run with --write to write them)"
    if run.stopped:
        left = len(run.untried)
        line += f"\nerror: stopped with {left} {'entry' if left == 1 else 'entries'} not tried: {inert(run.stopped)}"
        line += f"; what was fetched is kept under {CACHE_FOLDER}/ and will not be asked again"
    return line
