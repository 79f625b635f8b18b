"""Reads YAML as the scarwise loader does, so that a schema sees the values the loader sees.

PyYAML's default resolvers follow YAML 1.1: `no` and `on` become booleans, `010` an octal
number. The loader follows the YAML 1.2 core schema, stricter still: booleans are exactly
`true` and `false`, numbers are plain decimals without leading zeros, and everything else is
text. Map keys stay the text written (`2017:` is the key "2017"), as the loader keeps them.
What the loader refuses outright (anchors, aliases, tags, merge keys, duplicate and complex
keys) is refused here too, instead of being expanded or silently resolved.
"""
import re

import yaml

_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
_BOOL = re.compile(r"^(?:true|false)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")


class RefusedYaml(ValueError):
    """YAML that the scarwise loader refuses, with the reason."""


class CoreLoader(yaml.SafeLoader):
    """A SafeLoader restricted to the loader's YAML 1.2 core subset."""

    yaml_implicit_resolvers = {}

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise RefusedYaml(f"alias at line {event.start_mark.line + 1}")
        if getattr(event, "anchor", None) is not None:
            raise RefusedYaml(f"anchor at line {event.start_mark.line + 1}")
        if getattr(event, "tag", None) is not None:  # written in the text: !!str, !x or !
            raise RefusedYaml(f"tag {event.tag} at line {event.start_mark.line + 1}")
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        mapping = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise RefusedYaml(f"complex key at line {key_node.start_mark.line + 1}")
            key = key_node.value
            if key == "<<" and key_node.style is None:
                raise RefusedYaml(f"merge key at line {key_node.start_mark.line + 1}")
            if key in mapping:
                raise RefusedYaml(f"duplicate key {key!r} at line {key_node.start_mark.line + 1}")
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


CoreLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, None)
CoreLoader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, None)
CoreLoader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, None)
CoreLoader.add_implicit_resolver("tag:yaml.org,2002:null", _NULL, None)
CoreLoader.add_constructor(
    "tag:yaml.org,2002:map", lambda loader, node: loader.construct_mapping(node, deep=True))
CoreLoader.add_constructor(
    "tag:yaml.org,2002:float", lambda loader, node: float(loader.construct_scalar(node)))


def load(path):
    """The single document of a YAML file. Raises RefusedYaml, yaml.YAMLError or
    UnicodeDecodeError for what the loader would refuse too."""
    with open(path, encoding="utf-8-sig") as stream:
        text = stream.read()
    return yaml.load(text, Loader=CoreLoader)
