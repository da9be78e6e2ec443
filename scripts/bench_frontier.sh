#!/usr/bin/env bash
# The durable frontier's bench step (make bench with SUITES containing `frontier`):
#  1. kill -9 on the 20k-page site: the crawl is killed three times at random moments and
#     resumed until done; the items are checked against the manifest and nginx's access log
#     counts the pages fetched more than once (at most those in flight or in the uncommitted
#     batch at each kill).
#  2. A crawl that knows 1,000,000 URLs: the demo server's synthetic link graph (50 links per
#     page, every link new), 20,000 pages; beside the same graph wrapped at 40,000 URLs (the
#     same pages and links, 40,000 known). Peak RSS and pages/s of both.
# Writes $RESULTS/frontier.md. Runs in a private network namespace like the shared harness.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ "${BENCH_IN_NETNS:-0}" != 1 ] && [ "${BENCH_NETNS:-1}" = 1 ]; then
  export BENCH_IN_NETNS=1
  exec unshare -n bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi
BENCH=${BENCH_DIR:-$ROOT/../shared/bench}
WORK=${WORK:-/var/tmp/bench}; PAGES=${PAGES:-20000}; SITE=${SITE:-$WORK/site$((PAGES / 1000))k}
RESULTS=${RESULTS:-$ROOT/bench-results/frontier-$(date +%Y%m%d-%H%M%S)}
BIN=$ROOT/.build/release; RUN=$WORK/run-frontier; T=$WORK/frontier
KILLS=${KILLS:-3}
mkdir -p "$RESULTS" "$RUN" "$T"
OUT=$RESULTS/frontier.md
: > "$OUT"

# 1. kill -9 on the 20k-page site
"$BENCH/serve.sh" stop "$SITE" "$RUN" >/dev/null 2>&1
"$BENCH/serve.sh" start "$SITE" "$RUN" >/dev/null || { echo "cannot start nginx"; exit 1; }
trap '"$BENCH/serve.sh" stop "$SITE" "$RUN" >/dev/null 2>&1' EXIT
HOSTS=$(paste -sd, "$SITE/hosts.txt"); START="http://$(head -1 "$SITE/hosts.txt"):8470/"
rm -rf "$T/kill.sqlite"* "$T/kill.jsonl"
CMD=("$BIN/trawl" crawl "$START" --out "$T/kill.jsonl" --cache "$T/kill.sqlite" --allow-host "$HOSTS"
  --concurrency 64 --per-host 8 --quiet --extract 'title=//h1[@class="title"]'
  --extract 'price=//span[@class="price"]' --extract 'page_title=//title')
"$BENCH/serve.sh" flushlogs "$SITE" "$RUN"
OFF=$(stat -c %s "$RUN/access.log" 2>/dev/null || echo 0); TOFF=$(stat -c %s "$RUN/trap.log" 2>/dev/null || echo 0)
START_S=$(date +%s.%N)
for k in $(seq 1 "$KILLS"); do
  "${CMD[@]}" & pid=$!
  sleep "$(python3 -c 'import random; print(round(random.uniform(2, 6), 2))')"
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  echo "kill $k: $("$BIN/trawl" status --cache "$T/kill.sqlite" --json)"
done
"${CMD[@]}"; status=$?
END_S=$(date +%s.%N)
sleep 0.5; "$BENCH/serve.sh" flushlogs "$SITE" "$RUN"; sleep 0.5
python3 "$BENCH/check.py" --expected "$SITE/manifest/expected.jsonl" --items "$T/kill.jsonl" --log "$RUN/access.log" \
  --log-offset "$OFF" --trap "$RUN/trap.log" --trap-offset "$TOFF" --title-field title > "$T/kill.check"
python3 - "$T/kill.check" "$T/kill.jsonl" "$status" "$KILLS" "$START_S" "$END_S" >> "$OUT" <<'PY'
import json, sys
check = json.load(open(sys.argv[1])); lines = open(sys.argv[2]).read().splitlines()
urls = [json.loads(l)["url"] for l in lines]
print("## kill -9 on the 20k-page site\n")
print("| kills | exit | wall s (all runs) | items | duplicate items | items correct / expected | requests | duplicate requests | trap hits |")
print("|---|---|---|---|---|---|---|---|---|")
print(f"| {sys.argv[4]} | {sys.argv[3]} | {float(sys.argv[6]) - float(sys.argv[5]):.1f} | {len(lines)} | {len(urls) - len(set(urls))} "
      f"| {check.get('items_correct')} / {check.get('items_expected', check.get('expected_pages'))} | {check.get('requests')} "
      f"| {check.get('dup_requests')} | {check.get('trap_requests')} |\n")
print("check: " + json.dumps(check) + "\n")
PY
"$BENCH/serve.sh" stop "$SITE" "$RUN" >/dev/null 2>&1; trap - EXIT

# 2. a million known URLs beside forty thousand, same pages and links
graph() {  # graph NAME DEMO-SERVER-ARGS...
  local name=$1; shift
  "$BIN/TrawlDemoServer" "$@" --port 0 > "$T/$name.url" & local server=$!
  for _ in $(seq 1 100); do [ -s "$T/$name.url" ] && break; sleep 0.05; done
  rm -rf "$T/$name.sqlite"*
  /usr/bin/time -v -o "$T/$name.time" "$BIN/trawl" crawl "$(head -1 "$T/$name.url")g/0" --cache "$T/$name.sqlite" \
    -o "$T/$name.jsonl" --extract 't=//h1' --max-pages 20000 --concurrency 16 --per-host 16 --ignore-robots 2> "$T/$name.err"
  kill "$server"; wait "$server" 2>/dev/null
  local known; known=$("$BIN/trawl" status --cache "$T/$name.sqlite" --json | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["queued"]+r["done"]+r["failed"])')
  python3 - "$T/$name.time" "$T/$name.err" "$name" "$known" <<'PY'
import re, sys
t = open(sys.argv[1]).read(); err = open(sys.argv[2]).read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1)) + float(re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
m = re.search(r"in ([\d.]+) s: (\d+) pages, ([\d.]+) pages/s", err)
print(f"| {sys.argv[3]} | {int(sys.argv[4]):,} | {m.group(2)} | {m.group(1)} | {m.group(3)} | {cpu:.1f} | {rss:.0f} |")
PY
}
{
  echo "## A crawl that knows a million URLs"
  echo
  echo "| graph | known URLs | pages | wall s | pages/s | CPU s | peak RSS MB |"
  echo "|---|---|---|---|---|---|---|"
  graph known40k --graph 50 --graph-size 40000
  graph known1m --graph 50
  echo
} >> "$OUT"
cat "$OUT"
