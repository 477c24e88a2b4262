#!/usr/bin/env node
// Reference tool for bench/run: a subset of myoscreen's screening with
// json-rules-engine (npm, v6), a general-purpose JSON rules engine.
//
//   node bench/ref/screen_subset_rules.js [records.jsonl]   (stdin without a file)
//
// Prints one compact JSON line per record with exactly the five fields
// {"sarc_f_score", "sarc_f_band", "bmi", "mna_sf_band", "flag"}, from
// docs/rules.md (derived values; the SARC-F, SARC-CalF, FRAIL and MNA-SF
// instruments; the twelve red flags). bench/run installs the engine with
// `npm install --prefix bench/node json-rules-engine@6`; it is looked up there
// first, then in the usual places.
//
// Split of the work, as one would use such an engine: per-record *facts* are
// computed in JavaScript (the answers themselves; item points summed into
// sarc_f_score and the MNA-SF A-E part; BMI and weight loss rounded to one
// decimal; the FRAIL illness count). Every threshold, band and red flag is a
// json-rules-engine *rule* with the same cut-offs as docs/rules.md, chained by
// priority: criteria (priority 30) set runtime facts, scores and bands
// (priority 20) read them, and the twelve red flags (priority 10) read those.
//
// Subset, on purpose: bench/run feeds it records generated with
// `--missing 0 --invalid 0`, so there is no three-valued logic (unknown
// answers), no absent-vs-unknown, no unit strings and no validation here.
// A speed reference doing comparable work, not a second screener.
'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline');

function loadEngine() {
  try {
    return require(require.resolve('json-rules-engine', { paths: [path.join(__dirname, '..', 'node')] }));
  } catch (e) {
    return require('json-rules-engine');
  }
}
const { Engine } = loadEngine();

// ---- Facts computed per record ------------------------------------------
const SARC_F = {
  sarcf_lift: { none: 0, some: 1, a_lot_or_unable: 2 },
  sarcf_walk: { none: 0, some: 1, a_lot_uses_aids_or_unable: 2 },
  sarcf_chair: { none: 0, some: 1, a_lot_or_unable_without_help: 2 },
  sarcf_stairs: { none: 0, some: 1, a_lot_or_unable: 2 },
  falls_past_year: { none: 0, one_to_three: 1, four_or_more: 2 },
};
// MNA-SF A, B, C, D, E (F, from BMI, is a rule below).
const MNA_SF = {
  mnasf_food_intake: { severe_decrease: 0, moderate_decrease: 1, no_decrease: 2 },
  mnasf_weight_loss_3mo: { more_than_3kg: 0, does_not_know: 1, '1_to_3kg': 2, none: 3 },
  mnasf_mobility: { bed_or_chair_bound: 0, out_of_bed_but_not_out: 1, goes_out: 2 },
  mnasf_acute_stress: { true: 0, yes: 0, false: 2, no: 2 },
  mnasf_neuropsych: { severe_dementia_or_depression: 0, mild_dementia: 1, none: 2 },
};
const FRAIL_ILLNESSES = new Set(['hypertension', 'diabetes', 'cancer', 'chronic_lung_disease', 'heart_attack',
  'heart_failure', 'angina', 'asthma', 'arthritis', 'stroke', 'kidney_disease']);

// 1 decimal, half away from zero, with a tiny nudge (22.85 -> 22.9).
function round1(x) {
  let y = x * 10;
  y += (y >= 0 ? 1e-9 : -1e-9) * Math.max(1, Math.abs(y));
  const a = Math.abs(y);
  let r = Math.floor(a);
  if (a - r >= 0.5) r += 1;
  r = (y < 0 ? -r : r) / 10;
  return r === 0 ? 0 : r;
}

function sumPoints(table, a) {
  let s = 0;
  for (const k in table) s += table[k][a[k]];
  return s;
}

function facts(a) {
  const m = a.height_cm / 100;
  let illnesses = 0;
  for (const c of a.conditions) if (FRAIL_ILLNESSES.has(c)) illnesses++;
  return Object.assign({}, a, {
    sarc_f_score: sumPoints(SARC_F, a),
    mna_sf_a_to_e: sumPoints(MNA_SF, a),
    bmi: round1(a.weight_kg / (m * m)),
    weight_loss_pct_6mo: round1((a.weight_6mo_ago_kg - a.weight_kg) / a.weight_6mo_ago_kg * 100),
    frail_illness_count: illnesses,
    // Runtime facts the priority-30 rules may set.
    mna_f: null, calf_points: 0,
    frail_fatigue_pt: 0, frail_resistance_pt: 0, frail_ambulation_pt: 0, frail_illnesses_pt: 0,
    frail_weight_loss_pt: 0,
    es_fatigue: 0, es_daily_tasks: 0, es_coordination: 0, es_falls: 0, es_fracture: 0, es_weakness: 0,
    // ... and the priority-20 ones.
    sarc_f_band: null, sarc_calf_band: null, mna_sf_band: null, frail_band: null,
  });
}

// ---- Rules ---------------------------------------------------------------
const YES = [true, 'yes'];
const is = (fact, value) => ({ fact, operator: 'equal', value });
const yes = (fact) => ({ fact, operator: 'in', value: YES });
const sets = (name, value) => ({ type: 'set', params: { name, value } });
const CRITERIA = 30;
const BANDS = 20;
const FLAGS = 10;

const rules = [
  // MNA-SF F1 from BMI.
  { priority: CRITERIA, conditions: { all: [{ fact: 'bmi', operator: 'lessThan', value: 19 }] }, event: sets('mna_f', 0) },
  { priority: CRITERIA, conditions: { all: [{ fact: 'bmi', operator: 'greaterThanInclusive', value: 19 },
    { fact: 'bmi', operator: 'lessThan', value: 21 }] }, event: sets('mna_f', 1) },
  { priority: CRITERIA, conditions: { all: [{ fact: 'bmi', operator: 'greaterThanInclusive', value: 21 },
    { fact: 'bmi', operator: 'lessThan', value: 23 }] }, event: sets('mna_f', 2) },
  { priority: CRITERIA, conditions: { all: [{ fact: 'bmi', operator: 'greaterThanInclusive', value: 23 }] }, event: sets('mna_f', 3) },
  // low_calf: calf < 33, or a man with calf < 34 -> 10 SARC-CalF points.
  { priority: CRITERIA, conditions: { any: [{ fact: 'calf_cm', operator: 'lessThan', value: 33 },
    { all: [is('sex', 'male'), { fact: 'calf_cm', operator: 'lessThan', value: 34 }] }] }, event: sets('calf_points', 10) },
  // FRAIL items.
  { priority: CRITERIA, conditions: { all: [{ fact: 'frail_fatigue', operator: 'in', value: ['all', 'most'] }] }, event: sets('frail_fatigue_pt', 1) },
  { priority: CRITERIA, conditions: { all: [yes('frail_resistance')] }, event: sets('frail_resistance_pt', 1) },
  { priority: CRITERIA, conditions: { all: [yes('frail_ambulation')] }, event: sets('frail_ambulation_pt', 1) },
  { priority: CRITERIA, conditions: { all: [{ fact: 'frail_illness_count', operator: 'greaterThanInclusive', value: 5 }] }, event: sets('frail_illnesses_pt', 1) },
  { priority: CRITERIA, conditions: { all: [{ fact: 'weight_loss_pct_6mo', operator: 'greaterThan', value: 5 }] }, event: sets('frail_weight_loss_pt', 1) },
  // The seed's early signs.
  { priority: CRITERIA, conditions: { all: [{ fact: 'frail_fatigue', operator: 'in', value: ['all', 'most'] }] }, event: sets('es_fatigue', 1) },
  { priority: CRITERIA, conditions: { all: [yes('daily_tasks_difficulty')] }, event: sets('es_daily_tasks', 1) },
  { priority: CRITERIA, conditions: { all: [yes('coordination_problems')] }, event: sets('es_coordination', 1) },
  { priority: CRITERIA, conditions: { all: [{ fact: 'falls_past_year', operator: 'notEqual', value: 'none' }] }, event: sets('es_falls', 1) },
  { priority: CRITERIA, conditions: { all: [yes('fracture_recent')] }, event: sets('es_fracture', 1) },
  { priority: CRITERIA, conditions: { all: [{ fact: 'weakness_onset', operator: 'notEqual', value: 'none' }] }, event: sets('es_weakness', 1) },

  // Bands.
  { priority: BANDS, conditions: { all: [{ fact: 'sarc_f_score', operator: 'greaterThanInclusive', value: 4 }] }, event: sets('sarc_f_band', 'positive') },
  { priority: BANDS, conditions: { all: [{ fact: 'sarc_f_score', operator: 'lessThan', value: 4 }] }, event: sets('sarc_f_band', 'negative') },
  { priority: BANDS, conditions: { all: [{ fact: 'sarc_calf_score', operator: 'greaterThanInclusive', value: 11 }] }, event: sets('sarc_calf_band', 'positive') },
  { priority: BANDS, conditions: { all: [{ fact: 'mna_sf_score', operator: 'greaterThanInclusive', value: 12 }] }, event: sets('mna_sf_band', 'normal') },
  { priority: BANDS, conditions: { all: [{ fact: 'mna_sf_score', operator: 'greaterThanInclusive', value: 8 },
    { fact: 'mna_sf_score', operator: 'lessThan', value: 12 }] }, event: sets('mna_sf_band', 'at_risk') },
  { priority: BANDS, conditions: { all: [{ fact: 'mna_sf_score', operator: 'lessThan', value: 8 }] }, event: sets('mna_sf_band', 'malnourished') },
  { priority: BANDS, conditions: { all: [{ fact: 'frail_score', operator: 'equal', value: 0 }] }, event: sets('frail_band', 'robust') },
  { priority: BANDS, conditions: { all: [{ fact: 'frail_score', operator: 'greaterThanInclusive', value: 1 },
    { fact: 'frail_score', operator: 'lessThan', value: 3 }] }, event: sets('frail_band', 'prefrail') },
  { priority: BANDS, conditions: { all: [{ fact: 'frail_score', operator: 'greaterThanInclusive', value: 3 }] }, event: sets('frail_band', 'frail') },
];

// The twelve red flags of docs/rules.md: Red flags, in its order.
const flag = (id, urgency, conditions) => ({ priority: FLAGS, name: id, conditions, event: { type: 'red_flag', params: { id, urgency } } });
rules.push(
  flag('stroke_signs', 'emergency', { any: ['face_droop', 'one_side_weakness', 'speech_trouble'].map(
    (s) => ({ fact: 'sudden_symptoms', operator: 'contains', value: s })) }),
  flag('breathing_swallowing', 'emergency', { all: [yes('breathing_swallowing')] }),
  flag('cauda_equina', 'emergency', { all: [yes('bladder_bowel_loss')] }),
  flag('sudden_weakness', 'emergency', { all: [is('weakness_onset', 'sudden')] }),
  flag('rapid_weakness', 'urgent', { all: [is('weakness_onset', 'over_days')] }),
  flag('rhabdomyolysis', 'urgent', { all: [yes('dark_urine_muscle_pain')] }),
  flag('progressive_weakness', 'soon', { all: [is('weakness_onset', 'over_weeks')] }),
  flag('twitching_wasting', 'soon', { all: [yes('muscle_twitching'), yes('muscle_wasting_one_area')] }),
  flag('weight_loss', 'soon', { all: [{ fact: 'weight_loss_pct_6mo', operator: 'greaterThan', value: 5 }] }),
  flag('falls', 'soon', { any: [is('falls_past_year', 'four_or_more'), yes('fracture_recent')] }),
  flag('screen_positive', 'soon', { any: [is('sarc_f_band', 'positive'), is('sarc_calf_band', 'positive'),
    is('mna_sf_band', 'malnourished'), is('frail_band', 'frail')] }),
  flag('early_signs', 'soon', { all: [{ fact: 'early_signs_count', operator: 'greaterThanInclusive', value: 2 }] }),
);

function makeEngine() {
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  const sum = (names) => async (params, almanac) => {
    let s = 0;
    for (const n of names) s += await almanac.factValue(n);
    return s;
  };
  // Scores over runtime facts; first read at priority 20, after the criteria ran.
  engine.addFact('sarc_calf_score', sum(['sarc_f_score', 'calf_points']));
  engine.addFact('mna_sf_score', sum(['mna_sf_a_to_e', 'mna_f']));
  engine.addFact('frail_score', sum(['frail_fatigue_pt', 'frail_resistance_pt', 'frail_ambulation_pt',
    'frail_illnesses_pt', 'frail_weight_loss_pt']));
  engine.addFact('early_signs_count', sum(['es_fatigue', 'es_daily_tasks', 'es_coordination', 'es_falls',
    'es_fracture', 'es_weakness']));
  engine.on('set', (params, almanac) => almanac.addRuntimeFact(params.name, params.value));
  return engine;
}

async function main() {
  const engine = makeEngine();
  const file = process.argv[2];
  const input = file && file !== '-' ? fs.createReadStream(file) : process.stdin;
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let out = [];
  const flush = async () => {
    if (!out.length) return;
    const ok = process.stdout.write(out.join(''));
    out = [];
    if (!ok) await new Promise((resolve) => process.stdout.once('drain', resolve));
  };
  for await (const line of rl) {
    if (!line.trim()) continue;
    const f = facts(JSON.parse(line));
    // One record at a time: the engine keeps its run status on itself.
    const { events, almanac } = await engine.run(f);
    out.push(JSON.stringify({
      sarc_f_score: f.sarc_f_score,
      sarc_f_band: await almanac.factValue('sarc_f_band'),
      bmi: f.bmi,
      mna_sf_band: await almanac.factValue('mna_sf_band'),
      flag: events.some((e) => e.type === 'red_flag'),
    }) + '\n');
    if (out.length >= 1000) await flush();
  }
  await flush();
}

process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
main().catch((e) => { console.error(`screen_subset_rules: ${e.stack || e}`); process.exit(1); });
