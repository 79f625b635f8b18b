#!/usr/bin/env python3
"""Checks that scarwise and ZEN decided every case alike.

    bench/zen/compare.py SCARWISE.jsonl ZEN.jsonl

SCARWISE.jsonl is the output of `scarwise batch` (one scarwise.assessment/1 record per line),
ZEN.jsonl that of zen_run.js (one line per case, in the same order). For every scar of every
case it compares:

- the scar id and the verdict (suitable, suitable_with_caution, defer, not_suitable);
- the plan: whether there is one, and its sessions (after every adjustment and the clamp to
  limits.max_sessions), interval in weeks and needle depth in mm, each as min and max;
- the ids of the combinations, of the treatments to avoid and of the precautions, as sets
  (scarwise lists each once in priority order; the ZEN model lists every fired rule's ids).

Prints the number of cases and scars compared and the first differences; exits 1 on any.
"""

import json
import sys


def scarwise_scars(record):
    scars = []
    for s in record["scars"]:
        plan = s["plan"]
        if plan is not None:
            plan = tuple(plan[k][m] for k in ("sessions", "interval_weeks", "needle_depth_mm")
                         for m in ("min", "max"))
        scars.append({
            "id": s["id"], "verdict": s["suitability"], "plan": plan,
            "combinations": sorted({c["id"] for c in s["combinations"]}),
            "avoid": sorted({a["id"] for a in s["avoid"]}),
            "precautions": sorted({p["id"] for p in s["precautions"]}),
        })
    return scars


def zen_scars(record):
    scars = []
    for s in record["scars"]:
        plan = s.get("plan")
        if plan is not None:
            plan = tuple(plan[k][i] for k in ("sessions", "interval_weeks", "needle_depth_mm")
                         for i in (0, 1))
        scars.append({
            "id": s["id"], "verdict": s["verdict"], "plan": plan,
            "combinations": sorted(set(s.get("combinations") or [])),
            "avoid": sorted(set(s.get("avoid") or [])),
            "precautions": sorted(set(s.get("precautions") or [])),
        })
    return scars


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1]) as a, open(sys.argv[2]) as b:
        ours = [line for line in a if line.strip()]
        theirs = [line for line in b if line.strip()]
    differences = []
    if len(ours) != len(theirs):
        differences.append("scarwise answered %d cases, ZEN %d" % (len(ours), len(theirs)))
    scars = 0
    for number, (x, y) in enumerate(zip(ours, theirs), start=1):
        record = json.loads(x)
        if "diagnostics" in record:
            differences.append("case %d: scarwise rejected it: %s" % (number, x.strip()[:300]))
            continue
        left, right = scarwise_scars(record), zen_scars(json.loads(y))
        scars += len(left)
        if left != right:
            differences.append("case %d:\n  scarwise %s\n  zen      %s" % (number, left, right))
    print("compared %d cases, %d scars: %d differ" % (min(len(ours), len(theirs)), scars,
                                                      len(differences)))
    for d in differences[:5]:
        print(d)
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
