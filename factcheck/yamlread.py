"""Reading YAML: the data files' loader, front matter's, and where in a file a value stands.
Imported only when a file must really be parsed (most runs read parsed data from the cache)."""

from __future__ import annotations

import re
from typing import Any

import yaml

YAMLError = yaml.YAMLError

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: ten times faster


class DataLoader(_Base):  # type: ignore[valid-type,misc]
    """YAML 1.2 booleans: only true/false. In YAML 1.1 `no`, `on`, `y` are booleans, and
    lexicons are full of such words ("No." is an Indonesian abbreviation)."""


DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
DataLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))



def load(text: str) -> Any:
    return yaml.load(text, Loader=DataLoader)


def problem_line(exc: yaml.YAMLError) -> int | None:
    mark = getattr(exc, "problem_mark", None)
    return mark.line + 1 if mark else None


def line_of(text: str, loc: tuple[int | str, ...]) -> int | None:
    """The line of the value at `loc` (a pydantic error location) in a data file's text."""
    return _node_line(yaml.compose(text, Loader=DataLoader), loc)


def _node_line(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    """The line of the YAML node at `loc` (a pydantic error location), or of its nearest parent."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
            if child is None:  # the key is missing or unknown: point at the key if it exists
                key = next((k for k, _ in node.value if k.value == part), None)
                return key.start_mark.line + 1 if key is not None else line
            node = child
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without anchors and aliases: front matter needs none, and aliases let a few hundred
    bytes expand into gigabytes."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases are not allowed in front matter", event.start_mark)
        return super().compose_node(parent, index)


def front_matter(text: str) -> Any:
    return yaml.load(text, Loader=_NoAliasLoader)
