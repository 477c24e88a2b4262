#!/usr/bin/env python3
"""Reference tool for bench/run: a subset of myoscreen's screening in plain Python.

Reads JSON Lines answer records (a file argument, or stdin) and prints one
compact JSON line per record with exactly five fields:
  {"sarc_f_score", "sarc_f_band", "bmi", "mna_sf_band", "flag"}
implemented from docs/rules.md (derived values; the SARC-F, SARC-CalF,
FRAIL and MNA-SF instruments; the twelve red flags).

Subset, on purpose: the benchmark's comparison file is generated with
`--missing 0 --invalid 0`, so every record is valid and every question whose
ask_if holds is answered. This script therefore does NOT implement
three-valued logic (unknown answers), absent-vs-unknown, unit strings
("154 lb") or validation: a record lacking an answer it needs stops the
script with a KeyError. It is a speed reference doing comparable work, not a
second screener.
"""
import json
import math
import sys

# SARC-F: first choice 0, second 1, third 2 (falls: none 0, one_to_three 1, four_or_more 2).
SARC_F = {
    "sarcf_lift": {"none": 0, "some": 1, "a_lot_or_unable": 2},
    "sarcf_walk": {"none": 0, "some": 1, "a_lot_uses_aids_or_unable": 2},
    "sarcf_chair": {"none": 0, "some": 1, "a_lot_or_unable_without_help": 2},
    "sarcf_stairs": {"none": 0, "some": 1, "a_lot_or_unable": 2},
    "falls_past_year": {"none": 0, "one_to_three": 1, "four_or_more": 2},
}
# MNA-SF items A, B, C, E (D, acute stress, is yes 0 / no 2; F comes from BMI).
MNA_SF = {
    "mnasf_food_intake": {"severe_decrease": 0, "moderate_decrease": 1, "no_decrease": 2},
    "mnasf_weight_loss_3mo": {"more_than_3kg": 0, "does_not_know": 1, "1_to_3kg": 2, "none": 3},
    "mnasf_mobility": {"bed_or_chair_bound": 0, "out_of_bed_but_not_out": 1, "goes_out": 2},
    "mnasf_neuropsych": {"severe_dementia_or_depression": 0, "mild_dementia": 1, "none": 2},
}
FRAIL_ILLNESSES = frozenset(("hypertension", "diabetes", "cancer", "chronic_lung_disease", "heart_attack",
                             "heart_failure", "angina", "asthma", "arthritis", "stroke", "kidney_disease"))
STROKE_SIGNS = frozenset(("face_droop", "one_side_weakness", "speech_trouble"))


def yes(v):
    return v is True or v == "yes"


def round1(x):
    """1 decimal, half away from zero, with a tiny nudge (22.85 -> 22.9)."""
    y = x * 10
    y += (1e-9 if y >= 0 else -1e-9) * max(1.0, abs(y))
    a = abs(y)
    r = math.floor(a)
    if a - r >= 0.5:
        r += 1
    r = math.copysign(r, y) / 10
    return r if r != 0 else 0.0


def screen(a):
    sarc_f = sum(SARC_F[k][a[k]] for k in SARC_F)
    sarc_f_positive = sarc_f >= 4

    m = a["height_cm"] / 100
    bmi = round1(a["weight_kg"] / (m * m))
    before = a["weight_6mo_ago_kg"]
    loss_pct = round1((before - a["weight_kg"]) / before * 100)

    # SARC-CalF: SARC-F + 10 when low_calf (calf < 33, or < 34 for a man); positive at 11.
    calf = a["calf_cm"]
    low_calf = calf < 33 or (a["sex"] == "male" and calf < 34)
    sarc_calf_positive = sarc_f + (10 if low_calf else 0) >= 11

    # FRAIL: fatigue, resistance, ambulation, 5+ illnesses, weight loss > 5 %; frail at 3.
    fatigue = a["frail_fatigue"] in ("all", "most")
    illnesses = sum(1 for c in a["conditions"] if c in FRAIL_ILLNESSES)
    frail = (fatigue + yes(a["frail_resistance"]) + yes(a["frail_ambulation"]) + (illnesses >= 5)
             + (loss_pct > 5))
    frail_band_frail = frail >= 3

    # MNA-SF: A-E plus F1 from BMI.
    f = 0 if bmi < 19 else 1 if bmi < 21 else 2 if bmi < 23 else 3
    mna = sum(MNA_SF[k][a[k]] for k in MNA_SF) + (0 if yes(a["mnasf_acute_stress"]) else 2) + f
    mna_band = "normal" if mna >= 12 else "at_risk" if mna >= 8 else "malnourished"

    onset = a["weakness_onset"]
    early_signs = (fatigue + yes(a["daily_tasks_difficulty"]) + yes(a["coordination_problems"])
                   + (a["falls_past_year"] != "none") + yes(a["fracture_recent"]) + (onset != "none"))
    flag = (any(s in STROKE_SIGNS for s in a["sudden_symptoms"])          # stroke_signs
            or yes(a["breathing_swallowing"])                              # breathing_swallowing
            or yes(a["bladder_bowel_loss"])                                # cauda_equina
            or onset in ("sudden", "over_days", "over_weeks")              # sudden/rapid/progressive
            or yes(a["dark_urine_muscle_pain"])                            # rhabdomyolysis
            or (yes(a["muscle_twitching"]) and yes(a["muscle_wasting_one_area"]))
            or loss_pct > 5                                                # weight_loss
            or a["falls_past_year"] == "four_or_more" or yes(a["fracture_recent"])  # falls
            or sarc_f_positive or sarc_calf_positive or mna_band == "malnourished"
            or frail_band_frail                                            # screen_positive
            or early_signs >= 2)                                           # early_signs
    return {"sarc_f_score": sarc_f, "sarc_f_band": "positive" if sarc_f_positive else "negative",
            "bmi": bmi, "mna_sf_band": mna_band, "flag": flag}


def main():
    src = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 and sys.argv[1] != "-" else sys.stdin
    write = sys.stdout.write
    dumps = json.JSONEncoder(separators=(",", ":")).encode
    loads = json.loads
    for line in src:
        if line.strip():
            write(dumps(screen(loads(line))) + "\n")


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        sys.stderr.close()
