#!/usr/bin/python3
"""Checks the JSON Schemas under schema/ against the files the project ships and against the
loader itself. Run through CTest (label `schema`); each mode is one test:

  meta          every schema is a valid draft 2020-12 schema
  repository    every rule file and test file under rules/ and examples/, every example case
                and every file the tutorial (docs/rule-authoring.md) writes matches its
                schema, and the rule and test files name their schema on their first line
  assessments   `scarwise eval --format json` (with and without --explain) and `scarwise
                batch` output for every example case matches assessment.schema.json
  agreement     every rule set and test file of the fixtures that scarwise accepts, the schema
                accepts too; how many of the refused ones the schema also refuses is reported
  fixtures      tests/schema/fixtures: what each schema must accept, and must refuse where

Uses Debian's python3-jsonschema and python3-yaml with /usr/bin/python3.
"""
import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

try:
    import jsonschema  # noqa: F401  (imported here only to report it missing clearly)
    import yaml  # noqa: F401
except ImportError as missing:
    sys.exit(f"schema tests: {missing}. They need the Debian packages python3-jsonschema and "
             "python3-yaml for /usr/bin/python3: run scripts/install-deps.sh as root.")

sys.path.insert(0, str(HERE))
from schemas import Schemas  # noqa: E402
import modes  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=sorted(modes.MODES))
    parser.add_argument("--source", required=True, type=Path, help="the source tree")
    parser.add_argument("--cli", type=Path, help="the scarwise command-line tool")
    args = parser.parse_args()
    if args.mode in modes.NEEDS_CLI and not args.cli:
        parser.error(f"{args.mode} needs --cli")
    schemas = Schemas(args.source / "schema")
    report = modes.Report()
    modes.MODES[args.mode](schemas, args, report)
    return report.finish(args.mode)


if __name__ == "__main__":
    sys.exit(main())
