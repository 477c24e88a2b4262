#!/usr/bin/env python3
"""Checks a reference tool's answers against myoscreen's reports, line by line.

usage: compare.py TOOL_OUTPUT MYOSCREEN_REPORTS [--name NAME] [--show K]

TOOL_OUTPUT holds one JSON line per record with exactly the fields
{"sarc_f_score", "sarc_f_band", "bmi", "mna_sf_band", "flag"};
MYOSCREEN_REPORTS is `myoscreen batch FILE --jobs 1` output for the same
records (one JSON report per line, in input order). Line i of one is
compared with line i of the other:

  sarc_f_score  = instruments.sarc_f.score
  sarc_f_band   = instruments.sarc_f.band
  bmi           = derived.bmi            (numbers: 29 and 29.0 are equal)
  mna_sf_band   = instruments.mna_sf.band
  flag          = seek_medical_attention.flag

A myoscreen error record, a missing or extra line, a tool line that is not
JSON or has other fields counts as a disagreement. Prints
"NAME agree: N/M" on stdout (M = the longer of the two files) and the first
K disagreements on stderr; exits 0 only when every line agrees.
"""
import argparse
import json
import sys

FIELDS = ("sarc_f_score", "sarc_f_band", "bmi", "mna_sf_band", "flag")


def expected(report):
    if "errors" in report:
        raise ValueError(f"myoscreen error record: {report['errors']}")
    ins = report["instruments"]
    return {"sarc_f_score": ins["sarc_f"]["score"], "sarc_f_band": ins["sarc_f"]["band"],
            "bmi": report["derived"]["bmi"], "mna_sf_band": ins["mna_sf"]["band"],
            "flag": report["seek_medical_attention"]["flag"]}


def same(field, want, got):
    if field in ("bmi", "sarc_f_score"):
        if want is None or got is None or isinstance(got, bool) or isinstance(want, bool):
            return want is got
        return abs(float(want) - float(got)) < 1e-9
    return want == got and type(want) is type(got)


def compare_line(tool_line, report_line):
    """Returns None when the two agree, else a short reason."""
    if tool_line is None:
        return "tool output has no line for this record"
    if report_line is None:
        return "tool output has an extra line"
    try:
        want = expected(json.loads(report_line))
    except (ValueError, KeyError, TypeError) as e:
        return f"report: {e}"
    try:
        got = json.loads(tool_line)
    except ValueError as e:
        return f"tool line is not JSON ({e})"
    if not isinstance(got, dict) or set(got) != set(FIELDS):
        return f"tool line must have exactly the fields {', '.join(FIELDS)}"
    bad = [f"{f}: myoscreen {json.dumps(want[f])}, tool {json.dumps(got[f])}"
           for f in FIELDS if not same(f, want[f], got[f])]
    return "; ".join(bad) or None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tool_output")
    ap.add_argument("reports")
    ap.add_argument("--name", default="")
    ap.add_argument("--show", type=int, default=5, help="disagreements to print (default 5)")
    args = ap.parse_args()
    with open(args.tool_output, encoding="utf-8") as t, open(args.reports, encoding="utf-8") as r:
        tool = t.read().splitlines()
        reports = r.read().splitlines()
    total = max(len(tool), len(reports))
    agree = 0
    shown = 0
    for i in range(total):
        reason = compare_line(tool[i] if i < len(tool) else None, reports[i] if i < len(reports) else None)
        if reason is None:
            agree += 1
        elif shown < args.show:
            shown += 1
            print(f"{args.name or 'tool'}: record {i + 1}: {reason}", file=sys.stderr)
    prefix = f"{args.name} " if args.name else ""
    print(f"{prefix}agree: {agree}/{total}")
    return 0 if agree == total and total > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
