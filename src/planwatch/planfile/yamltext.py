"""YAML as the plan file needs it: strict to read, readable to write.

Reading departs from PyYAML's YAML 1.1 defaults where they would silently change what an
author wrote: dates stay strings (the schema checks them), a bare `=` is the comparator and not
YAML's obscure "value" tag, and a key given twice in one mapping is an error instead of the
last one quietly winning.
"""

from __future__ import annotations

from typing import Any

import yaml

from .issues import YamlPath


class YamlSyntaxError(ValueError):
    def __init__(self, reason: str, line: int | None):
        super().__init__(reason)
        self.reason = reason
        self.line = line


# libyaml's parser and emitter when PyYAML was built with it (the pinned wheels are): ten
# times faster on a plan of thousands of targets, same documents.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _resolvers_without(*tags: str):
    return {first: [(tag, regexp) for tag, regexp in resolvers if tag not in tags]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


class _PlanLoader(_Loader):
    yaml_implicit_resolvers = _resolvers_without("tag:yaml.org,2002:timestamp",
                                                 "tag:yaml.org,2002:value")

    def construct_mapping(self, node, deep=False):
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"重复的键 {key!r} / duplicate key", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _line_of_mark(error: yaml.YAMLError) -> int | None:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return mark.line + 1 if mark is not None else None


def read_yaml(text: str) -> Any:
    """The document's data; YamlSyntaxError with the line of the problem if it is not YAML."""
    try:
        return yaml.load(text, Loader=_PlanLoader)  # noqa: S506 — a SafeLoader subclass
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error)
        raise YamlSyntaxError(f"YAML 语法错误 / syntax error: {problem}",
                              _line_of_mark(error)) from error


def line_finder(text: str):
    """A function giving the 1-based line of the node at a path (or of its nearest parent)."""
    try:
        root = yaml.compose(text, Loader=_PlanLoader)
    except yaml.YAMLError:
        root = None

    def line_of(path: YamlPath) -> int | None:
        node = root
        line = node.start_mark.line + 1 if node is not None else None
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line

    return line_of


def _child(node, part):
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == part:
                return value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None


class FlowList(list):
    """A short list written on one line: span: [120, 134]."""


class FlowMap(dict):
    """A short mapping written on one line: schedule: {2021: 1, 2022: 2}."""


class _PlanDumper(_Dumper):
    # Dates unquoted (deadline: 2021-04-30), as an author writes them; `=` stays quoted
    # because other YAML readers would take a bare `=` for the "value" tag.
    yaml_implicit_resolvers = _resolvers_without("tag:yaml.org,2002:timestamp")

    def ignore_aliases(self, data):
        return True


# Line breaks other than \n: YAML readers fold them into \n or spaces unless escaped.
_FOREIGN_BREAKS = frozenset("\r\x85\u2028\u2029")


def _represent_str(dumper: yaml.SafeDumper, text: str):
    # Multi-line text (the plan document) as a literal block; the emitter itself falls back
    # to a double-quoted scalar when a block cannot keep the text exactly (trailing spaces,
    # control characters).
    if _FOREIGN_BREAKS.intersection(text):
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", text,
                                   style="|" if "\n" in text else None)


def _represent_flow_list(dumper: yaml.SafeDumper, items: FlowList):
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=True)


_PlanDumper.add_representer(str, _represent_str)
_PlanDumper.add_representer(FlowList, _represent_flow_list)
_PlanDumper.add_representer(
    FlowMap, lambda dumper, items: dumper.represent_mapping("tag:yaml.org,2002:map", items,
                                                            flow_style=True))


def write_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_PlanDumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=100, indent=2)
