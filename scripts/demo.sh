#!/usr/bin/env bash
# make demo: serve examples/site on loopback, crawl it twice (the second run is served from the
# cache), crawl its JSON API with a glob, and show the items.
set -euo pipefail
BIN=${1:-.build/release}
OUT=demo-output
mkdir -p "$OUT"
rm -f "$OUT"/cache.sqlite* "$OUT"/*.jsonl "$OUT/server.url"

"$BIN/TrawlDemoServer" --root examples/site --host 127.0.0.1 --port 0 > "$OUT/server.url" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$OUT/server.url" ] && break; sleep 0.05; done
BASE=$(head -1 "$OUT/server.url")
[ -n "$BASE" ] || { echo "demo server did not start"; exit 1; }

TRAWL=(
  "$BIN/trawl" crawl --cache "$OUT/cache.sqlite" --per-host 8
)

echo "== 1. Crawl the example site at $BASE: titles and descriptions by XPath"
"${TRAWL[@]}" "$BASE" -o "$OUT/site.jsonl" \
  --extract 'title=//h1' --extract 'description=//meta[@name="description"]/@content'
echo "-- first items of $OUT/site.jsonl ($(wc -l < "$OUT/site.jsonl") in all):"
head -n 5 "$OUT/site.jsonl"

echo
echo "== 2. The same command again: the job is finished, nothing is fetched or parsed"
"${TRAWL[@]}" "$BASE" -o "$OUT/site.jsonl" \
  --extract 'title=//h1' --extract 'description=//meta[@name="description"]/@content'
"$BIN/trawl" status --cache "$OUT/cache.sqlite"

echo
echo "== 3. --fresh: a new job, every page served from the cache"
"${TRAWL[@]}" "$BASE" -o "$OUT/site.jsonl" --fresh \
  --extract 'title=//h1' --extract 'description=//meta[@name="description"]/@content'

echo
echo "== 4. A JSON API with a glob: ${BASE}api/pokemon/[1-12], fields by JSONPath"
"${TRAWL[@]}" "${BASE}api/pokemon/[1-12]" -o "$OUT/pokemon.jsonl" \
  --extract 'name=$.name' --extract 'height=$.height' --extract 'types[]=$.types[*].type.name'
cat "$OUT/pokemon.jsonl"
