#!/usr/bin/env python3
"""Writes the side-by-side benchmark's inputs: a 45-rule scarwise rule set, the same policy as a
GoRules ZEN decision model (JDM), and random cases as JSON Lines.

    bench/zen/generate.py OUT_DIR [--cases N] [--seed S]

OUT_DIR receives rules/ruleset.yaml, scar-suitability.jdm.json and cases.jsonl. The output
depends only on N and S. Every rule is written once, as a condition tree, and rendered into
both languages, so the two models cannot drift apart. Every case gives every fact, so that the
three-valued logic of scarwise (an unknown fact) never meets ZEN, which has none.
"""

import argparse
import json
import os
import random

# --- the vocabulary ------------------------------------------------------------------------

SCAR_TYPES = ["ice_pick", "boxcar", "rolling", "surgical", "traumatic", "burn", "hypertrophic",
              "keloid", "striae_rubra", "striae_alba"]
AREAS = ["face", "neck", "chest", "back", "arms", "legs", "abdomen"]
ISOTRETINOIN = ["never", "current", "stopped"]
DIABETES = ["none", "controlled", "uncontrolled"]
ATROPHIC = ["ice_pick", "boxcar", "rolling"]
MAX_SESSIONS = 8

FACTS = [
    ("patient.age", "int", {"min": 0, "max": 120}, "Age in whole years."),
    ("patient.fitzpatrick", "int", {"min": 1, "max": 6}, "Fitzpatrick skin phototype."),
    ("patient.pregnant", "bool", {}, "Currently pregnant."),
    ("patient.breastfeeding", "bool", {}, "Currently breastfeeding."),
    ("patient.isotretinoin", "enum", {"values": ISOTRETINOIN}, "Systemic isotretinoin."),
    ("patient.months_since_isotretinoin", "number", {"min": 0},
     "Months since the last isotretinoin dose (0 when never taken)."),
    ("patient.anticoagulants", "bool", {}, "Takes an anticoagulant or antiplatelet drug."),
    ("patient.bleeding_disorder", "bool", {}, "Known bleeding disorder."),
    ("patient.keloid_history", "bool", {}, "Has formed keloids before."),
    ("patient.hsv_history", "bool", {}, "History of cold sores."),
    ("patient.active_hsv", "bool", {}, "Herpes simplex lesion present now."),
    ("patient.immunosuppressed", "bool", {}, "Immunosuppressed by disease or medication."),
    ("patient.diabetes", "enum", {"values": DIABETES}, "Diabetes status."),
    ("patient.koebner_disease", "bool", {}, "Active vitiligo, psoriasis or lichen planus."),
    ("patient.smoker", "bool", {}, "Smokes."),
    ("scar.type", "enum", {"values": SCAR_TYPES, "required": True}, "Scar morphology."),
    ("scar.area", "enum", {"values": AREAS}, "Body area of the scar site."),
    ("scar.severity", "int", {"min": 1, "max": 4}, "Goodman and Baron grade, 1 to 4."),
    ("scar.age_months", "number", {"min": 0}, "Months since the scar formed."),
    ("scar.active_acne", "bool", {}, "Active inflammatory acne at the site."),
    ("scar.infection", "bool", {}, "Active infection at the site."),
]

TREATMENTS = {
    "subcision": "Subcision",
    "tca_cross": "TCA CROSS",
    "prp": "Platelet-rich plasma",
    "rf_microneedling": "Radiofrequency microneedling",
    "fractional_laser_ablative": "Ablative fractional laser",
    "topical_tranexamic_acid": "Topical tranexamic acid",
    "silicone_gel": "Silicone gel",
}
PRECAUTIONS = {
    "refer_dermatologist": "Refer to a dermatologist before any procedure at this site.",
    "physician_clearance": "Obtain clearance from the treating physician.",
    "treat_infection_first": "Treat the infection and let the site heal first.",
    "pih_risk": "Higher risk of post-inflammatory hyperpigmentation: conservative depth.",
    "antiviral_prophylaxis": "Ask the prescriber about antiviral prophylaxis.",
    "bleeding_risk": "More pinpoint bleeding and bruising; do not stop the drug unasked.",
    "test_spot": "Treat a small test spot first and review it after four weeks.",
    "guardian_consent": "A parent or guardian must consent.",
    "infection_risk": "Higher infection risk: strict asepsis and early review.",
    "thin_skin": "Thin skin: stay at the shallow end of the depth range.",
    "smoking_advice": "Smoking slows healing; advise stopping around the sessions.",
}
AFTERCARE = {
    "sun_protection": "Avoid sun for 72 hours; broad-spectrum sunscreen from the next day.",
    "gentle_care": "Gentle cleanser and bland moisturiser only for 48 hours.",
}

# --- conditions: one tree, two languages ------------------------------------------------------
# ("bool", fact) | ("not", c) | ("and", c, ...) | ("or", c, ...) | ("cmp", fact, op, value)
# | ("in", fact, [values]) | ("notin", fact, [values]) | ("true",)


def eq(fact, value):
    return ("cmp", fact, "==", value)


def scarwise_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def zen_value(value):
    return json.dumps(value)


def render(cond, zen):
    kind = cond[0]
    if kind == "true":
        return "true"
    if kind == "bool":
        return cond[1] + (" == true" if zen else "")
    if kind == "not":
        return "not (" + render(cond[1], zen) + ")"
    if kind in ("and", "or"):
        return (" " + kind + " ").join(
            "(" + render(c, zen) + ")" if c[0] in ("and", "or") else render(c, zen)
            for c in cond[1:])
    value = zen_value if zen else scarwise_value
    if kind == "cmp":
        return "%s %s %s" % (cond[1], cond[2], value(cond[3]))
    items = ", ".join(value(v) for v in cond[2])
    if kind == "in":
        return "%s in [%s]" % (cond[1], items)
    if kind == "notin":
        return ("not (%s in [%s])" if zen else "%s not in [%s]") % (cond[1], items)
    raise ValueError(kind)


def evaluate(cond, facts):
    """The condition on a fully known case, to check that the generated rules fire at all."""
    kind = cond[0]
    if kind == "true":
        return True
    if kind == "bool":
        return facts[cond[1]]
    if kind == "not":
        return not evaluate(cond[1], facts)
    if kind == "and":
        return all(evaluate(c, facts) for c in cond[1:])
    if kind == "or":
        return any(evaluate(c, facts) for c in cond[1:])
    value = facts[cond[1]]
    if kind == "cmp":
        return {"==": value == cond[3], "!=": value != cond[3], "<": value < cond[3],
                "<=": value <= cond[3], ">": value > cond[3], ">=": value >= cond[3]}[cond[2]]
    if kind == "in":
        return value in cond[2]
    if kind == "notin":
        return value not in cond[2]
    raise ValueError(kind)


# --- the rules, in declaration order -----------------------------------------------------------


def rule(rid, title, when, priority=0, **then):
    return {"id": rid, "title": title, "when": when, "priority": priority, "then": then}


def plan(smin, smax, imin, imax, dmin, dmax):
    return {"sessions": (smin, smax), "interval_weeks": (imin, imax),
            "needle_depth_mm": (dmin, dmax)}


RULES = [
    # Contraindications
    rule("contra.keloid-scar", "Keloid at the target site", eq("scar.type", "keloid"), 100,
         suitability="not_suitable", precautions=["refer_dermatologist"],
         message="Collagen-induction microneedling is not supported for keloids."),
    rule("contra.bleeding-disorder", "Bleeding disorder", ("bool", "patient.bleeding_disorder"),
         100, suitability="not_suitable", precautions=["physician_clearance"],
         message="A bleeding disorder is a labelled contraindication."),
    rule("contra.site-infection", "Infection at the site", ("bool", "scar.infection"), 100,
         suitability="not_suitable", precautions=["treat_infection_first"],
         message="Never needle through an active infection."),
    rule("contra.keloid-history-raised-scar", "Keloid-prone patient, raised scar",
         ("and", ("bool", "patient.keloid_history"), eq("scar.type", "hypertrophic")), 100,
         suitability="not_suitable", precautions=["refer_dermatologist"],
         message="A raised scar in a keloid-prone patient may turn keloidal when injured."),
    rule("contra.immunosuppressed-uncontrolled-diabetes", "Immunosuppressed, uncontrolled diabetes",
         ("and", ("bool", "patient.immunosuppressed"), eq("patient.diabetes", "uncontrolled")),
         100, suitability="not_suitable", precautions=["physician_clearance"],
         message="Wound healing is too uncertain for an elective procedure."),
    # Deferrals
    rule("defer.pregnancy", "Pregnancy", ("bool", "patient.pregnant"), 50,
         suitability="defer", message="Elective needling waits until after the pregnancy."),
    rule("defer.breastfeeding", "Breastfeeding", ("bool", "patient.breastfeeding"), 50,
         suitability="defer", message="Topicals and anaesthetics are not cleared while breastfeeding."),
    rule("defer.isotretinoin-6m", "Isotretinoin now or within 6 months",
         ("or", eq("patient.isotretinoin", "current"),
          ("and", eq("patient.isotretinoin", "stopped"),
           ("cmp", "patient.months_since_isotretinoin", "<", 6))), 50,
         suitability="defer", message="Wait until 6 months after the last dose."),
    rule("defer.active-hsv", "Active cold sore", ("bool", "patient.active_hsv"), 50,
         suitability="defer", precautions=["antiviral_prophylaxis"],
         message="Wait until the lesion has healed."),
    rule("defer.active-acne", "Active acne at a facial site",
         ("and", ("bool", "scar.active_acne"), eq("scar.area", "face")), 50,
         suitability="defer", message="Control inflammatory acne first."),
    rule("defer.immature-scar", "Immature scar",
         ("and", ("cmp", "scar.age_months", "<", 3),
          ("in", "scar.type", ["surgical", "traumatic", "burn"])), 50,
         suitability="defer", message="Let the scar mature for at least three months."),
    rule("defer.uncontrolled-diabetes", "Uncontrolled diabetes",
         eq("patient.diabetes", "uncontrolled"), 50, suitability="defer",
         message="Bring the diabetes under control first."),
    # Cautions
    rule("caution.dark-skin", "Fitzpatrick IV-VI", ("cmp", "patient.fitzpatrick", ">=", 4), 20,
         suitability="suitable_with_caution", precautions=["pih_risk"],
         message="Pigment changes are more likely in darker skin."),
    rule("caution.hsv-facial", "Cold-sore history, facial site",
         ("and", ("bool", "patient.hsv_history"), eq("scar.area", "face")), 20,
         suitability="suitable_with_caution", precautions=["antiviral_prophylaxis"],
         message="Facial needling can reactivate herpes simplex."),
    rule("caution.anticoagulants", "Anticoagulant or antiplatelet drug",
         ("bool", "patient.anticoagulants"), 20, suitability="suitable_with_caution",
         precautions=["bleeding_risk"], message="Expect more bleeding and bruising."),
    rule("caution.keloid-history", "Keloid-prone patient",
         ("and", ("bool", "patient.keloid_history"), ("cmp", "scar.type", "!=", "hypertrophic")),
         20, suitability="suitable_with_caution", precautions=["test_spot"],
         message="Treat a test spot first in keloid-prone patients."),
    rule("caution.minor", "Under 18", ("cmp", "patient.age", "<", 18), 20,
         suitability="suitable_with_caution", precautions=["guardian_consent"],
         message="A minor needs a guardian's consent."),
    rule("caution.immunosuppressed", "Immunosuppressed", ("bool", "patient.immunosuppressed"), 20,
         suitability="suitable_with_caution", precautions=["infection_risk"],
         message="Infection risk is higher."),
    rule("caution.controlled-diabetes", "Controlled diabetes",
         eq("patient.diabetes", "controlled"), 20, suitability="suitable_with_caution",
         precautions=["infection_risk"], message="Healing is slower in diabetes."),
    rule("caution.koebner", "Koebner-prone disease", ("bool", "patient.koebner_disease"), 20,
         suitability="suitable_with_caution", precautions=["test_spot"],
         message="Needling can trigger new lesions of the disease."),
    rule("caution.thin-skin", "Severe scar on the neck",
         ("and", eq("scar.area", "neck"), ("cmp", "scar.severity", ">=", 3)), 20,
         suitability="suitable_with_caution", precautions=["thin_skin"],
         message="The neck's skin is thin."),
    rule("note.smoker", "Smoker", ("bool", "patient.smoker"), 0, precautions=["smoking_advice"],
         message="Smoking slows healing; it does not change the verdict."),
    # Plans
    rule("plan.rolling", "Rolling acne scars", eq("scar.type", "rolling"), 0,
         plan=plan(3, 6, 4, 6, 1.5, 2.0), message="Rolling scars respond well."),
    rule("plan.boxcar", "Boxcar acne scars", eq("scar.type", "boxcar"), 0,
         plan=plan(3, 6, 4, 6, 1.5, 2.0), message="Shallow boxcar scars respond best."),
    rule("plan.ice-pick", "Ice-pick acne scars", eq("scar.type", "ice_pick"), 0,
         plan=plan(3, 6, 4, 6, 1.5, 2.0), message="Plan needling as an adjunct to TCA CROSS."),
    rule("plan.macular", "Macular acne marks",
         ("and", eq("scar.severity", 1), ("in", "scar.type", ATROPHIC)), 10,
         plan=plan(3, 3, 4, 4, 0.5, 1.5), suggest=["topical_tranexamic_acid"],
         message="Grade 1 marks are a colour problem; stay shallow."),
    rule("plan.surgical", "Surgical scars", eq("scar.type", "surgical"), 0,
         plan=plan(2, 4, 4, 6, 1.0, 2.0), message="Three sessions a month apart are typical."),
    rule("plan.traumatic", "Traumatic scars", eq("scar.type", "traumatic"), 0,
         plan=plan(3, 6, 4, 6, 1.0, 2.0), message="Monthly sessions."),
    rule("plan.burn", "Mature burn scars", eq("scar.type", "burn"), 0,
         suitability="suitable_with_caution", plan=plan(1, 4, 4, 8, 1.0, 2.5),
         message="Evidence comes from case series."),
    rule("plan.burn-body", "Burn scars away from face and neck",
         ("and", eq("scar.type", "burn"), ("notin", "scar.area", ["face", "neck"])), 5,
         plan=plan(1, 4, 4, 8, 1.0, 3.0), message="Thick body burn scars may go to 3.0 mm."),
    rule("plan.hypertrophic", "Mature hypertrophic scars", eq("scar.type", "hypertrophic"), 0,
         suitability="suitable_with_caution", plan=plan(3, 6, 4, 6, 1.5, 2.5),
         message="Evidence is limited and mixed."),
    rule("plan.striae-rubra", "Striae rubra", eq("scar.type", "striae_rubra"), 0,
         plan=plan(3, 6, 2, 4, 1.0, 2.0), message="Red striae respond better than white."),
    rule("plan.striae-alba", "Striae alba", eq("scar.type", "striae_alba"), 0,
         plan=plan(3, 6, 2, 4, 1.0, 2.0), message="Expect a slower response."),
    # Session adjustments
    rule("adjust.severe", "Severe scarring", eq("scar.severity", 4), 0, adjust_sessions=1,
         message="Grade 4 scars need more sessions."),
    rule("adjust.long-standing", "Long-standing acne scars",
         ("and", ("cmp", "scar.age_months", ">=", 120), ("in", "scar.type", ATROPHIC)), 0,
         adjust_sessions=1, message="Old acne scars remodel slowly."),
    rule("adjust.mild", "Mild acne scars",
         ("and", eq("scar.severity", 2), ("in", "scar.type", ATROPHIC)), 0, adjust_sessions=-1,
         message="Mild scars need fewer sessions."),
    # Combinations
    rule("combine.subcision", "Subcision for rolling scars", eq("scar.type", "rolling"), 0,
         suggest=["subcision"], message="Release the tethering bands."),
    rule("combine.tca-cross", "TCA CROSS for ice-pick scars", eq("scar.type", "ice_pick"), 0,
         suggest=["tca_cross"], message="Focal TCA for each ice-pick scar."),
    rule("combine.prp", "Platelet-rich plasma",
         ("in", "scar.type", ATROPHIC + ["striae_rubra", "striae_alba"]), 0, suggest=["prp"],
         message="PRP adds to the response of atrophic scars."),
    rule("combine.severe-atrophic", "Severe atrophic scars",
         ("and", ("cmp", "scar.severity", ">=", 3), ("in", "scar.type", ["boxcar", "rolling"])),
         0, suggest=["rf_microneedling", "fractional_laser_ablative"],
         message="Deep scars need more than needling."),
    rule("combine.pih-topicals", "Pigment-prone skin", ("cmp", "patient.fitzpatrick", ">=", 4), 0,
         suggest=["topical_tranexamic_acid"], message="Topicals reduce pigment changes."),
    rule("avoid.ablative-laser-dark-skin", "No ablative laser in darker skin",
         ("cmp", "patient.fitzpatrick", ">=", 4), 20, avoid=["fractional_laser_ablative"],
         precautions=["pih_risk"], message="Ablative lasers darken skin of type IV-VI."),
    rule("avoid.prp-anticoagulants", "No PRP with anticoagulants",
         ("bool", "patient.anticoagulants"), 20, avoid=["prp"],
         message="PRP needs a blood draw and adds bruising."),
    rule("combine.silicone-hypertrophic", "Silicone for raised scars",
         eq("scar.type", "hypertrophic"), 0, suggest=["silicone_gel"],
         message="Silicone remains the standard for raised scars."),
    # Aftercare
    rule("aftercare.standard", "Standard aftercare", ("true",), 0,
         aftercare=["sun_protection", "gentle_care"], message="Standard aftercare."),
]
assert len(RULES) == 45, len(RULES)

VERDICTS = ["suitable", "suitable_with_caution", "defer", "not_suitable"]

# --- writers -----------------------------------------------------------------------------------


def yaml_string(text):
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


def write_scarwise(path):
    out = ["# Generated by bench/zen/generate.py: a 45-rule scar-suitability model for the",
           "# side-by-side benchmark with GoRules ZEN. Not clinical advice.",
           "schema_version: 1", "ruleset:", "  id: zen-bench", "  version: 1.0.0",
           "  title: Scar suitability, 45 rules (benchmark)",
           "limits:", "  max_sessions: %d" % MAX_SESSIONS, "evidence:", "  bench-note:",
           "    cite: " + yaml_string("Benchmark rule set; no clinical source."),
           "    missing: [year, url]", "facts:"]
    for name, kind, extra, doc in FACTS:
        fields = ["type: " + kind]
        if "values" in extra:
            fields.append("values: [" + ", ".join(extra["values"]) + "]")
        for key in ("min", "max"):
            if key in extra:
                fields.append("%s: %s" % (key, extra[key]))
        if extra.get("required"):
            fields.append("required: true")
        fields.append("doc: " + yaml_string(doc))
        out.append("  %s: {%s}" % (name, ", ".join(fields)))
    out.append("treatments:")
    out += ["  %s: {name: %s}" % (k, yaml_string(v)) for k, v in TREATMENTS.items()]
    out.append("precautions:")
    out += ["  %s: {text: %s}" % (k, yaml_string(v)) for k, v in PRECAUTIONS.items()]
    out.append("aftercare:")
    out += ["  %s: {text: %s}" % (k, yaml_string(v)) for k, v in AFTERCARE.items()]
    out.append("rules:")
    for r in RULES:
        out += ["  - id: " + r["id"], "    title: " + yaml_string(r["title"])]
        if r["priority"]:
            out.append("    priority: %d" % r["priority"])
        out += ["    when: " + yaml_string(render(r["when"], zen=False)), "    then:"]
        then = r["then"]
        if "suitability" in then:
            out.append("      suitability: " + then["suitability"])
        if "plan" in then:
            p = then["plan"]
            out.append("      plan:")
            for key in ("sessions", "interval_weeks", "needle_depth_mm"):
                out.append("        %s: {min: %s, max: %s}" % ((key,) + p[key]))
        if "adjust_sessions" in then:
            out.append("      adjust_sessions: %d" % then["adjust_sessions"])
        for key in ("suggest", "avoid", "precautions", "aftercare"):
            if key in then:
                out.append("      %s: [%s]" % (key, ", ".join(then[key])))
        out.append("      message: " + yaml_string(then["message"]))
        out.append("    evidence: [bench-note]")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def write_jdm(path):
    """One collect decision table (a row per rule, in scarwise's priority order) and two
    expression nodes that merge the fired rows as scarwise merges fired rules."""
    ordered = sorted(enumerate(RULES), key=lambda item: (-item[1]["priority"], item[0]))
    outputs = [("rule", "rule"), ("rank", "rank"), ("smin", "plan.sessions.min"),
               ("smax", "plan.sessions.max"), ("imin", "plan.interval.min"),
               ("imax", "plan.interval.max"), ("dmin", "plan.depth.min"),
               ("dmax", "plan.depth.max"), ("adjust", "adjust"), ("suggest", "suggest"),
               ("avoid", "avoid"), ("precautions", "precautions")]
    rows = []
    for _, r in ordered:
        then = r["then"]
        row = {"_id": r["id"], "_description": r["title"], "when": render(r["when"], zen=True)}
        if row["when"] == "true":
            row["when"] = ""  # an empty cell matches every case
        row["rule"] = json.dumps(r["id"])
        row["rank"] = str(VERDICTS.index(then.get("suitability", "suitable")))
        p = then.get("plan")
        for column, value in (("smin", p and p["sessions"][0]), ("smax", p and p["sessions"][1]),
                              ("imin", p and p["interval_weeks"][0]),
                              ("imax", p and p["interval_weeks"][1]),
                              ("dmin", p and p["needle_depth_mm"][0]),
                              ("dmax", p and p["needle_depth_mm"][1])):
            row[column] = "" if value is None else json.dumps(value)
        row["adjust"] = str(then.get("adjust_sessions", 0))
        for key in ("suggest", "avoid", "precautions"):
            row[key] = json.dumps(then.get(key, []))
        rows.append(row)

    def node(node_id, kind, name, content=None):
        n = {"id": node_id, "type": kind, "name": name, "position": {"x": 0, "y": 0}}
        if content is not None:
            n["content"] = content
        return n

    def expressions(pairs):
        return {"expressions": [{"id": "x%d" % i, "key": k, "value": v}
                                for i, (k, v) in enumerate(pairs)]}

    table = {
        "hitPolicy": "collect",
        "outputPath": "fired",
        "inputs": [{"id": "when", "name": "Condition", "field": "", "type": "expression"}],
        "outputs": [{"id": column, "name": column, "field": field, "type": "expression"}
                    for column, field in outputs],
        "rules": rows,
    }
    # Verdict: the most restrictive fired one. Plan: the first fired plan in priority order,
    # its sessions moved by every fired adjustment and clamped to 1..max_sessions, none when
    # not suitable. Combinations: suggestions minus avoids, none when not suitable.
    gather = expressions([
        ("rank", "max(map(fired, #.rank))"),
        ("plan", "filter(fired, #.plan.sessions.min != null)[0].plan"),
        ("adjust", "sum(map(fired, #.adjust))"),
        ("suggest", "flatten(map(fired, #.suggest))"),
        ("avoid", "flatten(map(fired, #.avoid))"),
        ("precautions", "flatten(map(fired, #.precautions))"),
    ])
    decide = expressions([
        ("verdict", json.dumps(VERDICTS) + "[rank]"),
        ("plan", "rank == 3 or plan == null ? null : {"
                 "sessions: [min([max([plan.sessions.min + adjust, 1]), %d]), "
                 "min([max([plan.sessions.max + adjust, 1]), %d])], "
                 "interval_weeks: [plan.interval.min, plan.interval.max], "
                 "needle_depth_mm: [plan.depth.min, plan.depth.max]}"
                 % (MAX_SESSIONS, MAX_SESSIONS)),
        ("combinations", "rank == 3 ? [] : filter(suggest, not (# in avoid))"),
        ("avoid", "avoid"),
        ("precautions", "precautions"),
    ])
    jdm = {
        "contentType": "application/vnd.gorules.decision",
        "nodes": [node("request", "inputNode", "Request"),
                  node("rules", "decisionTableNode", "Rules", table),
                  node("gather", "expressionNode", "Gather", gather),
                  node("decide", "expressionNode", "Decide", decide),
                  node("response", "outputNode", "Response")],
        "edges": [{"id": "e%d" % i, "type": "edge", "sourceId": a, "targetId": b}
                  for i, (a, b) in enumerate([("request", "rules"), ("rules", "gather"),
                                              ("gather", "decide"), ("decide", "response")])],
    }
    with open(path, "w") as f:
        json.dump(jdm, f, indent=1)
        f.write("\n")


def random_patient(rng):
    isotretinoin = rng.choices(ISOTRETINOIN, [80, 5, 15])[0]
    return {
        "age": rng.randint(14, 75),
        "fitzpatrick": rng.randint(1, 6),
        "pregnant": rng.random() < 0.04,
        "breastfeeding": rng.random() < 0.03,
        "isotretinoin": isotretinoin,
        "months_since_isotretinoin":
            0 if isotretinoin != "stopped" else round(rng.uniform(0.5, 36), 1),
        "anticoagulants": rng.random() < 0.08,
        "bleeding_disorder": rng.random() < 0.02,
        "keloid_history": rng.random() < 0.06,
        "hsv_history": rng.random() < 0.2,
        "active_hsv": rng.random() < 0.02,
        "immunosuppressed": rng.random() < 0.04,
        "diabetes": rng.choices(DIABETES, [88, 9, 3])[0],
        "koebner_disease": rng.random() < 0.03,
        "smoker": rng.random() < 0.18,
    }


def random_scar(rng, number):
    kind = rng.choices(SCAR_TYPES, [12, 16, 20, 10, 8, 6, 8, 3, 8, 9])[0]
    atrophic = kind in ATROPHIC
    return {
        "id": "site-%d" % number,
        "type": kind,
        "area": "face" if atrophic and rng.random() < 0.8 else rng.choice(AREAS),
        "severity": rng.randint(1, 4),
        "age_months": round(rng.uniform(1, 240), 1),
        "active_acne": atrophic and rng.random() < 0.1,
        "infection": rng.random() < 0.02,
    }


def write_cases(path, count, seed):
    rng = random.Random(seed)
    fired = [0] * len(RULES)
    with open(path, "w") as f:
        for _ in range(count):
            case = {"patient": random_patient(rng),
                    "scars": [random_scar(rng, n + 1) for n in range(rng.randint(1, 2))]}
            for scar in case["scars"]:
                facts = {"patient." + k: v for k, v in case["patient"].items()}
                facts.update({"scar." + k: v for k, v in scar.items() if k != "id"})
                for i, r in enumerate(RULES):
                    fired[i] += evaluate(r["when"], facts)
            f.write(json.dumps(case, separators=(",", ":")) + "\n")
    never = [r["id"] for r, n in zip(RULES, fired) if n == 0]
    if never:
        raise SystemExit("rules that never fire on these cases: " + ", ".join(never))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    write_scarwise(os.path.join(args.out_dir, "rules", "ruleset.yaml"))
    write_jdm(os.path.join(args.out_dir, "scar-suitability.jdm.json"))
    write_cases(os.path.join(args.out_dir, "cases.jsonl"), args.cases, args.seed)


if __name__ == "__main__":
    main()
