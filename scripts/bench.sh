#!/usr/bin/env bash
# make bench: Trawl beside Scrapy on the 20k-page synthetic site of ../shared/bench, in one run
# (cold = empty cache, warm = the same cache again). Knobs: PEERS, RUNS, SUITES, PAGES.
#
# The harness runs from a copy in $WORK/harness with one change: nginx's open_file_cache is
# capped at 10,000 entries. The shipped value (50,000) exceeds the worker's open-file limit on
# this machine (20,000, and it cannot be raised), so a crawler that fetches 20,000 files within
# the cache's 60 s window makes nginx fail with "Too many open files" (500s, refused accepts).
# Scrapy is too slow to hit it; Trawl and `curl --parallel` are not. Every tool in the run is
# measured against the same server.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH_DIR:-$ROOT/../shared/bench}
WORK=${WORK:-/var/tmp/bench}
[ -x "$BENCH/run_peers.sh" ] || { echo "no benchmark harness at $BENCH"; exit 1; }
[ -x "$WORK/venv/bin/python" ] || "$BENCH/setup.sh"
HARNESS=$WORK/harness
rm -rf "$HARNESS"; mkdir -p "$HARNESS"; cp -r "$BENCH"/. "$HARNESS"/
limit=$(ulimit -n)
cache=$(( limit / 2 < 10000 ? limit / 2 : 10000 ))
sed -i "s/open_file_cache max=[0-9]*/open_file_cache max=$cache/" "$HARNESS/nginx.conf"
STAMP=$(date +%Y%m%d-%H%M%S)
export WORK RESULTS=${RESULTS:-$ROOT/bench-results/$STAMP}
export CRAWLER_NAME=trawl
export CRAWLER_CMD="$ROOT/.build/release/trawl crawl {start} --out {out} --cache {cache} \
--allow-host {hosts} --concurrency {concurrency} --per-host {per_host} --quiet \
--extract 'title=//h1[@class=\"title\"]' --extract 'price=//span[@class=\"price\"]' --extract 'page_title=//title'"
export PEERS=${PEERS:-scrapy} RUNS=${RUNS:-1} SUITES=${SUITES:-synthetic}
"$HARNESS/run_peers.sh"
echo "results: $RESULTS/results.md"
