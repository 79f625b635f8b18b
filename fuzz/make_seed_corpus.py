#!/usr/bin/env python3
"""Rebuilds the seed corpora under fuzz/corpus/ from the repository's own rule sets, cases and
tests. Run it after the rule format or the default rule set changes; it replaces only the files
named seed-*, so inputs that fuzzing added (named by their SHA-1) stay.

Needs python3 and python3-yaml (Debian packages); the build and CI never run it.
Usage: fuzz/make_seed_corpus.py
"""
import glob
import json
import os
import re

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")
SEPARATOR = b"\n=====\n"
MAX_SEED_BYTES = 64 * 1024

# Extra expressions that reach syntax the rule files do not use.
EXPRESSIONS = [
    "true", "false", "not (scar.type == rolling)", "known(patient.pregnant)",
    "not known(patient.months_since_isotretinoin) or patient.months_since_isotretinoin < 6",
    "scar.features contains erythema", "scar.type not in [rolling, 'boxcar']",
    "patient.age < 18 or patient.age >= 65", "scar.depth_mm != -1.25",
    "patient.weight_kg > 1e3", "scar.prior_treatments contains prp and not scar.active_acne",
    "scar.type == scar.previous_type", "patient.diabetes == \"uncontrolled\"",
    "((((patient.smoker))))", "scar.severity in [1, 2, 3, 4]", "patient.fitzpatrick >= 7",
]

# A case in the vocabulary of tests/data/good_rules/single.yaml.
SINGLE_FILE_CASE = b"""patient: {age: 30, fitzpatrick: 5, isotretinoin: stopped, months_since_isotretinoin: 4}
scars:
  - {id: cheeks, type: rolling, severity: 4, area: [face, neck], depth_mm: 2.5}
  - {id: chin, type: boxcar}
"""


def rel(path):
    return os.path.relpath(path, ROOT)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def seed_name(path):
    return "seed-" + re.sub(r"[^A-Za-z0-9._-]", "_", rel(path).replace("/", "-"))


def write_corpus(target, seeds):
    directory = os.path.join(CORPUS, target)
    os.makedirs(directory, exist_ok=True)
    for old in glob.glob(os.path.join(directory, "seed-*")):
        os.remove(old)
    for name, data in sorted(seeds.items()):
        with open(os.path.join(directory, name), "wb") as f:
            f.write(data)
    print(f"{target}: {len(seeds)} seeds")


def flatten_default():
    """The default rule set as one file: its includes merged into the root."""
    root_path = os.path.join(ROOT, "rules", "default", "ruleset.yaml")
    with open(root_path) as f:
        root = yaml.safe_load(f)
    merged = {"schema_version": root["schema_version"], "ruleset": root["ruleset"]}
    for include in root.get("include", []):
        with open(os.path.join(ROOT, "rules", "default", include)) as f:
            part = yaml.safe_load(f)
        for key, value in part.items():
            if isinstance(value, list):
                merged.setdefault(key, []).extend(value)
            else:
                merged.setdefault(key, {}).update(value)
    if "limits" in root:
        merged["limits"] = root["limits"]
    # Documentation and long citations only slow the fuzzer down: keep the structure.
    for entry in merged.get("facts", {}).values():
        entry.pop("doc", None)
    for entry in merged.get("treatments", {}).values():
        entry.pop("doc", None)
    for entry in merged.get("evidence", {}).values():
        entry["cite"] = entry["cite"][:40]
    return yaml.safe_dump(merged, sort_keys=False, width=1 << 20, allow_unicode=True,
                          default_flow_style=None).encode()


def rule_files():
    patterns = ["rules/default/*.yaml", "tests/data/good_rules/**/*.yaml",
                "tests/data/bad_rules/**/*.yaml", "tests/data/cli/*rules/*.yaml",
                "tests/data/hostile/*.yaml"]
    files = []
    for pattern in patterns:
        files += glob.glob(os.path.join(ROOT, pattern), recursive=True)
    # The targets skip inputs over 64 KiB; such seeds would only take up room.
    return sorted(f for f in files
                  if os.path.getsize(f) <= MAX_SEED_BYTES and not is_case(f))


def is_case(path):
    return os.path.basename(path).startswith("case_")


def single_file_rule_sets():
    sets = {"seed-default-flattened.yaml": flatten_default()}
    for path in ["tests/data/good_rules/single.yaml", "tests/data/cli/rules/ruleset.yaml"]:
        sets[seed_name(os.path.join(ROOT, path))] = read(os.path.join(ROOT, path))
    return sets


def when_strings():
    found = set()
    for path in rule_files():
        try:
            with open(path, encoding="utf-8") as f:
                document = yaml.safe_load(f)
        except (yaml.YAMLError, UnicodeDecodeError, ValueError, RecursionError):
            continue
        for rule in (document or {}).get("rules", []) if isinstance(document, dict) else []:
            if isinstance(rule, dict) and isinstance(rule.get("when"), str):
                found.add(rule["when"])
    return sorted(found | set(EXPRESSIONS))


def test_file_cases():
    """The `case:` of every test in rules/default/tests, as JSON and as YAML."""
    cases = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "rules/default/tests/*.yaml"))):
        with open(path) as f:
            tests = yaml.safe_load(f)["tests"]
        for index, test in enumerate(tests):
            case = test["case"]
            stem = seed_name(path)[:-len(".yaml")] + f"-{index}"
            if index % 2 == 0:
                cases[stem + ".json"] = (json.dumps(case) + "\n").encode()
            else:
                cases[stem + ".yaml"] = yaml.safe_dump(case, sort_keys=False,
                                                       default_flow_style=None).encode()
    return cases


def case_files():
    patterns = ["examples/cases/*", "tests/data/cases/*", "tests/data/cli/cases/*",
                "tests/data/hostile/case_*"]
    cases = {}
    for pattern in patterns:
        for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
            cases[seed_name(path)] = read(path)
    cases.update(test_file_cases())
    return cases


def main():
    write_corpus("load_ruleset", {**{seed_name(p): read(p) for p in rule_files()},
                                  **single_file_rule_sets()})
    write_corpus("expression", {f"seed-when-{i:03d}": text.encode()
                                for i, text in enumerate(when_strings())})
    cases = case_files()
    write_corpus("case", cases)
    # Every third case is enough for the end-to-end target: the case target covers reading.
    evaluate = {name: data for index, (name, data) in enumerate(sorted(cases.items()))
                if index % 3 == 0}
    rule_sets = single_file_rule_sets()
    example_cases = {
        "seed-default-flattened.yaml": read(os.path.join(ROOT, "examples/cases/incomplete-case.yaml")),
        "seed-tests-data-good_rules-single.yaml": SINGLE_FILE_CASE,
        "seed-tests-data-cli-rules-ruleset.yaml": read(os.path.join(ROOT, "tests/data/cli/cases/rolling.yaml")),
    }
    for name, rules in rule_sets.items():
        evaluate["seed-pair-" + name[len("seed-"):]] = (
            rules.rstrip(b"\n") + SEPARATOR + example_cases[name])
    write_corpus("evaluate", evaluate)


if __name__ == "__main__":
    main()
