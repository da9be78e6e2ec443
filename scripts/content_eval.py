#!/usr/bin/env python3
"""Main-content accuracy: trafilatura and Trawl's `content` processor against fixture pages.

Each fixture is a pair NAME.html + NAME.txt in --fixtures (the .txt holds the page's intended
main text; the rule for what counts is in the fixtures' README.md). Every extractor's text for a
page is compared with the expected text as a bag of word tokens:

  tokens     Unicode NFC, lower-cased, then every maximal run of word characters (Python's
             `\\w`: letters, digits, underscore, in any script) is one token; whitespace,
             punctuation and symbols only separate tokens ("B-tree's 2.4" -> b, tree, s, 2, 4).
             With --ngram N > 1 the units are the N-grams of consecutive tokens (shingles)
             instead of single tokens; the default is 1.
  per page   expected and extracted units are multisets; overlap = sum over units of
             min(count expected, count extracted).
             precision = overlap / extracted units, recall = overlap / expected units,
             F1 = 2PR / (P + R). An empty extraction scores P = R = F1 = 0 (both empty: 1).
  summary    mean_f1 = mean of the per-page F1 (the headline figure), mean_precision and
             mean_recall likewise, and f1_of_means = 2 mP mR / (mP + mR), the aggregate the
             usual article-extraction benchmarks report (there a page without any extracted
             text is left out of mean precision; here it counts as 0, which is stricter).

Page sets:
  fixtures     --fixtures DIR (default Tests/TrawlContentTests/Fixtures): pairs NAME.html +
               NAME.txt, the .txt holding the intended main text.
  pages-dir    --pages-dir DIR: every *.html under DIR; the expected text is the text of the
               page's first element with role="main" (--gold-role), which on the Python docs is
               Sphinx's body (headings, prose, code, tables, notes; no navigation or sidebar).
               A page's name is its path under DIR without ".html" (library/json).

Extractors:
  trafilatura  trafilatura.extract(html, url=URL, output_format="txt", include_comments=False)
               in this process (needs the bench venv: `make benchvenv`, then run this script
               with .build/benchvenv/bin/python). include_comments=False as in the published
               benchmark runs: comments are not main text here. --no-trafilatura skips it.
  trawl        items from `--trawl ITEMS.jsonl` (JSON lines with "url" and "text", as
               `trawl crawl … --content` and `trawl extract … --content` write them), matched to
               pages by the URL's path (/library/json.html, / = /index.html), or for fixtures
               served under a prefix by its last segment (NAME.html); --only-with-items scores
               only the pages the items cover. Or `--trawl-bin PATH`, which serves the page set
               on 127.0.0.1 from this process (Python's http.server: fine for a few hundred
               pages, not a load test) and runs
               `PATH crawl --seeds … --content --max-depth 0 --ignore-robots --cache … -o …`.

Examples:
  .build/benchvenv/bin/python scripts/content_eval.py
  .build/benchvenv/bin/python scripts/content_eval.py --trawl items.jsonl --json
  python3 scripts/content_eval.py --no-trafilatura --trawl-bin .build/release/trawl
  python3 scripts/content_eval.py --check      # every fixture's expected text is on its page
  python3 scripts/content_eval.py --self-test  # the metric on hand-computed cases
  .build/benchvenv/bin/python scripts/content_eval.py --pages-dir /usr/share/doc/python3.11/html
Exit status: 0, or 1 when --check finds a bad fixture, 2 on a usage or run error.
"""
import argparse
import functools
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit, unquote

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FIXTURES = ROOT / "Tests" / "TrawlContentTests" / "Fixtures"
DEFAULT_BASE_URL = "http://fixtures.trawl.test/"
WORD = re.compile(r"\w+")


def tokens(text):
    """The word tokens of TEXT, as defined in the module doc."""
    return WORD.findall(unicodedata.normalize("NFC", text or "").lower())


def units(text, ngram):
    toks = tokens(text)
    if ngram <= 1:
        return Counter(toks)
    if len(toks) < ngram:  # a text shorter than one shingle is one short shingle
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i:i + ngram]) for i in range(len(toks) - ngram + 1))


def score(expected, extracted, ngram=1):
    """precision, recall, F1 and unit counts of EXTRACTED against EXPECTED (strings)."""
    exp, got = units(expected, ngram), units(extracted, ngram)
    n_exp, n_got = sum(exp.values()), sum(got.values())
    overlap = sum((exp & got).values())
    if n_exp == 0 and n_got == 0:
        p = r = f = 1.0
    else:
        p = overlap / n_got if n_got else 0.0
        r = overlap / n_exp if n_exp else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "extracted": n_got, "expected": n_exp,
            "overlap": overlap}


def summarize(rows):
    if not rows:
        return {"pages": 0}
    n = len(rows)
    mp = sum(r["precision"] for r in rows) / n
    mr = sum(r["recall"] for r in rows) / n
    return {"pages": n, "mean_precision": mp, "mean_recall": mr,
            "mean_f1": sum(r["f1"] for r in rows) / n,
            "f1_of_means": 2 * mp * mr / (mp + mr) if mp + mr else 0.0}


def load_fixtures(directory):
    """[(name, html, expected_text)] sorted by name; raises ValueError for unpaired files."""
    d = Path(directory)
    htmls = {p.stem: p for p in d.glob("*.html")}
    txts = {p.stem: p for p in d.glob("*.txt")}
    unpaired = sorted(set(htmls) ^ set(txts))
    if unpaired:
        raise ValueError("fixtures without their pair (.html + .txt): " + ", ".join(unpaired))
    if not htmls:
        raise ValueError(f"no fixtures (*.html + *.txt) in {d}")
    return [(n, htmls[n].read_text(encoding="utf-8"), txts[n].read_text(encoding="utf-8"))
            for n in sorted(htmls)]


class _PageText(HTMLParser):
    """Character data outside script/style/template: of the whole page, or with ROLE only
    inside the first element that has role=ROLE (pages with well-formed nesting there)."""
    SKIP = {"script", "style", "template"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self, role=None):
        super().__init__(convert_charrefs=True)
        self.parts, self.depth, self.role = [], 0, role
        self.found, self.inside, self.open = role is None, role is None, 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1
        if self.role is None or tag in self.VOID:
            return
        if self.inside and self.open:
            self.open += 1
        elif not self.found and dict(attrs).get("role") == self.role:
            self.found = self.inside = True
            self.open = 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1
        if self.role is not None and self.inside and tag not in self.VOID:
            self.open -= 1
            if self.open == 0:
                self.inside = False

    def handle_data(self, data):
        if not self.depth and self.inside:
            self.parts.append(data)


def page_text(html):
    p = _PageText()
    p.feed(html)
    return " ".join(p.parts)


def check_fixtures(fixtures):
    """Problems: expected tokens that the page's own text does not contain (as a multiset)."""
    problems = []
    for name, html, expected in fixtures:
        if not tokens(expected):
            problems.append(f"{name}: the expected text is empty")
            continue
        missing = Counter(tokens(expected)) - Counter(tokens(page_text(html)))
        if missing:
            problems.append(f"{name}: expected tokens not on the page: "
                            + ", ".join(f"{t}×{c}" for t, c in sorted(missing.items())))
    return problems


def page_name(url):
    """The page name of an item URL: its path without the leading slash and the .html suffix
    (a path ending in / names its index.html); None for other URLs."""
    path = unquote(urlsplit(url).path).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path[:-5] if path.endswith(".html") else None


def read_trawl_items(path, field):
    """{page name: text} from a JSON-lines file; the first item per page wins."""
    texts = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: not JSON: {e}") from e
            name = page_name(str(item.get("url", "")))
            if name is not None and name not in texts:
                value = item.get(field)
                texts[name] = value if isinstance(value, str) else ""
    return texts


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def match_items(texts, names):
    """{name: text} for NAMES: an item whose page name is the name, else (for pages served
    under some prefix) the one whose last path segment is the name's; "" when none."""
    by_last = {}
    for key, text in texts.items():
        by_last.setdefault(key.rsplit("/", 1)[-1], text)
    return {n: texts[n] if n in texts else by_last.get(n, "") if "/" not in n else ""
            for n in names}


def load_pages_dir(directory, role, limit):
    """[(name, html, gold)] for the *.html under DIRECTORY (sorted, at most LIMIT if > 0) that
    have an element with role=ROLE; gold = that element's text. Returns (pages, skipped)."""
    d = Path(directory)
    pages, skipped = [], 0
    for f in sorted(d.rglob("*.html")):
        html = f.read_text(encoding="utf-8", errors="replace")
        p = _PageText(role)
        p.feed(html)
        if not p.found:
            skipped += 1
            continue
        pages.append((str(f.relative_to(d))[:-5], html, " ".join(p.parts)))
        if limit and len(pages) >= limit:
            break
    if not pages:
        raise ValueError(f"no *.html with role=\"{role}\" under {d}")
    return pages, skipped


def run_trawl(binary, fixtures_dir, names, extra_args, workdir):
    """Serves FIXTURES_DIR on loopback and crawls NAME.html for every name with `--content`;
    returns the items file."""
    handler = functools.partial(_QuietHandler, directory=str(fixtures_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        seeds = Path(workdir) / "seeds.txt"
        seeds.write_text("".join(f"http://127.0.0.1:{port}/{n}.html\n" for n in names))
        items = Path(workdir) / "items.jsonl"
        cmd = [str(binary), "crawl", "--seeds", str(seeds), "--content", "--max-depth", "0",
               "--ignore-robots", "--cache", str(Path(workdir) / "cache.sqlite"),
               "-o", str(items), "-q", *extra_args]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.strip()}")
        return items
    finally:
        server.shutdown()
        server.server_close()


def run_trafilatura(fixtures, base_url):
    try:
        import trafilatura
    except ImportError as e:
        raise RuntimeError("trafilatura is not importable here (" + str(e) + "); run `make "
                           "benchvenv` and use .build/benchvenv/bin/python, or pass "
                           "--no-trafilatura") from e
    out = {}
    for name, html, _ in fixtures:
        text = trafilatura.extract(html, url=f"{base_url}{name}.html", output_format="txt",
                                   include_comments=False)
        out[name] = text or ""
    return out, getattr(trafilatura, "__version__", "?")


def self_test():
    """Checks the metric on hand-computed cases; raises AssertionError on a mismatch."""
    assert tokens("B-tree's 2.4 Größe, NAÏVE_x") == ["b", "tree", "s", "2", "4", "größe", "naïve_x"]
    assert tokens("Cafe\u0301") == ["café"]  # NFC: e + combining accent is one letter
    s = score("the cat sat on the mat", "the cat the dog")
    assert (s["overlap"], s["expected"], s["extracted"]) == (3, 6, 4)
    assert abs(s["precision"] - 0.75) < 1e-12 and abs(s["recall"] - 0.5) < 1e-12
    assert abs(s["f1"] - 0.6) < 1e-12
    assert score("a b", "")["f1"] == 0.0 and score("", "")["f1"] == 1.0
    s4 = score("one two three four five", "one two three four", ngram=4)
    assert (s4["overlap"], s4["expected"], s4["extracted"]) == (1, 2, 1)
    assert score("one two", "one two", ngram=4)["f1"] == 1.0
    m = summarize([{"precision": 1.0, "recall": 0.5, "f1": 2 / 3},
                   {"precision": 0.5, "recall": 1.0, "f1": 2 / 3}])
    assert abs(m["mean_f1"] - 2 / 3) < 1e-12 and abs(m["f1_of_means"] - 0.75) < 1e-12
    assert page_name("http://h:1/a/b.html?q#f") == "a/b" and page_name("http://h/") == "index"
    assert page_name("http://h/x/") == "x/index" and page_name("http://h/x.txt") is None
    got = match_items({"news": "A", "sub/x": "B", "y/index": "C"}, ["news", "x", "index", "z"])
    assert got == {"news": "A", "x": "B", "index": "C", "z": ""}
    p = _PageText("main")
    p.feed('<p>out</p><div role="main"><p>in<br>side</p><div>deep</div></div><p>after</p>'
           '<script>var x</script>')
    assert p.found and " ".join(p.parts).split() == ["in", "side", "deep"]


def diff_line(expected, extracted):
    exp, got = Counter(tokens(expected)), Counter(tokens(extracted))
    missing = [t for t, _ in (exp - got).most_common(12)]
    extra = [t for t, _ in (got - exp).most_common(12)]
    return f"    missing: {' '.join(missing) or '-'}\n    extra:   {' '.join(extra) or '-'}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="See the module docstring (head of this file) for the metric.")
    ap.add_argument("--fixtures", default=str(DEFAULT_FIXTURES), help="folder of NAME.html + NAME.txt")
    ap.add_argument("--pages-dir", metavar="DIR",
                    help="instead of fixtures: every *.html under DIR, the text of its first "
                         "element with role=--gold-role as the expected text (the Python docs)")
    ap.add_argument("--gold-role", default="main", help="role of the gold element (default main)")
    ap.add_argument("--limit", type=int, default=0, help="with --pages-dir: the first N pages")
    ap.add_argument("--only-with-items", action="store_true",
                    help="score only the pages the Trawl items cover (e.g. a crawl of the docs "
                         "that could not reach every file); the others count as skipped")
    ap.add_argument("--trawl", metavar="ITEMS", help="Trawl items (JSON lines with url + text)")
    ap.add_argument("--trawl-bin", metavar="PATH", help="run this trawl binary over the served fixtures")
    ap.add_argument("--trawl-arg", action="append", default=[], metavar="ARG",
                    help="extra argument for the trawl crawl (repeatable)")
    ap.add_argument("--trawl-field", default="text", help="item field holding the text (default text)")
    ap.add_argument("--keep-items", metavar="FILE", help="copy the items --trawl-bin wrote here")
    ap.add_argument("--no-trafilatura", action="store_true", help="do not run trafilatura")
    ap.add_argument("--baseline", action="store_true",
                    help="also score the whole page's text (every text node outside script/style)")
    ap.add_argument("--base-url", default=DEFAULT_BASE_URL, help="page URL prefix given to trafilatura")
    ap.add_argument("--ngram", type=int, default=1, help="1 = bag of words (default); 4 = shingles")
    ap.add_argument("--only", action="append", default=[], metavar="NAME", help="only these fixtures")
    ap.add_argument("--diff", action="store_true", help="list missing and extra tokens per page")
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    ap.add_argument("--self-test", action="store_true", help="check the metric itself and exit")
    ap.add_argument("--check", action="store_true",
                    help="only check the fixtures: expected text is on the page, files are paired")
    a = ap.parse_args(argv)
    if a.self_test:
        self_test()
        print("self-test passed")
        return 0
    skipped = 0
    try:
        if a.pages_dir:
            fixtures, skipped = load_pages_dir(a.pages_dir, a.gold_role, a.limit)
        else:
            fixtures = load_fixtures(a.fixtures)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if a.only:
        fixtures = [f for f in fixtures if f[0] in set(a.only)]
    if a.check:
        problems = check_fixtures(fixtures)
        for p in problems:
            print(p)
        print(f"{len(fixtures)} fixtures, {len(problems)} with problems")
        return 1 if problems else 0

    results, versions = {}, {}
    try:
        if not a.no_trafilatura:
            results["trafilatura"], versions["trafilatura"] = run_trafilatura(fixtures, a.base_url)
        if a.baseline:
            results["whole-page"] = {name: page_text(html) for name, html, _ in fixtures}
        items_path = a.trawl
        with tempfile.TemporaryDirectory(prefix="content-eval-") as tmp:
            if a.trawl_bin:
                items_path = run_trawl(a.trawl_bin, a.pages_dir or a.fixtures, [f[0] for f in fixtures],
                                       a.trawl_arg, tmp)
                if a.keep_items:
                    Path(a.keep_items).write_bytes(Path(items_path).read_bytes())
            if items_path:
                texts = read_trawl_items(items_path, a.trawl_field)
                if a.only_with_items:
                    covered = match_items({k: k for k in texts}, [f[0] for f in fixtures])
                    kept = [f for f in fixtures if covered[f[0]]]
                    skipped += len(fixtures) - len(kept)
                    fixtures = kept
                    results = {t: {f[0]: r[f[0]] for f in kept} for t, r in results.items()}
                results["trawl"] = match_items(texts, [f[0] for f in fixtures])
    except (RuntimeError, ValueError, OSError, subprocess.TimeoutExpired) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if not results:
        print("error: nothing to evaluate: give --trawl or --trawl-bin, or drop --no-trafilatura",
              file=sys.stderr)
        return 2

    tools = list(results)
    pages = []
    for name, _, expected in fixtures:
        row = {"name": name, "expected_tokens": len(tokens(expected))}
        for t in tools:
            row[t] = score(expected, results[t][name], a.ngram)
        pages.append(row)
    summary = {t: summarize([p[t] for p in pages]) for t in tools}

    if a.json:
        print(json.dumps({"set": a.pages_dir or a.fixtures, "skipped": skipped,
                          "ngram": a.ngram, "versions": versions, "pages": pages,
                          "summary": summary}, indent=1))
        return 0
    head = f"{'':<26} {'':>6}" + "".join(f" | {t[:17]:^17}" for t in tools)
    sub = f"{'page':<26} {'tokens':>6}" + " | P     R     F1   " * len(tools)
    print(head)
    print(sub.rstrip())
    print("-" * len(sub))
    for p in pages:
        line = f"{p['name']:<26} {p['expected_tokens']:>6}"
        for t in tools:
            s = p[t]
            line += f" | {s['precision']:.3f} {s['recall']:.3f} {s['f1']:.3f}"
        print(line)
        if a.diff:
            for t in tools:
                if p[t]["f1"] < 1:
                    print(f"  {t}:")
                    print(diff_line(next(f[2] for f in fixtures if f[0] == p["name"]),
                                    results[t][p["name"]]))
    print("-" * len(sub))
    for t in tools:
        s = summary[t]
        v = f" {versions[t]}" if t in versions else ""
        print(f"{t}{v}: mean F1 {s['mean_f1']:.3f} (mean P {s['mean_precision']:.3f}, mean R "
              f"{s['mean_recall']:.3f}, F1 of means {s['f1_of_means']:.3f}) over {s['pages']} pages"
              + (f", {a.ngram}-gram shingles" if a.ngram > 1 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
