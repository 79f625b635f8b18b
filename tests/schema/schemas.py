"""The JSON Schemas under schema/, ready to validate YAML and JSON documents."""
import json
from pathlib import Path

from jsonschema import Draft202012Validator, RefResolver

import yaml_core

NAMES = ("ruleset", "ruleset-include", "tests", "case", "assessment")


class Schemas:
    """Every schema of a directory, each checked against the draft 2020-12 meta-schema.

    The schemas refer to each other by relative file name, as an editor resolves them next to
    the file; the store maps those names to the documents so nothing is fetched."""

    def __init__(self, directory):
        self.directory = Path(directory).resolve()
        documents = {}
        for name in NAMES:
            path = self.directory / f"{name}.schema.json"
            with open(path, encoding="utf-8") as stream:
                documents[name] = json.load(stream)
        self.documents = documents
        store = {self.uri(name): doc for name, doc in documents.items()}
        self.validators = {
            name: Draft202012Validator(doc, resolver=RefResolver(self.uri(name), doc, store=store))
            for name, doc in documents.items()
        }

    def uri(self, name):
        return (self.directory / f"{name}.schema.json").as_uri()

    def check_meta(self):
        """Problems of the schemas themselves, as text."""
        problems = []
        for name, doc in self.documents.items():
            for error in Draft202012Validator(Draft202012Validator.META_SCHEMA).iter_errors(doc):
                problems.append(f"{name}.schema.json: {error.message}")
        return problems

    def errors(self, name, instance):
        """Why `instance` does not match schema `name`, one line per error; [] when it does."""
        found = sorted(self.validators[name].iter_errors(instance), key=lambda e: list(e.path))
        return [f"{pointer(e.absolute_path)}: {e.message}" for e in found]

    def error_pointers(self, name, instance):
        """The JSON pointers of every place, nested alternatives included, that fails."""
        pointers = set()
        pending = list(self.validators[name].iter_errors(instance))
        while pending:
            error = pending.pop()
            pointers.add(pointer(error.absolute_path))
            pending.extend(error.context)
        return pointers


def pointer(path):
    return "/" + "/".join(str(part) for part in path)


def read_document(path):
    """A YAML or JSON file as data, or raises with the reason it cannot be read."""
    path = Path(path)
    if path.suffix == ".json":
        with open(path, encoding="utf-8") as stream:
            return json.load(stream)
    return yaml_core.load(path)


def rule_set_files(root):
    """The files of the rule set whose root file is `root`, each with the schema that fits it:
    the root file, then every file reached through `include`, depth first, each once. An
    include that cannot be followed (missing, outside the tree, unreadable) is left out: the
    loader reports those, a schema cannot."""
    root = Path(root)
    if root.is_dir():
        root = root / "ruleset.yaml"
    top = root.parent.resolve()
    files, seen = [], set()

    def visit(path, schema):
        resolved = path.resolve()
        if resolved in seen or not resolved.is_file() or top not in resolved.parents:
            return
        seen.add(resolved)
        files.append((path, schema))
        try:
            document = read_document(path)
        except Exception:  # the unreadable file is reported when it is validated
            return
        includes = document.get("include") if isinstance(document, dict) else None
        for item in includes if isinstance(includes, list) else []:
            if isinstance(item, str) and item and not item.startswith("/"):
                visit(path.parent / item, "ruleset-include")

    visit(root, "ruleset")
    return files
