#!/usr/bin/env python3
"""REDCap, checked independently of myoscreen's code:
- `questions --format redcap` has exactly REDCap's 18 dictionary columns,
  record_id first, and only REDCap field types, validations and choices;
- answers → a REDCap raw export (written here from the dictionary alone, as
  REDCap writes one: checkbox options as field___code 1/0, yes/no 1/0, a
  redcap_event_name and a FORM_complete column) → `batch --input redcap`
  gives byte for byte the reports the plain answers give;
- each field's branching logic, run by the small evaluator of REDCap's logic
  below on generated exports, is true exactly when myoscreen asks the
  question (its ask_if is not false: listed as unanswered when blank);
- bad cells give error records naming record and field, never the value.

usage: redcap.py MYOSCREEN SOURCE_DIR WORK_DIR
"""
import csv
import io
import json
import os
import re
import subprocess
import sys

from checks import Checks

COLUMNS = ["Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
           "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
           "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
           "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name",
           "Matrix Ranking?", "Field Annotation"]
TYPES = {"text", "notes", "dropdown", "radio", "checkbox", "yesno", "truefalse", "calc", "file", "slider", "descriptive", "sql"}


# --- A tiny evaluator of REDCap's branching logic (the subset: [field],
# [field(code)], 'text', numbers, = <> < <= > >=, and, or, parentheses).
# Values are the export's cells as text; a comparison of numbers is numeric,
# '=' and '<>' otherwise compare text; an order comparison with a blank or
# non-number is false.
TOKEN = re.compile(r"\s*(?:(\[[a-z0-9_]+(?:\([a-z0-9_]+\))?\])|('[^']*')|(-?\d+(?:\.\d+)?)|(<>|<=|>=|=|<|>)|(\(|\))|(and|or))", re.I)


def tokenize(s):
    pos, out = 0, []
    while pos < len(s):
        if s[pos:].strip() == "":
            break
        m = TOKEN.match(s, pos)
        if not m:
            raise ValueError(f"cannot read REDCap logic at {pos}: {s[pos:pos + 20]!r}")
        out.append(next(g for g in m.groups() if g is not None))
        pos = m.end()
    return out


def evaluate(logic, row):
    toks = tokenize(logic)
    pos = 0

    def peek():
        return toks[pos] if pos < len(toks) else None

    def take():
        nonlocal pos
        pos += 1
        return toks[pos - 1]

    def value(t):
        if t.startswith("["):
            m = re.fullmatch(r"\[([a-z0-9_]+)(?:\(([a-z0-9_]+)\))?\]", t, re.I)
            col = m.group(1) + ("___" + m.group(2).lower() if m.group(2) else "")
            if col not in row:
                raise KeyError(f"logic names {t}, not a column of the export")
            return row[col]
        if t.startswith("'"):
            return t[1:-1]
        return t

    def num(v):
        try:
            return float(v)
        except ValueError:
            return None

    def comparison():
        if peek() == "(":
            take()
            v = disjunction()
            assert take() == ")"
            return v
        a, op, b = value(take()), take(), value(take())
        x, y = num(a), num(b)
        if op in ("=", "<>"):
            same = (x == y) if x is not None and y is not None else a == b
            return same if op == "=" else not same
        if x is None or y is None:
            return False
        return {"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op]

    def conjunction():
        v = comparison()
        while peek() and peek().lower() == "and":
            take()
            v = comparison() and v
        return v

    def disjunction():
        v = conjunction()
        while peek() and peek().lower() == "or":
            take()
            v = conjunction() or v
        return v

    v = disjunction()
    if pos != len(toks):
        raise ValueError(f"trailing tokens in {logic!r}")
    return v


def redcap_code(code):
    return code.lower().replace("-", "_")


def export(fields, records):
    """A REDCap raw CSV export of `records` (answers objects) for the
    dictionary `fields`, as REDCap writes it."""
    form = fields[0]["Form Name"]
    header = [fields[0]["Variable / Field Name"], "redcap_event_name"]
    for f in fields[1:]:
        name = f["Variable / Field Name"]
        if f["Field Type"] == "checkbox":
            header += [f"{name}___{redcap_code(c)}" for c, _ in choices(f)]
        else:
            header.append(name)
    header.append(f"{form}_complete")
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    rows = []
    for rec in records:
        row = [str(rec.get("id", "")), "baseline_arm_1"]
        for f in fields[1:]:
            name, t = f["Variable / Field Name"], f["Field Type"]
            v = rec.get(name)
            if t == "checkbox":
                codes = [c for c, _ in choices(f)]
                ticked = set(v) if isinstance(v, list) else set()
                if isinstance(v, list) and not v and "none" in codes:
                    ticked = {"none"}  # [] is 'none of these' in myoscreen's JSON
                row += ["1" if c in ticked else "0" for c in codes]
            elif t == "yesno":
                row.append("" if v is None else ("1" if v else "0"))
            elif t == "calc":
                row.append("")  # REDCap would compute it; myoscreen computes its own
            else:
                row.append("" if v is None else (json.dumps(v) if isinstance(v, float) else str(v)))
        row.append("2")
        w.writerow(row)
        rows.append(dict(zip(header, row)))
    return out.getvalue(), rows


def choices(f):
    text = f["Choices, Calculations, OR Slider Labels"]
    return [tuple(p.strip() for p in c.split(",", 1)) for c in text.split("|")] if text else []


def main():
    exe, src, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    test = Checks(exe)
    check, run = test.check, test.run

    # The dictionary.
    dictionary = run(["questions", "--format", "redcap"]).stdout.decode()
    with open(os.path.join(work, "dictionary.csv"), "w", encoding="utf-8") as f:
        f.write(dictionary)
    table = list(csv.reader(io.StringIO(dictionary)))
    check(table[0] == COLUMNS, f"dictionary header {table[0]}")
    check(all(len(r) == 18 for r in table), "a dictionary row without exactly 18 cells")
    fields = [dict(zip(COLUMNS, r)) for r in table[1:]]
    check(fields[0]["Variable / Field Name"] == "record_id", "record_id is not the first field")
    check(len({f["Form Name"] for f in fields}) == 1, "more than one form")
    names = [f["Variable / Field Name"] for f in fields]
    check(len(set(names)) == len(names), "a field name twice")
    for f in fields:
        name, t = f["Variable / Field Name"], f["Field Type"]
        check(re.fullmatch(r"[a-z][a-z0-9_]*", name) is not None, f"{name}: not a REDCap field name")
        check(t in TYPES, f"{name}: field type {t}")
        if t in ("radio", "checkbox"):
            cs = choices(f)
            check(cs and all(len(c) == 2 and re.fullmatch(r"[a-z0-9_]+", c[0]) for c in cs), f"{name}: choices {f['Choices, Calculations, OR Slider Labels']!r}")
        if f["Text Validation Type OR Show Slider Number"]:
            check(f["Text Validation Type OR Show Slider Number"] in ("integer", "number"), f"{name}: validation")
            check(float(f["Text Validation Min"]) <= float(f["Text Validation Max"]), f"{name}: min > max")
    questions = json.loads(run(["questions", "--format", "json"]).stdout)
    qtypes = {"choice": "radio", "multi_choice": "checkbox", "yes_no": "yesno", "integer": "text", "number": "text"}
    by_name = {f["Variable / Field Name"]: f for f in fields}
    for q in questions:
        check(by_name.get(q["id"], {}).get("Field Type") == qtypes[q["type"]], f"{q['id']}: not a {qtypes[q['type']]} field")
    calc = [f for f in fields if f["Field Type"] == "calc"]
    check(any(f["Variable / Field Name"] == "bmi" for f in calc), "no calc field for bmi")
    logic_fields = [f for f in fields if f["Branching Logic (Show field only if...)"]]
    asked_if = {q["id"] for q in questions if q.get("ask_if")}
    check({f["Variable / Field Name"] for f in logic_fields} == asked_if, "branching logic is not on exactly the questions with an ask_if")

    # Round trip: the plain answers and their REDCap export give the same reports.
    gen = [sys.executable, os.path.join(src, "bench/gen"), "600", "--seed", "23", "--missing", "0.3", "--format", "jsonl"]
    records = [json.loads(l) for l in subprocess.run(gen, capture_output=True, check=True).stdout.splitlines()]
    text, rows = export(fields, records)
    with open(os.path.join(work, "export.csv"), "w", encoding="utf-8") as f:
        f.write(text)
    plain = run(["batch", "--input", "jsonl", "--format", "jsonl"], "".join(json.dumps(r) + "\n" for r in records).encode()).stdout
    via = run(["batch", "--input", "redcap", "--format", "jsonl", os.path.join(work, "export.csv")])
    check(via.stdout == plain, "batch --input redcap gives other reports than the same answers as JSON Lines")
    check(b"ignoring" not in via.stderr, f"columns ignored: {via.stderr.decode()[:300]}")
    check(len(plain.splitlines()) == len(records), "a report per record")
    csv_out = run(["batch", "--input", "redcap", "--format", "csv", os.path.join(work, "export.csv")]).stdout
    check(csv_out == run(["batch", "--input", "jsonl", "--format", "csv"], "".join(json.dumps(r) + "\n" for r in records).encode()).stdout,
          "CSV results differ")

    # Branching logic against ask_if: the questions with an ask_if left blank,
    # myoscreen lists exactly those it asks as unanswered.
    blanked = [{k: v for k, v in r.items() if k not in asked_if} for r in records]
    _, brows = export(fields, blanked)
    reports = [json.loads(l) for l in run(["batch", "--input", "jsonl"], "".join(json.dumps(r) + "\n" for r in blanked).encode()).stdout.splitlines()]
    seen = {}
    for row, rep in zip(brows, reports):
        asked = set(rep["unanswered"])
        for f in logic_fields:
            name = f["Variable / Field Name"]
            shown = evaluate(f["Branching Logic (Show field only if...)"], row)
            check(shown == (name in asked), f"record {rep['id']}: {name}: REDCap shows it: {shown}, myoscreen asks it: {name in asked}")
            seen.setdefault(name, set()).add(shown)
    check(all(v == {True, False} for v in seen.values()), f"branching never both ways: {[k for k, v in seen.items() if v != {True, False}]}")
    check(evaluate("[a] = '' or [a] >= 40", {"a": ""}) and not evaluate("([a] = '1') and [b(x)] = '1'", {"a": "1", "b___x": "0"}),
          "the evaluator itself")

    # Bad cells: error records name the record and field, never the value.
    header, first = text.splitlines()[0].split(","), rows[0]
    bad = dict(first)
    sex = next(c for c in header if c == "sex")
    box = next(c for c in header if c.startswith("conditions___"))
    bad[sex], bad[box] = "zq_secret", "7"
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerow([first[c] for c in header])
    w.writerow([bad[c] for c in header])
    p = run(["batch", "--input", "redcap"], out.getvalue().encode(), ok=(65,))
    err = json.loads(p.stdout.splitlines()[1])
    check(err["record"] == 2 and err["id"] == first[header[0]], f"error record {err}")
    check({e["field"] for e in err["errors"]} == {"sex", "conditions"}, f"error fields {err['errors']}")
    check(b"zq_secret" not in p.stdout + p.stderr, "the value appears in the output")
    p = run(["batch", "--input", "redcap"], ("record_id,conditions___nonesuch\n1,1\n").encode(), ok=(65,))
    check(b"no choice 'nonesuch'" in p.stderr and not p.stdout, "an unknown checkbox option is not refused before screening")

    return test.verdict(f"{len(fields)} dictionary fields, {len(logic_fields)} with branching logic, "
                     f"{len(records)} records round-tripped")


if __name__ == "__main__":
    sys.exit(main())
