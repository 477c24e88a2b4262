// Every FHIRPath enableWhenExpression of a Questionnaire, evaluated by the
// npm `fhirpath` engine (R4 model) on generated QuestionnaireResponses, must
// say what our own evaluator says of the ask_if (enabled exactly when it is
// true). Responses are random but seeded: unanswered items, boundaries,
// zeros (division), and answers to items whose ask_if is false.
// Usage: node fhirpath_agree.mjs NPM_DIR QUESTIONNAIRE.json DEFINITIONS.json ASK_IF_EVAL N
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [npmDir, qFile, defsFile, evalBin, nArg] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(npmDir), 'node_modules', 'x.js'));
const fhirpath = require('fhirpath');
const r4 = require('fhirpath/fhir-context/r4');
const q = JSON.parse(readFileSync(qFile, 'utf8'));
const N = Number(nArg || 2000);
const EXPR = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression';

let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rand() * a.length)];
const ext = (it, name) => (it.extension || []).find((e) => e.url.endsWith(name));

const questions = [];
(function walk(items) {
  for (const it of items) {
    if (it.type === 'group') walk(it.item || []);
    else if (it.type !== 'display') questions.push(it);
  }
})(q.item);

function answer(it) {
  switch (it.type) {
    case 'boolean': return [{ valueBoolean: rand() < 0.5 }];
    case 'choice': {
      const opts = it.answerOption.map((o) => o.valueCoding);
      if (!it.repeats) return [{ valueCoding: pick(opts) }];
      const none = opts.find((o) => o.code === 'none');
      if (none && rand() < 0.3) return [{ valueCoding: none }];
      const some = opts.filter((o) => o.code !== 'none' && rand() < 0.3);
      return (some.length ? some : [opts[0]]).map((c) => ({ valueCoding: c }));
    }
    default: {
      const lo = ext(it, 'minValue'), hi = ext(it, 'maxValue');
      const min = lo.valueInteger ?? lo.valueDecimal, max = hi.valueInteger ?? hi.valueDecimal;
      // Boundaries and small numbers are where conditions turn.
      let v = pick([min, max, 0, 1, 2, 40, 50, 60, 70, 80, 100, min + rand() * (max - min)]);
      v = Math.min(max, Math.max(min, v));
      if (it.type === 'integer') return [{ valueInteger: Math.round(v) }];
      return [{ valueDecimal: Math.round(v * 10) / 10 }];
    }
  }
}

const responses = [];
for (let i = 0; i < N; i++) {
  const blank = rand() * 0.5;  // some responses mostly empty, some full
  const groups = {};
  for (const it of questions) {
    if (rand() < blank) continue;
    (groups[it._group] ||= []).push({ linkId: it.linkId, answer: answer(it) });
  }
  responses.push({ resourceType: 'QuestionnaireResponse', id: `r${i}`, status: 'completed',
                   item: [{ linkId: 'all', item: Object.values(groups).flat() }] });
}

const ours = execFileSync(evalBin, [defsFile], { input: responses.map((r) => JSON.stringify(r)).join('\n') + '\n', maxBuffer: 1 << 28 })
  .toString().trim().split('\n').map((l) => JSON.parse(l));

const exprs = questions.map((it) => [it.linkId, ext(it, 'enableWhenExpression')]).filter(([, e]) => e)
  .map(([id, e]) => [id, e.valueExpression.expression]);
if (!exprs.length) { console.error('no enableWhenExpression to check'); process.exit(1); }
let checked = 0, bad = 0;
const seen = {};
for (let i = 0; i < N; i++) {
  for (const [id, expr] of exprs) {
    const r = fhirpath.evaluate(responses[i], expr, { resource: responses[i] }, r4);
    if (r.length > 1 || (r.length === 1 && typeof r[0] !== 'boolean')) throw new Error(`${id}: not a boolean: ${JSON.stringify(r)}`);
    const theirs = r.length ? r[0] : null;
    const our = ours[i][id];
    seen[`${id}:${our}`] = true;
    checked++;
    if (theirs !== our) {
      if (bad++ < 10) console.error(`${id}, response r${i}: fhirpath says ${JSON.stringify(theirs)}, ours ${JSON.stringify(our)}\n  ${JSON.stringify(responses[i])}`);
    }
  }
}
// Each expression must have been seen true, false and unknown, or the test proves little.
for (const [id] of exprs)
  for (const v of [true, false, null])
    if (!seen[`${id}:${v}`]) console.error(`note: ${id} was never ${v} in ${N} responses`);
console.log(`${checked} evaluations of ${exprs.length} expressions on ${N} responses: ${bad} disagreements`);
process.exit(bad ? 1 : 0);
