#!/usr/bin/env bash
# The CONTENT step of `make bench` (scripts/bench.sh runs it when SUITES contains `content`):
# Trawl's main-content processor beside trafilatura, for speed and accuracy.
#   speed:    trafilatura over the synthetic site's HTML files and the Python docs' files (one
#             process per core, scripts/content_speed.py), and `trawl extract --all --content`
#             over the warm caches the synthetic and docs suites left ($WORK/cache/<suite>.custom),
#             under /usr/bin/time -v; also `trawl extract --all` with one XPath field and no
#             content, to show what reading and parsing the cache alone costs.
#   accuracy: scripts/content_eval.py for trafilatura, Trawl and the whole page's text (a floor)
#             on Tests/TrawlContentTests/Fixtures (Trawl: `trawl crawl --content` over the
#             fixtures served on loopback) and on the Python docs, whose gold text is each page's
#             Sphinx body (role=main) (Trawl: the items of `trawl extract` on the docs cache).
# Writes $RESULTS/content.jsonl and $RESULTS/content.md and prints the markdown.
# Knobs: WORK, PAGES, RESULTS, TRAWL (binary), DOCS_HTML, PROCS (trafilatura processes).
# Trawl parts are skipped, with a note, when the binary has no --content or a cache is missing.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/var/tmp/bench}
PAGES=${PAGES:-20000}
SITE=${SITE:-$WORK/site$((PAGES / 1000))k}
RESULTS=${RESULTS:-$ROOT/bench-results/content-$(date +%Y%m%d-%H%M%S)}
TRAWL=${TRAWL:-$ROOT/.build/release/trawl}
DOCS_HTML=${DOCS_HTML:-/usr/share/doc/python3.11/html}
PROCS=${PROCS:-$(nproc)}
PY=$ROOT/.build/benchvenv/bin/python
OUT=$RESULTS/content
ROWS=$RESULTS/content.jsonl
mkdir -p "$OUT"
: > "$ROWS"
[ -x "$PY" ] || make -C "$ROOT" benchvenv
note() { echo "  content: $*"; python3 -c 'import json,sys; print(json.dumps({"note": sys.argv[1]}))' "$*" >> "$ROWS"; }

has_content=0
if [ -x "$TRAWL" ] && "$TRAWL" extract --help 2>&1 | grep -q -- '--content'; then has_content=1
else note "$TRAWL has no --content: Trawl rows skipped"; fi

# time_row TIME ITEMS LABEL MODE: one JSON row of $ROWS from a `/usr/bin/time -v` report and the
# items file the timed run wrote (pages = its non-empty lines).
time_row() {
  python3 - "$@" >> "$ROWS" <<'EOF'
import json, re, sys
t = open(sys.argv[1]).read()
def num(label):
    return float(re.search(re.escape(label) + r":\s*([\d.]+)", t).group(1))
w = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\):\s*([\d:.]+)", t).group(1)
wall = 0.0
for part in w.split(":"):
    wall = wall * 60 + float(part)
pages = sum(1 for line in open(sys.argv[2]) if line.strip())
cpu = num("User time (seconds)") + num("System time (seconds)")
print(json.dumps({"tool": "trawl", "mode": sys.argv[4], "label": sys.argv[3], "pages": pages,
                  "wall_s": round(wall, 2), "pages_per_s": round(pages / wall, 1) if wall else None,
                  "cpu_s": round(cpu, 1), "pages_per_cpu_s": round(pages / cpu, 1) if cpu else None,
                  "peak_rss_mb": round(num("Maximum resident set size (kbytes)") / 1024)}))
EOF
}

# trawl_extract SET CACHE MODE ARGS...: one timed `trawl extract --all` over a warm cache.
trawl_extract() {
  local set=$1 cache=$2 mode=$3; shift 3
  local tag=$set.$mode
  if ! /usr/bin/time -v -o "$OUT/$tag.time" "$TRAWL" extract --cache "$cache" --all -q \
      -o "$OUT/$tag.jsonl" "$@" 2> "$OUT/$tag.err"; then
    note "trawl extract $mode on $set failed (see $OUT/$tag.err)"; return 0
  fi
  time_row "$OUT/$tag.time" "$OUT/$tag.jsonl" "$set" "$mode"
}

# trawl_warm_crawl MODE ARGS...: a warm crawl of the synthetic site from a copy of its cache,
# offline (nothing may touch the network), as a new job; the bench's three fields, plus ARGS.
trawl_warm_crawl() {
  local mode=$1; shift
  local cache=$WORK/cache/synthetic.custom tag=synthetic-warm.$mode
  [ -e "$cache" ] || { note "no warm Trawl cache $cache: warm --content crawl skipped"; return 0; }
  cp "$cache" "$OUT/warm.sqlite"
  local hosts; hosts=$(paste -sd, "$SITE/hosts.txt")
  if ! /usr/bin/time -v -o "$OUT/$tag.time" "$TRAWL" crawl "http://$(head -1 "$SITE/hosts.txt"):8470/" --fresh \
      --cache "$OUT/warm.sqlite" --cache-mode offline --allow-host "$hosts" --concurrency 64 --per-host 8 -q \
      --extract 'title=//h1[@class="title"]' --extract 'price=//span[@class="price"]' --extract 'page_title=//title' \
      -o "$OUT/$tag.jsonl" "$@" 2> "$OUT/$tag.err"; then
    note "warm crawl $mode failed (see $OUT/$tag.err)"
  fi
  rm -f "$OUT/warm.sqlite"*
  time_row "$OUT/$tag.time" "$OUT/$tag.jsonl" synthetic "warm-crawl-$mode"
}

echo "### content: speed"
if [ -d "$SITE/hosts" ]; then
  "$PY" "$ROOT/scripts/content_speed.py" "$SITE/hosts" --procs "$PROCS" --label synthetic --json >> "$ROWS" ||
    note "content_speed.py on the synthetic site failed"
else note "no synthetic site at $SITE: trafilatura speed on it skipped"; fi
if [ -d "$DOCS_HTML" ]; then
  "$PY" "$ROOT/scripts/content_speed.py" "$DOCS_HTML" --procs "$PROCS" --label docs --json >> "$ROWS" ||
    note "content_speed.py on the docs failed"
else note "no Python docs at $DOCS_HTML (Debian python3.11-doc): trafilatura speed on them skipped"; fi
if [ "$has_content" = 1 ]; then
  for set in synthetic docs; do
    cache=$WORK/cache/$set.custom
    if [ -e "$cache" ]; then
      trawl_extract "$set" "$cache" content --content
      trawl_extract "$set" "$cache" title-only --extract 'page_title=//title'
    else note "no warm Trawl cache $cache (run the $set suite first): trawl extract on $set skipped"; fi
  done
  # The issue's bar: a warm --content crawl at least half as fast as the same warm crawl without it.
  trawl_warm_crawl plain
  trawl_warm_crawl content --content
fi

echo "### content: accuracy"
# accuracy SET ARGS...: content_eval.py on one page set; Trawl from items already written, or
# crawled from the pages served on loopback.
accuracy() {
  local set=$1; shift
  local args=(--baseline --json "$@")
  if [ "$has_content" = 1 ]; then
    if [ -s "$OUT/$set.content.jsonl" ]; then args+=(--trawl "$OUT/$set.content.jsonl" --only-with-items)
    else args+=(--trawl-bin "$TRAWL" --keep-items "$OUT/$set.eval-items.jsonl"); fi
  fi
  if "$PY" "$ROOT/scripts/content_eval.py" "${args[@]}" > "$OUT/$set.eval.json" 2> "$OUT/$set.eval.err"; then
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps({"accuracy": d["summary"], "set": sys.argv[2], "versions": d["versions"]}))' \
      "$OUT/$set.eval.json" "$set" >> "$ROWS"
  else note "content_eval.py on $set failed: $(tr '\n' ' ' < "$OUT/$set.eval.err")"; fi
}
accuracy fixtures
if [ -d "$DOCS_HTML" ]; then accuracy docs --pages-dir "$DOCS_HTML"; fi

python3 - "$ROWS" > "$RESULTS/content.md" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
order = {"synthetic": 0, "docs": 1}
speed = sorted((r for r in rows if "pages" in r),
               key=lambda r: (order.get(r["label"], 2), r["tool"] != "trafilatura", r.get("mode") != "content"))
acc_rows = [r for r in rows if "accuracy" in r]
acc = acc_rows[0] if acc_rows else None
ver = next((r["version"] for r in speed if r["tool"] == "trafilatura"), None) or \
    (acc or {}).get("versions", {}).get("trafilatura", "?")
print(f"## Main content: Trawl and trafilatura {ver}\n")
if speed:
    print("| set | tool | pages | wall s | pages/s | CPU s | pages per CPU s | peak RSS MB | pages/s vs trafilatura |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
base = {r["label"]: r["pages_per_s"] for r in speed if r["tool"] == "trafilatura"}
for r in speed:
    if r["tool"] == "trafilatura":
        name = f"trafilatura, {r['procs']} process{'es' if r['procs'] > 1 else ''}"
    else:
        name = {"content": "trawl extract --all --content",
                "warm-crawl-plain": "trawl crawl, warm (offline), three XPath fields",
                "warm-crawl-content": "trawl crawl, warm (offline), three XPath fields + --content",
                }.get(r["mode"], "trawl extract --all, one XPath field")
    ratio = ""
    if r["tool"] != "trafilatura" and base.get(r["label"]) and r["pages_per_s"]:
        ratio = f"{r['pages_per_s'] / base[r['label']]:.1f}×"
    print(f"| {r['label']} | {name} | {r['pages']} | {r['wall_s']} | {r['pages_per_s']} | {r['cpu_s']} "
          f"| {r.get('pages_per_cpu_s', '')} | {r.get('peak_rss_mb', '')} | {ratio} |")
titles = {"fixtures": "fixture pages (Tests/TrawlContentTests/Fixtures)",
          "docs": "Python docs pages (gold: Sphinx's role=main body)"}
names = {"trafilatura": f"trafilatura {ver}", "trawl": "Trawl --content",
         "whole-page": "whole page text (floor)"}
for a in acc_rows:
    first = next(iter(a["accuracy"].values()))
    print(f"\n| word-token F1 on {first['pages']} {titles.get(a['set'], a['set'])} | mean F1 | mean precision | mean recall |")
    print("|---|---:|---:|---:|")
    for tool, s in a["accuracy"].items():
        print(f"| {names.get(tool, tool)} | {s['mean_f1']:.3f} | {s['mean_precision']:.3f} | {s['mean_recall']:.3f} |")
notes = [r["note"] for r in rows if "note" in r]
if notes:
    print("\nNotes: " + "; ".join(notes) + ".")
print("\nMeasured by scripts/content_bench.sh: trafilatura reads the HTML files from disk "
      "(scripts/content_speed.py); Trawl reads the same pages from its warm cache.")
EOF
cat "$RESULTS/content.md"
