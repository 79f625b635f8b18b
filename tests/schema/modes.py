"""The checks of check_schemas.py: one function per mode, each adding to a Report."""
import copy
import json
import re
import subprocess
import tempfile
from pathlib import Path

from schemas import read_document, rule_set_files

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
REFUSED_AT = re.compile(r"^# refused at: (\S+)$")
CASE_SUFFIXES = (".yaml", ".yml", ".json")
# The tool never needs long; a hang is a failure, not a wait.
TIMEOUT_SECONDS = 120


class Report:
    """Counts what was checked and collects every problem, to print at the end."""

    def __init__(self):
        self.checked = 0
        self.problems = []

    def check(self, what, problems):
        self.checked += 1
        self.problems.extend(f"{what}: {problem}" for problem in problems)

    def finish(self, mode):
        for problem in self.problems:
            print(f"FAIL {problem}")
        print(f"schema {mode}: {self.checked} checked, {len(self.problems)} problems")
        if self.checked == 0:
            print("FAIL nothing was checked: is --source the source tree?")
            return 1
        return 1 if self.problems else 0


def read_or_refuse(path):
    """(document, None), or (None, why) when the file cannot be read as the loader reads it."""
    try:
        return read_document(path), None
    except Exception as error:  # what the loader refuses, PyYAML and json refuse too
        return None, f"not readable as the loader reads it: {error}"


def validate_file(schemas, path, schema):
    document, refusal = read_or_refuse(path)
    return [refusal] if refusal else schemas.errors(schema, document)


def run(command, stdin=None):
    return subprocess.run([str(part) for part in command], input=stdin, capture_output=True,
                          text=True, timeout=TIMEOUT_SECONDS, check=False)


def relative(path, source):
    try:
        return str(Path(path).resolve().relative_to(source.resolve()))
    except ValueError:
        return str(path)


def example_cases(source):
    return sorted(p for p in (source / "examples" / "cases").iterdir() if p.suffix in CASE_SUFFIXES)


# --- meta ---------------------------------------------------------------------------------

def meta(schemas, args, report):
    for name in schemas.documents:
        problems = [p for p in schemas.check_meta() if p.startswith(f"{name}.schema.json")]
        doc = schemas.documents[name]
        if doc.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            problems.append("does not declare draft 2020-12 in $schema")
        if not doc.get("title") or not doc.get("description"):
            problems.append("has no title or description for editors to show")
        report.check(f"{name}.schema.json", problems)


# --- repository ---------------------------------------------------------------------------

def modeline_problems(schemas, path, schema):
    """The first line must name the file's schema by a path that leads to it."""
    with open(path, encoding="utf-8-sig") as stream:
        first = stream.readline().rstrip("\n")
    match = MODELINE.match(first)
    if not match:
        return ["the first line is not '# yaml-language-server: $schema=<path>'"]
    target = (Path(path).parent / match.group(1)).resolve()
    wanted = schemas.directory / f"{schema}.schema.json"
    return [] if target == wanted else [f"the first line names {match.group(1)}, not {wanted.name}"]


def check_rule_set(schemas, root, source, report):
    files = rule_set_files(root)
    for path, schema in files:
        problems = validate_file(schemas, path, schema) + modeline_problems(schemas, path, schema)
        report.check(relative(path, source), problems)
    reached = {path.resolve() for path, _ in files}
    for stray in sorted(root.parent.glob("*.yaml")):
        if stray.resolve() not in reached:
            report.check(relative(stray, source), ["no file of the rule set includes it"])
    for test in sorted(root.parent.glob("tests/*.yaml")):
        problems = validate_file(schemas, test, "tests") + modeline_problems(schemas, test, "tests")
        report.check(relative(test, source), problems)


TUTORIAL_BLOCK = re.compile(r"^<!-- (file|append): (\S+) -->\n```yaml\n(.*?)^```", re.M | re.S)
INSTALLED_SCHEMA = re.compile(r"^# yaml-language-server: \$schema=/usr/share/scarwise/schema/"
                              r"(\S+)\.schema\.json$")


def tutorial_files(source, directory):
    """The files docs/rule-authoring.md writes, as they stand at its end, written under
    `directory`; each with the schema its first line names by its installed path."""
    contents = {}
    text = (source / "docs" / "rule-authoring.md").read_text(encoding="utf-8")
    for kind, name, block in TUTORIAL_BLOCK.findall(text):
        contents[name] = (contents.get(name, "") if kind == "append" else "") + block
    files = []
    for name, content in sorted(contents.items()):
        path = Path(directory) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        match = INSTALLED_SCHEMA.match(content.split("\n", 1)[0])
        files.append((name, path, match.group(1) if match else None))
    return files


def repository(schemas, args, report):
    source = args.source
    roots = sorted(source.glob("rules/*/ruleset.yaml")) + sorted(source.glob("examples/*/ruleset.yaml"))
    for root in roots:
        check_rule_set(schemas, root, source, report)
    for case in example_cases(source):
        report.check(relative(case, source), validate_file(schemas, case, "case"))
    with tempfile.TemporaryDirectory() as directory:
        for name, path, schema in tutorial_files(source, directory):
            what = f"docs/rule-authoring.md: {name}"
            if schema is None:
                report.check(what, ["the first line does not name an installed schema"])
            else:
                report.check(what, validate_file(schemas, path, schema))


# --- assessments --------------------------------------------------------------------------

def assessment_problems(schemas, text, explained):
    try:
        document = json.loads(text)
    except ValueError as error:
        return [f"not JSON: {error}"]
    problems = schemas.errors("assessment", document)
    traced = [isinstance(scar, dict) and "trace" in scar for scar in document.get("scars", [])]
    if traced and any(traced) != explained or len(set(traced)) > 1:
        problems.append("a trace must be on every scar with --explain, and on none without")
    return problems


# Changes that break the contract; the schema must refuse each of them.
MUTATIONS = {
    "an unknown verdict": lambda d: d.update(suitability="maybe"),
    "no case digest": lambda d: d.pop("case_digest"),
    "a digest that is not SHA-256": lambda d: d["ruleset"].update(digest="sha256:abc"),
    "another format": lambda d: d.update(format="scarwise.assessment/2"),
    "an unknown member": lambda d: d.update(verdict="suitable"),
    "a scar without its plan member": lambda d: d["scars"][0].pop("plan"),
    "complete as a string": lambda d: d["scars"][0].update(complete="true"),
    "a trace result out of the closed set": lambda d: d["scars"][0]["trace"][0].update(result="maybe"),
    "a layer without a digest": lambda d: d["ruleset"].update(layers=[{"id": "x", "version": "1.0.0"}]),
}


def assessments(schemas, args, report):
    source, rules = args.source, args.source / "rules" / "default"
    cases = example_cases(source)
    explained_example = None
    for case in cases:
        for flags in ([], ["--explain"]):
            result = run([args.cli, "eval", "-r", rules, case, "--format", "json", *flags])
            what = f"eval --format json {' '.join(flags)} {relative(case, source)}"
            if result.returncode != 0:
                report.check(what, [f"exit {result.returncode}: {result.stderr.strip()}"])
                continue
            report.check(what, assessment_problems(schemas, result.stdout, bool(flags)))
            if flags:
                explained_example = json.loads(result.stdout)
    lines = "".join(json.dumps(read_document(case)) + "\n" for case in cases)
    for flags in ([], ["--explain"]):
        result = run([args.cli, "batch", "-r", rules, *flags], stdin=lines)
        outputs = result.stdout.splitlines()
        problems = [] if result.returncode == 0 else [f"exit {result.returncode}"]
        if len(outputs) != len(cases):
            problems.append(f"{len(outputs)} lines out for {len(cases)} cases in")
        for number, line in enumerate(outputs, 1):
            problems += [f"line {number}: {p}" for p in assessment_problems(schemas, line, bool(flags))]
        report.check(f"batch {' '.join(flags)}".strip(), problems)
    if explained_example is None:
        report.check("mutations", ["no explained assessment to mutate"])
        return
    for name, mutate in MUTATIONS.items():
        document = copy.deepcopy(explained_example)
        mutate(document)
        refused = bool(schemas.errors("assessment", document))
        report.check(f"an assessment with {name}", [] if refused else ["the schema accepts it"])


# --- agreement ----------------------------------------------------------------------------

def rule_set_corpus(source):
    """Every rule set among the fixtures: a YAML file, or a directory with ruleset.yaml."""
    for base in ("tests/data/good_rules", "tests/data/bad_rules", "tests/data/cli",
                 "tests/data/hostile", "tests/schema/fixtures/ruleset/accept",
                 "tests/schema/fixtures/ruleset/refuse"):
        for entry in sorted((source / base).iterdir()):
            if entry.is_file() and entry.suffix == ".yaml" and not entry.name.startswith("case_"):
                yield entry
            elif entry.is_dir() and (entry / "ruleset.yaml").is_file():
                yield entry


def test_file_corpus(source):
    """Every test file among the fixtures, with the rule set it is run against."""
    cli_rules = source / "tests/data/cli/rules"
    for rules in (source / "rules/default", cli_rules):
        for test in sorted(rules.glob("tests/*.yaml")):
            yield rules, test
    for folder in ("bad_tests", "failing"):
        for test in sorted((source / "tests/data/cli" / folder).glob("*.yaml")):
            yield cli_rules, test


def loader_verdict(result):
    """True when the tool read the input (0, or 1 for failed tests), False when it refused
    it (2); anything else is a crash."""
    return {0: True, 1: True, 2: False}.get(result.returncode)


def schema_side(schemas, files):
    """How the YAML reader and the schemas take a list of (path, schema): a verdict word
    ('accepts', 'refuses', or 'unreadable' when the YAML itself is refused) and the problems."""
    problems, unreadable = [], False
    for path, schema in files:
        document, refusal = read_or_refuse(path)
        unreadable = unreadable or refusal is not None
        found = [refusal] if refusal else schemas.errors(schema, document)
        problems += [f"{path.name}: {problem}" for problem in found]
    verdict = "unreadable" if unreadable else "refuses" if problems else "accepts"
    return verdict, problems


def agree(report, what, accepted, side, refused_too):
    verdict, problems = side
    if accepted is None:
        report.check(what, ["the tool neither accepted nor refused it (a crash?)"])
    elif accepted:
        report.check(what, [f"accepted by scarwise, refused by the schema: {p}" for p in problems])
    else:
        refused_too.append((what, verdict))
        report.check(what, [])


def print_figure(kind, accepted, refused_too):
    count = {verdict: sum(v == verdict for _, v in refused_too)
             for verdict in ("refuses", "unreadable", "accepts")}
    print(f"{kind}: {accepted} accepted by scarwise, all of them by the schema too; "
          f"{len(refused_too)} refused by scarwise: {count['refuses']} refused by the schema, "
          f"{count['unreadable']} as YAML before any schema, {count['accepts']} accepted by the "
          "schema (checks a schema cannot express)")
    for what, verdict in refused_too:
        print(f"  {'YAML refused' if verdict == 'unreadable' else 'schema ' + verdict:15} {what}")


def agreement(schemas, args, report):
    source = args.source
    refused_sets, accepted_sets = [], 0
    for entry in rule_set_corpus(source):
        accepted = loader_verdict(run([args.cli, "check", entry]))
        side = schema_side(schemas, rule_set_files(entry))
        agree(report, relative(entry, source), accepted, side, refused_sets)
        accepted_sets += bool(accepted)
    refused_tests, accepted_tests = [], 0
    for rules, test in test_file_corpus(source):
        accepted = loader_verdict(run([args.cli, "test", rules, test]))
        side = schema_side(schemas, [(test, "tests")])
        agree(report, relative(test, source), accepted, side, refused_tests)
        accepted_tests += bool(accepted)
    print_figure("rule sets", accepted_sets, refused_sets)
    print_figure("test files", accepted_tests, refused_tests)


# --- fixtures -----------------------------------------------------------------------------

def expected_pointer(path):
    with open(path, encoding="utf-8") as stream:
        match = REFUSED_AT.match(stream.readline().rstrip("\n"))
    return match.group(1) if match else None


def fixtures(schemas, args, report):
    base = Path(__file__).resolve().parent / "fixtures"
    for schema in schemas.documents:
        for path in sorted((base / schema / "accept").glob("*")):
            report.check(f"{schema} accepts {path.name}", validate_file(schemas, path, schema))
        for path in sorted((base / schema / "refuse").glob("*")):
            report.check(f"{schema} refuses {path.name}", refusal_problems(schemas, path, schema))


def refusal_problems(schemas, path, schema):
    """A refusal fixture must be refused where its first line says, not somewhere else."""
    where = expected_pointer(path)
    if where is None:
        return ["the first line must be '# refused at: <JSON pointer>'"]
    document, refusal = read_or_refuse(path)
    if refusal:
        return [refusal]
    pointers = schemas.error_pointers(schema, document)
    if where in pointers:
        return []
    return [f"not refused at {where}" + (f" (only at {sorted(pointers)})" if pointers else "")]


MODES = {
    "meta": meta,
    "repository": repository,
    "assessments": assessments,
    "agreement": agreement,
    "fixtures": fixtures,
}
NEEDS_CLI = {"assessments", "agreement"}
