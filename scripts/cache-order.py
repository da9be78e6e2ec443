#!/usr/bin/env python3
"""Lists a generated bench site's HTML pages in crawl-like order for trawl-cache-bench.

Breadth-first from the site's start URL over the links in each page, every host at once (the
order a crawl stores them), printing "URL<TAB>FILE" per page; with --gzip, also prints to stderr
what gzip -6 of every body takes, the size Scrapy's cache stores per body.
Usage: scripts/cache-order.py SITE_DIR [--gzip] > order.tsv
"""
import collections, gzip, json, os, re, sys
from urllib.parse import urljoin, urlsplit

site = sys.argv[1]
summary = json.load(open(os.path.join(site, "manifest", "summary.json")))
href = re.compile(rb'href="([^"#]+)"')

redirects = dict(re.findall(r'"([^"]+)" "([^"]+)";', open(os.path.join(site, "redirects.map")).read()))

def path_of(url):
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname is None:
        return None
    if parts.path == "/list":
        query = dict(kv.split("=", 1) for kv in parts.query.split("&") if "=" in kv)
        path = f"/list/{query.get('cat')}/{query.get('page')}.html"
    else:
        path = parts.path + ("index.html" if parts.path.endswith("/") else "")
    candidate = os.path.join(site, "hosts", parts.hostname, path.lstrip("/"))
    return candidate if parts.port == summary["port"] and os.path.isfile(candidate) and path.endswith(".html") else None

seen, queue, raw, packed = {summary["start"]}, collections.deque([summary["start"]]), 0, 0
while queue:
    url = queue.popleft()
    target = redirects.get(f"{urlsplit(url).hostname}{urlsplit(url).path}")
    if target is not None:
        target = urljoin(url, target)
        if target not in seen:
            seen.add(target)
            queue.append(target)
        continue
    file = path_of(url)
    if file is None:
        continue
    body = open(file, "rb").read()
    print(f"{url}\t{file}")
    if "--gzip" in sys.argv:
        raw += len(body)
        packed += len(gzip.compress(body, 6))
    for link in href.findall(body):
        target = urljoin(url, link.decode().replace("&amp;", "&")).split("#")[0]
        if target not in seen:
            seen.add(target)
            queue.append(target)
if "--gzip" in sys.argv:
    print(f"{len(seen)} urls seen; bodies {raw} bytes, gzip -6 {packed} bytes", file=sys.stderr)
