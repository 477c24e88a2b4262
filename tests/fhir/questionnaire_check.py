#!/usr/bin/env python3
"""Checks a FHIR R4 Questionnaire (JSON on stdin or in FILE) against the
official R4 JSON Schema (fhir.schema.json, draft-06) and the invariants the
schema cannot check: linkIds unique, every enableWhen.question an item of
the Questionnaire, enableWhenExpression only on items without enableWhen,
and enableBehavior exactly when there are several enableWhen.
Usage: questionnaire_check.py SCHEMA QUESTIONNAIRE.json"""
import json
import sys

import jsonschema

EXPR = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"


def walk(items):
    for it in items:
        yield it
        yield from walk(it.get("item", []))


def invariants(q):
    problems = []
    items = list(walk(q.get("item", [])))
    ids = [it["linkId"] for it in items]
    dups = sorted({i for i in ids if ids.count(i) > 1})
    if dups:
        problems.append(f"linkIds not unique: {dups}")
    known = set(ids)
    for it in items:
        when = it.get("enableWhen", [])
        for w in when:
            if w["question"] not in known:
                problems.append(f"{it['linkId']}: enableWhen.question {w['question']!r} is no item")
        has_expr = any(e.get("url") == EXPR for e in it.get("extension", []))
        if has_expr and when:
            problems.append(f"{it['linkId']}: enableWhenExpression on an item with enableWhen")
        if (len(when) > 1) != ("enableBehavior" in it):
            problems.append(f"{it['linkId']}: enableBehavior must be given exactly when there are several enableWhen")
        if it["type"] == "group" and not it.get("item"):
            problems.append(f"{it['linkId']}: an empty group")
    return problems


def main():
    schema = json.load(open(sys.argv[1]))
    q = json.load(open(sys.argv[2]))
    validator = jsonschema.Draft6Validator(schema)
    errors = sorted(validator.iter_errors(q), key=lambda e: list(e.absolute_path))
    for e in errors[:20]:
        print(f"schema: /{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}")
    problems = invariants(q)
    for p in problems:
        print(f"invariant: {p}")
    if errors or problems:
        sys.exit(1)
    n = sum(1 for _ in walk(q["item"]))
    print(f"ok: {n} items, valid against fhir.schema.json and the invariants")


if __name__ == "__main__":
    main()
