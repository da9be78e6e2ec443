#!/usr/bin/env bash
# make bench: Trawl beside Scrapy on the 20k-page synthetic site of ../shared/bench, in one run
# (cold = empty cache, warm = the same cache again). Knobs: PEERS, RUNS, SUITES, PAGES.
#
# The harness runs as shipped (its nginx config stays within this machine's open-file limit, and
# its checker counts /robots.txt requests apart from pages).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH_DIR:-$ROOT/../shared/bench}
WORK=${WORK:-/var/tmp/bench}
[ -x "$BENCH/run_peers.sh" ] || { echo "no benchmark harness at $BENCH"; exit 1; }
[ -x "$WORK/venv/bin/python" ] || "$BENCH/setup.sh"
STAMP=$(date +%Y%m%d-%H%M%S)
export WORK RESULTS=${RESULTS:-$ROOT/bench-results/$STAMP}
export CRAWLER_NAME=trawl
export CRAWLER_CMD="$ROOT/.build/release/trawl crawl {start} --out {out} --cache {cache} \
--allow-host {hosts} --concurrency {concurrency} --per-host {per_host} --quiet \
--extract 'title=//h1[@class=\"title\"]' --extract 'price=//span[@class=\"price\"]' --extract 'page_title=//title'"
export PEERS=${PEERS:-scrapy} RUNS=${RUNS:-1} SUITES=${SUITES:-synthetic}
"$BENCH/run_peers.sh"
echo "results: $RESULTS/results.md"
