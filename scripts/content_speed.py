#!/usr/bin/env python3
"""trafilatura's main-content speed over HTML files on disk, one process per core.

  .build/benchvenv/bin/python scripts/content_speed.py DIR_OR_FILE… [--list FILE] [--procs N]
      [--limit N] [--label NAME] [--json]

Every *.html under the given folders (recursively), every file named directly, and every path
in --list (one per line) is read as UTF-8 (invalid bytes replaced) and passed to
trafilatura.extract(html, output_format="txt", include_comments=False), the call that
content_eval.py scores. Work is spread over --procs worker processes (default: one per core)
with multiprocessing, in chunks of 16 files. The clock starts once every worker has imported
trafilatura and extracted one small page (so interpreter start-up and imports are not
counted) and stops when the last page is done; reading the files is counted, as a crawler
reads from its cache. CPU is the workers' user+sys time between those two points.

Prints pages, wall seconds, pages/s, input MB/s, CPU seconds, pages per CPU second (steadier
than pages/s on a shared machine), and how many pages gave no text.
"""
import argparse
import json
import multiprocessing as mp
import os
import resource
import sys
import time
from pathlib import Path

_WARM = ("<html><body><article><h1>Warm-up</h1><p>" + "Some words to extract here. " * 20
         + "</p></article></body></html>")


def _init():
    global trafilatura
    import trafilatura  # noqa: F401  (imported once per worker, before the clock starts)
    trafilatura.extract(_WARM, output_format="txt")


def _ready(_):
    time.sleep(0.02)  # long enough that the tasks spread over all workers
    return os.getpid(), time.process_time()


def _extract(path):
    with open(path, "rb") as f:
        raw = f.read()
    text = trafilatura.extract(raw.decode("utf-8", errors="replace"), output_format="txt",
                               include_comments=False)
    return len(raw), len(text or "")


def collect(paths, list_file, limit):
    files = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(p.rglob("*.html")))
        elif p.is_file():
            files.append(p)
        else:
            raise ValueError(f"no such file or folder: {p}")
    if list_file:
        with open(list_file, encoding="utf-8") as f:
            files.extend(Path(line.strip()) for line in f if line.strip())
    return files[:limit] if limit else files


def worker_cpu(pool, procs, want):
    """{worker pid: its CPU seconds so far}, asking until every worker (or every pid in WANT)
    has answered."""
    seen = {}
    for _ in range(100):
        for pid, cpu in pool.map(_ready, range(procs * 2), chunksize=1):
            seen[pid] = max(cpu, seen.get(pid, 0.0))
        if len(seen) >= procs and all(p in seen for p in want):
            break
    return seen


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", help="folders (searched for *.html) or files")
    ap.add_argument("--list", help="a file of paths, one per line")
    ap.add_argument("--procs", type=int, default=os.cpu_count() or 1, help="worker processes")
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    ap.add_argument("--label", default="", help="a name for this set, echoed in the output")
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    a = ap.parse_args(argv)
    try:
        files = collect(a.paths, a.list, a.limit)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if not files:
        print("error: no HTML files given", file=sys.stderr)
        return 2
    try:
        import trafilatura
        version = trafilatura.__version__
    except ImportError as e:
        print(f"error: trafilatura is not importable ({e}); run `make benchvenv` and use "
              ".build/benchvenv/bin/python", file=sys.stderr)
        return 2

    cpu0 = children_cpu()
    with mp.get_context("fork").Pool(a.procs, initializer=_init) as pool:
        cpu_start = worker_cpu(pool, a.procs, {})  # every worker has answered: started and warm
        start = time.perf_counter()
        in_bytes = empty = 0
        for n_in, n_out in pool.imap_unordered(_extract, files, chunksize=16):
            in_bytes += n_in
            empty += n_out == 0
        wall = time.perf_counter() - start
        cpu_end = worker_cpu(pool, a.procs, cpu_start)
        pool.close()
        pool.join()
    cpu = sum(cpu_end[p] - cpu_start[p] for p in cpu_start if p in cpu_end)
    if set(cpu_start) != set(cpu_end):  # a worker was replaced: fall back to the whole run
        cpu = children_cpu() - cpu0
    row = {"tool": "trafilatura", "version": version, "label": a.label, "procs": a.procs,
           "pages": len(files), "wall_s": round(wall, 3),
           "pages_per_s": round(len(files) / wall, 1) if wall else None,
           "mb_per_s": round(in_bytes / 1e6 / wall, 2) if wall else None,
           "input_mb": round(in_bytes / 1e6, 1), "cpu_s": round(cpu, 1),
           "pages_per_cpu_s": round(len(files) / cpu, 1) if cpu else None, "empty": empty}
    if a.json:
        print(json.dumps(row))
    else:
        print(f"trafilatura {version}{' ' + a.label if a.label else ''}: {row['pages']} pages "
              f"({row['input_mb']} MB) in {row['wall_s']} s with {a.procs} process{'es' if a.procs > 1 else ''} = "
              f"{row['pages_per_s']} pages/s, {row['mb_per_s']} MB/s, cpu {row['cpu_s']} s "
              f"({row['pages_per_cpu_s']} pages per cpu-second), "
              f"{empty} pages without text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
