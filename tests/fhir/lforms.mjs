// LHC-Forms (NLM's lforms) renders our Questionnaire in Debian's chromium
// (playwright-core), served from 127.0.0.1, and a person fills it: a man of
// 45 meets the ADAM items and not the menopause question, a woman the
// other way round; has(conditions, 'cancer') brings its question. The
// form's QuestionnaireResponse (LForms.Util.getFormFHIRData) is screened by
// myoscreen and must give the report the same answers give as plain JSON.
// Usage: node lforms.mjs NPM_DIR MYOSCREEN QUESTIONNAIRE.json OUT_DIR
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';

const [npm, bin, qFile, outDir] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(npm), 'node_modules', 'x.js'));
const { chromium } = require('playwright-core');
const dist = path.join(npm, 'node_modules/lforms/dist/lforms');
const page_html = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/lforms/webcomponent/styles.css">
<script src="/lforms/webcomponent/assets/lib/zone.min.js"></script>
<script src="/lforms/webcomponent/runtime.js" type="module"></script>
<script src="/lforms/webcomponent/polyfills.js" type="module"></script>
<script src="/lforms/webcomponent/main.js" type="module"></script>
<script src="/lforms/fhir/R4/lformsFHIR.min.js" defer></script></head><body><div id="form"></div></body></html>`;
const types = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.html': 'text/html' };
const server = http.createServer((req, res) => {
  const u = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let body = null, file = null;
  if (u === '/') body = page_html;
  else if (u === '/q.json') file = qFile;
  else if (u.startsWith('/lforms/')) file = path.join(dist, path.normalize(u.slice(8)));
  if (file && existsSync(file) && statSync(file).isFile()) body = readFileSync(file);
  if (body === null) { res.writeHead(404); return res.end(); }
  res.writeHead(200, { 'content-type': file ? (types[path.extname(file)] || 'application/octet-stream') : 'text/html' });
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const problems = [];
const check = (cond, what) => { if (!cond) problems.push(what); };
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
         '--no-first-run'] });  // playwright gives each launch a fresh profile of its own
const shown = (page, id) => page.locator(`[id^="${id}/"]`).count();

// An answer from a list (LHC-Forms' autocomplete): type its start, then
// click the item once the list shows it. Keys pressed before the list is
// filled pick nothing, a race a busy machine lost.
async function pick(page, id, typed, label) {
  await page.click(`[id="${id}/1/1"]`);
  await page.keyboard.type(typed);
  const exact = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.locator('#lhc-tools-searchResults li', { hasText: new RegExp(`^\\s*\\d*:?\\s*${exact}$`) }).first().click();
  await page.keyboard.press('Tab');
}

// One person filling the form; a step that fails is reported with a
// screenshot of the page at that moment (OUT_DIR/NAME-failed.png).
async function person(name, sex, age, fill, answers) {
  const page = await browser.newPage();
  try {
    await fill_in(page, name, sex, age, fill, answers);
  } catch (e) {
    problems.push(`${name}: ${String(e.message || e).split('\n')[0]} (screenshot: ${name}-failed.png)`);
    await page.screenshot({ path: path.join(outDir, `${name}-failed.png`), fullPage: true }).catch(() => {});
    await page.close().catch(() => {});
  }
}

async function fill_in(page, name, sex, age, fill, answers) {
  page.on('pageerror', (e) => problems.push(`${name}: page error: ${String(e).slice(0, 200)}`));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.LForms && LForms.Util && LForms.Util.getFormFHIRData, null, { timeout: 30000 });
  await page.evaluate(async () => { const q = await (await fetch('/q.json')).json(); await LForms.Util.addFormToPage(q, 'form'); });
  await page.waitForSelector('[id="age/1/1"]');
  check(await shown(page, 'adam_1') === 0 && await shown(page, 'menopause_status') === 0,
        `${name}: ADAM or menopause shown before sex and age are answered`);
  await page.fill('[id="age/1/1"]', String(age));
  await pick(page, 'sex', sex === 'male' ? 'Male' : 'Female', sex === 'male' ? 'Male' : 'Female');
  // The skip logic runs once the form has taken the answer, which on a busy
  // machine takes longer than any fixed pause: wait for the item it brings
  // (the check below says so if it never comes).
  await page.waitForSelector(`[id^="${sex === 'male' ? 'adam_1' : 'menopause_status'}/"]`, { timeout: 15000 }).catch(() => {});
  const adam = await shown(page, 'adam_1'), meno = await shown(page, 'menopause_status');
  if (sex === 'male') check(adam > 0 && meno === 0, `${name}: ADAM shown ${adam}, menopause shown ${meno}`);
  else check(adam === 0 && meno > 0, `${name}: ADAM shown ${adam}, menopause shown ${meno}`);
  check(await shown(page, 'cancer_treatment_recent') === 0, `${name}: cancer treatment shown without cancer`);
  await fill(page);
  const qr = await page.evaluate(() => LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', document.getElementById('form')));
  await page.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
  await page.close();
  const qrFile = path.join(outDir, `${name}-response.json`), plainFile = path.join(outDir, `${name}-answers.json`);
  writeFileSync(qrFile, JSON.stringify(qr, null, 1));
  writeFileSync(plainFile, JSON.stringify(answers));
  let fromForm = '', fromPlain = '';
  try {
    fromForm = execFileSync(bin, ['screen', '--answers', qrFile, '--format', 'json', '--explain']).toString();
  } catch (e) { problems.push(`${name}: the form's response was refused: ${e.stderr}`); }
  fromPlain = execFileSync(bin, ['screen', '--answers', plainFile, '--format', 'json', '--explain']).toString();
  check(fromForm === fromPlain, `${name}: the report from the form differs from the one from the same answers as JSON:\n${fromForm.slice(0, 400)}\n---\n${fromPlain.slice(0, 400)}`);
}

// A yes/no item's radio buttons: Yes first.
const yes = (page, id) => page.locator(`[name="radiogroup_${id}/1/1"]`).nth(0).click();
const no = (page, id) => page.locator(`[name="radiogroup_${id}/1/1"]`).nth(1).click();

try {
  await person('man-45', 'male', 45, async (page) => {
    await page.fill('[id="weight_kg/1/1"]', '80');
    await page.fill('[id="height_cm/1/1"]', '180');
    await yes(page, 'adam_1');
    await no(page, 'adam_2');
    await yes(page, 'unsteady');
    // A check-box item's options are labels "ID/1/1|SYSTEM|CODE".
    await page.locator('label[id$="|cancer"][id^="conditions/"]').click();
    await page.waitForSelector('[id^="cancer_treatment_recent/"]', { timeout: 15000 }).catch(() => {});
    check(await shown(page, 'cancer_treatment_recent') > 0, 'man-45: cancer treatment not shown after cancer was ticked');
    check(await shown(page, 'androgen_deprivation') > 0, 'man-45: androgen deprivation not shown for a man with cancer');
    await yes(page, 'cancer_treatment_recent');
  }, { age: 45, sex: 'male', weight_kg: 80, height_cm: 180, adam_1: true, adam_2: false, unsteady: true,
       conditions: ['cancer'], cancer_treatment_recent: true });
  await person('woman-52', 'female', 52, async (page) => {
    await page.fill('[id="weight_kg/1/1"]', '61.5');
    await pick(page, 'menopause_status', 'They stopped', 'They stopped for good (after the menopause)');
    await no(page, 'frail_resistance');
  }, { age: 52, sex: 'female', weight_kg: 61.5, menopause_status: 'postmenopausal', frail_resistance: false });
} finally {
  await browser.close();
  server.close();
}
for (const p of problems) console.error(`FAIL: ${p}`);
if (!problems.length) console.log('PASS: LHC-Forms renders the Questionnaire, its skip logic and its response agree with myoscreen');
process.exit(problems.length ? 1 : 0);
