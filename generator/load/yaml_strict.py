"""Strict YAML: plain strings, lists and mappings, with the position of every value."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol

import yaml
from yaml._yaml import CParser  # libyaml: PyYAML's wheels include it, and it parses 20x faster
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_DEPTH = 8

Path_ = tuple[str | int, ...]


class YamlProblem(Exception):
    """The text is not strict YAML; `line` and `col` are 1-based."""

    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


@dataclass(frozen=True)
class Document:
    """Parsed data plus the 1-based (line, col) of each value and mapping key."""

    data: Any
    value_marks: dict[Path_, tuple[int, int]]
    key_marks: dict[Path_, tuple[int, int]]

    def value_mark(self, path: Path_) -> tuple[int, int]:
        """Return the position of the value at `path`, or of its nearest parent."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.value_marks:
                return self.value_marks[path[:end]]
        return (1, 1)

    def key_mark(self, path: Path_) -> tuple[int, int]:
        """Return the position of the mapping key at `path`, else of its value."""
        return self.key_marks.get(path) or self.value_mark(path)


class _Mark(Protocol):
    """Where PyYAML and libyaml say an event starts (0-based)."""

    line: int
    column: int


def _position(mark: _Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


class _StrictLoader(yaml.composer.Composer, CParser, yaml.resolver.BaseResolver):
    """libyaml's parser feeding PyYAML's composer, which refuses anchors, aliases and tags."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        yaml.composer.Composer.__init__(self)
        yaml.resolver.BaseResolver.__init__(self)
        self._open: list[yaml.Event] = []

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        assert event is not None  # the composer asks for a node only while the document has events
        line, col = _position(event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(f"YAML alias '*{event.anchor}' is not allowed; write the value out in full", line, col)
        if isinstance(event, yaml.NodeEvent) and event.anchor:
            raise YamlProblem(
                f"YAML anchor '&{event.anchor}' is not allowed; remove it and write values out in full",
                line,
                col,
            )
        tag = event.tag if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)) else None
        if tag is not None and tag != "!":
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlProblem(
                f"YAML tag '{shown}' is not allowed; entries hold plain text, lists and mappings only",
                line,
                col,
            )
        if len(self._open) >= MAX_DEPTH and not isinstance(event, yaml.ScalarEvent):
            raise YamlProblem(f"nesting deeper than {MAX_DEPTH} levels is not allowed", line, col)
        self._open.append(event)
        try:
            return super().compose_node(parent, index)
        finally:
            self._open.pop()


# The characters YAML 1.1 lets a stream hold ("printable"); libyaml's reader refuses any other.
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _char_position(text: str, index: int) -> tuple[int, int]:
    """Return the 1-based (line, column) of character `index`, counting characters, not bytes."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _within(text: str, position: tuple[int, int]) -> tuple[int, int]:
    """Return `position`, or the file's last character when a mark points past the end (such as EOF)."""
    line, col = position
    lines = text.split("\n")
    if line < len(lines) or (line == len(lines) and col <= len(lines[-1])):
        return position
    return _char_position(text, max(len(text.rstrip("\n")) - 1, 0))


def parse_yaml(text: str) -> Document:
    """Parse one YAML document strictly; raise YamlProblem with its position."""
    try:
        loader = _StrictLoader(text)
        node = loader.get_single_node()
    except YamlProblem:
        raise
    except yaml.reader.ReaderError as exc:
        # libyaml reports a byte offset; the position is the first character YAML cannot hold.
        bad = _NOT_YAML.search(text)
        line, col = _char_position(text, bad.start() if bad else 0)
        raise YamlProblem(f"character U+{exc.character:04X} is not allowed in YAML; delete it", line, col) from None
    except yaml.composer.ComposerError as exc:
        line, col = _within(text, _position(exc.problem_mark or exc.context_mark))
        raise YamlProblem("a file holds exactly one YAML document; remove the extra '---'", line, col) from None
    except yaml.MarkedYAMLError as exc:
        line, col = _within(text, _position(exc.problem_mark or exc.context_mark))
        raise YamlProblem(f"invalid YAML: {exc.problem or exc.context}", line, col) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"invalid YAML: {exc}", 1, 1) from None
    if node is None:
        raise YamlProblem("the file is empty; expected a mapping of fields", 1, 1)
    value_marks: dict[Path_, tuple[int, int]] = {}
    key_marks: dict[Path_, tuple[int, int]] = {}
    data = _convert(node, (), value_marks, key_marks)
    return Document(data, value_marks, key_marks)


def _convert(
    node: Node,
    path: Path_,
    value_marks: dict[Path_, tuple[int, int]],
    key_marks: dict[Path_, tuple[int, int]],
) -> Any:
    value_marks[path] = _position(node.start_mark)
    if isinstance(node, ScalarNode):
        return node.value
    if isinstance(node, SequenceNode):
        return [_convert(item, (*path, i), value_marks, key_marks) for i, item in enumerate(node.value)]
    assert isinstance(node, MappingNode)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        line, col = _position(key_node.start_mark)
        if not isinstance(key_node, ScalarNode):
            raise YamlProblem("a mapping key must be plain text", line, col)
        key = key_node.value
        if key in result:
            first_line = key_marks[(*path, key)][0]
            raise YamlProblem(
                f"duplicate key '{key}' (first defined on line {first_line}); keep one of them",
                line,
                col,
            )
        key_marks[(*path, key)] = (line, col)
        result[key] = _convert(value_node, (*path, key), value_marks, key_marks)
    return result
