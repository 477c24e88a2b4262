#!/usr/bin/env python3
"""Writes definitions with an ask_if of every expression form: the default
definitions plus questions whose ask_ifs enableWhen cannot express (not,
mixed and/or, arithmetic, division by zero, count, at_least, answered, in,
comparisons of two questions, chains of ask_ifs reading absent questions)
and some it can. Usage: every_form_definitions.py DEFAULT.json OUT.json"""
import json
import sys

FORMS = [
    ("x_not", "yes_no", "not (sex == 'male')"),
    ("x_mixed", "yes_no", "(sex == 'male' and age >= 50) or has(conditions, 'diabetes')"),
    ("x_bmi", "yes_no", "weight_kg / (height_cm / 100) / (height_cm / 100) < 22"),
    ("x_div0", "yes_no", "activity_minutes_week / strength_days_week > 60"),
    ("x_count", "yes_no", "count(conditions, ['hypertension', 'diabetes', 'cancer']) >= 2"),
    ("x_atleast", "yes_no", "at_least(2, frail_resistance, frail_ambulation, unsteady, worry_falling)"),
    ("x_unanswered", "yes_no", "not answered(calf_cm)"),
    ("x_in_and", "yes_no", "falls_past_year in ['one_to_three', 'four_or_more'] and age > 70"),
    ("x_absent", "yes_no", "androgen_deprivation or immobilized_weeks >= 2"),
    ("x_two", "yes_no", "weight_6mo_ago_kg - weight_kg > 5"),
    ("x_neg", "yes_no", "-age < -80"),
    ("x_ne_or", "yes_no", "adam_1 or menopause_status != 'premenopausal'"),
    ("x_num_in", "yes_no", "strength_days_week in [0, 1]"),
    ("x_chain", "yes_no", "x_not and age < 60"),
    ("x_not_absent", "yes_no", "not androgen_deprivation"),
    ("x_and_not", "yes_no", "age > 60 and not frail_resistance"),
    ("x_fraction", "yes_no", "age > 60.5"),
    ("x_and_ne", "yes_no", "sex != 'other' and sitting_hours_day >= 8.5"),
    ("x_or", "yes_no", "unsteady or worry_falling or age >= 80"),
    ("x_answered", "yes_no", "answered(immobilized_weeks)"),
]


def main():
    d = json.load(open(sys.argv[1]))
    d["name"] = "every ask_if form"
    d.pop("url", None)  # the fallback URL is used
    section = d["sections"][-1]["id"]
    for qid, qtype, ask_if in FORMS:
        d["questions"].append({"id": qid, "section": section, "type": qtype,
                               "text": f"Test question ({ask_if})", "ask_if": ask_if})
    json.dump(d, open(sys.argv[2], "w"), indent=1)


if __name__ == "__main__":
    main()
