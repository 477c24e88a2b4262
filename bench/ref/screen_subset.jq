# Reference tool for bench/run: a subset of myoscreen's screening in jq.
#
#   jq -c -f bench/ref/screen_subset.jq records.jsonl
#
# One compact JSON line per input record with exactly the five fields
# {"sarc_f_score", "sarc_f_band", "bmi", "mna_sf_band", "flag"}, implemented
# from docs/rules.md (derived values; the SARC-F, SARC-CalF, FRAIL and MNA-SF
# instruments; the twelve red flags).
#
# Subset, on purpose: bench/run feeds it records generated with
# `--missing 0 --invalid 0`, so there is no three-valued logic (unknown
# answers), no absent-vs-unknown, no unit strings and no validation here.
# A speed reference doing comparable work, not a second screener.

# 1 decimal, half away from zero (jq's round is C round), with the tiny
# nudge so that 22.85 rounds to 22.9.
def round1:
  (. * 10) as $y
  | ($y + (if $y >= 0 then 1e-9 else -1e-9 end) * ([1, ($y | fabs)] | max))
  | round / 10
  | if . == 0 then 0 else . end;

def yes: . == true or . == "yes";

# SARC-F: first choice 0, second 1, third 2.
def sarc_f_points:
  {"sarcf_lift": {"none": 0, "some": 1, "a_lot_or_unable": 2},
   "sarcf_walk": {"none": 0, "some": 1, "a_lot_uses_aids_or_unable": 2},
   "sarcf_chair": {"none": 0, "some": 1, "a_lot_or_unable_without_help": 2},
   "sarcf_stairs": {"none": 0, "some": 1, "a_lot_or_unable": 2},
   "falls_past_year": {"none": 0, "one_to_three": 1, "four_or_more": 2}};

# MNA-SF items A, B, C, E (D is yes 0 / no 2; F comes from BMI).
def mna_sf_points:
  {"mnasf_food_intake": {"severe_decrease": 0, "moderate_decrease": 1, "no_decrease": 2},
   "mnasf_weight_loss_3mo": {"more_than_3kg": 0, "does_not_know": 1, "1_to_3kg": 2, "none": 3},
   "mnasf_mobility": {"bed_or_chair_bound": 0, "out_of_bed_but_not_out": 1, "goes_out": 2},
   "mnasf_neuropsych": {"severe_dementia_or_depression": 0, "mild_dementia": 1, "none": 2}};

def frail_illnesses:
  ["hypertension", "diabetes", "cancer", "chronic_lung_disease", "heart_attack",
   "heart_failure", "angina", "asthma", "arthritis", "stroke", "kidney_disease"];

def b2i: if . then 1 else 0 end;

sarc_f_points as $sf | mna_sf_points as $mna | frail_illnesses as $ill
| . as $a
| ([$sf | to_entries[] | .value[$a[.key]]] | add) as $sarc_f
| ($sarc_f >= 4) as $sarc_f_pos
| ($a.height_cm / 100) as $m
| ($a.weight_kg / ($m * $m) | round1) as $bmi
| (($a.weight_6mo_ago_kg - $a.weight_kg) / $a.weight_6mo_ago_kg * 100 | round1) as $loss
# SARC-CalF: + 10 when low_calf (calf < 33, or < 34 for a man); positive at 11.
| ($a.calf_cm < 33 or ($a.sex == "male" and $a.calf_cm < 34)) as $low_calf
| ($sarc_f + (if $low_calf then 10 else 0 end) >= 11) as $sarc_calf_pos
# FRAIL: fatigue, resistance, ambulation, 5+ illnesses, weight loss > 5 %; frail at 3.
| ($a.frail_fatigue == "all" or $a.frail_fatigue == "most") as $fatigue
| ([$a.conditions[] | select(. as $c | $ill | index([$c]))] | length) as $illnesses
| (($fatigue | b2i) + ($a.frail_resistance | yes | b2i) + ($a.frail_ambulation | yes | b2i)
   + ($illnesses >= 5 | b2i) + ($loss > 5 | b2i)) as $frail
# MNA-SF: A-E plus F1 from BMI.
| (if $bmi < 19 then 0 elif $bmi < 21 then 1 elif $bmi < 23 then 2 else 3 end) as $f
| (([$mna | to_entries[] | .value[$a[.key]]] | add)
   + (if $a.mnasf_acute_stress | yes then 0 else 2 end) + $f) as $mna_score
| (if $mna_score >= 12 then "normal" elif $mna_score >= 8 then "at_risk" else "malnourished" end) as $mna_band
| $a.weakness_onset as $onset
| (($fatigue | b2i) + ($a.daily_tasks_difficulty | yes | b2i) + ($a.coordination_problems | yes | b2i)
   + ($a.falls_past_year != "none" | b2i) + ($a.fracture_recent | yes | b2i)
   + ($onset != "none" | b2i)) as $early_signs
| {sarc_f_score: $sarc_f,
   sarc_f_band: (if $sarc_f_pos then "positive" else "negative" end),
   bmi: $bmi,
   mna_sf_band: $mna_band,
   flag: (
     any($a.sudden_symptoms[]; . == "face_droop" or . == "one_side_weakness" or . == "speech_trouble")
     or ($a.breathing_swallowing | yes)
     or ($a.bladder_bowel_loss | yes)
     or $onset == "sudden" or $onset == "over_days" or $onset == "over_weeks"
     or ($a.dark_urine_muscle_pain | yes)
     or (($a.muscle_twitching | yes) and ($a.muscle_wasting_one_area | yes))
     or $loss > 5
     or $a.falls_past_year == "four_or_more" or ($a.fracture_recent | yes)
     or $sarc_f_pos or $sarc_calf_pos or $mna_band == "malnourished" or $frail >= 3
     or $early_signs >= 2)}
