# The targets of issue 7 as ratios of one bench/run: reads its rows and
# start-up tables and prints the table that ends RESULTS.md.
import sys
rows_file, startup_file, in_jsonl, in_csv, in_ref, jobs_all, size = sys.argv[1:8]
wall, scale_rss = {}, []
for line in open(rows_file):
    f = line.rstrip("\n").split("\t")
    if f[4] not in ("-", ""):
        wall[(f[1], f[2])] = float(f[4])
    if f[0] == "scaling" and f[5] not in ("-", "") and "myoscreen" in f[1]:
        scale_rss.append((int(f[3]), int(f[5])))
start = {}
for line in open(startup_file):
    f = line.rstrip("\n").split("\t")
    if len(f) > 1 and f[1] not in ("-", ""):
        start[f[0]] = float(f[1])
one, allc = "myoscreen batch --jobs 1", f"myoscreen batch --jobs {jobs_all}"


def ratio(a, b):
    return a / b if a and b else None


rows = []


def target(name, got, want, higher, how):
    met = "not measured" if got is None else ("yes" if (got >= want if higher else got <= want) else "no")
    rows.append(f"| {name} | {'-' if got is None else f'{got:.1f}×'} | {how} | {met} |")


target("one job ≥ 5× `jq -c .` re-printing", ratio(wall.get(("jq -c . (re-print only)", in_ref)), wall.get((one, in_ref))),
       5, True, f"jq -c . / {one}, {in_ref}")
target("≥ 100× json-rules-engine, one job", ratio(wall.get(("json-rules-engine", in_ref)), wall.get((one, in_ref))),
       100, True, f"json-rules-engine / {one}, {in_ref}")
target("≥ 100× json-rules-engine, all cores (the default)",
       ratio(wall.get(("json-rules-engine", in_ref)), wall.get((allc, in_ref))), 100, True,
       f"json-rules-engine / {allc}, {in_ref}")
for inp in (in_jsonl, in_ref):
    target(f"within 4× of the parse-only floor, {inp}", ratio(wall.get((one, inp)), wall.get(("parse only (simdjson)", inp))),
           4, False, f"{one} / parse only (simdjson)")
target(f"within 4× of the parse-only floor, {in_csv}",
       ratio(wall.get((one, in_csv)), wall.get(("parse only (CSV splitter)", in_csv))), 4, False,
       f"{one} / parse only (CSV splitter)")
for inp in (in_jsonl, in_csv):
    target(f"all cores ≥ 1.7× one job, {inp}", ratio(wall.get((one, inp)), wall.get((allc, inp))), 1.7, True,
           f"{one} / {allc}")
target("start-up ≤ 4× `/bin/true`",
       ratio(start.get("myoscreen questions --format csv-header"), start.get("/bin/true")), 4, False,
       "mean ms of `myoscreen questions --format csv-header` / `/bin/true`")
if len(scale_rss) >= 2:
    grow = max(kb for _, kb in scale_rss) / min(kb for _, kb in scale_rss)
    sizes = ", ".join(f"{kb / 1024:.1f} MB at {n:,}" for n, kb in scale_rss)
    rows.append(f"| max RSS flat across the scaling sizes | {grow:.2f}× largest / smallest | {sizes} | "
                f"{'yes' if grow <= 1.25 else 'no'} |")
print("## Against the targets of issue 7 (ratios of the rows above, one run)\n")
if int(size) < 300000:
    print(f"A run of {int(size):,} records: start-up and thread set-up weigh on every ratio here; the targets are set "
          "for 300,000 (`bench/run` without `--quick`).\n")
print("| target | measured | from | met |")
print("|---|--:|---|---|")
print("\n".join(rows))
