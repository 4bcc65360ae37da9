"""Search at scale: Material's lunr index against Pagefind's chunked index, in headless Chromium.

    python bench/bench_search.py SITE [--query "Kerman earthquake"] [--runs 5]

SITE is a built site (`mkdocs build`). Pagefind indexes it in place (SITE/pagefind/). Both are
served from 127.0.0.1 and searched from the home page in a fresh browser context each run (no
cache), the moment the page has loaded: a reader who arrives and searches. Time to first result:

- Material: from typing the query to the first result link in the search dropdown. Material
  fetches the whole search_index.json and builds the lunr index in a web worker first.
- Pagefind: from importing pagefind.js to the first result's data (its URL), through Pagefind's
  JavaScript API: the entry file, the index chunks for the query's words and one fragment.
  Material's own search is kept from loading in these runs, so the two do not compete.

Prints the index sizes, the bytes each fetched for the search, and medians of --runs.
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
TIMEOUT_MS = 300_000
PAGEFIND_FIRST_RESULT = """async (query) => {
  const start = performance.now();
  const pagefind = await import('/pagefind/pagefind.js');
  const search = await pagefind.search(query);
  const first = await search.results[0].data();
  return [performance.now() - start, first.url];
}"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The site over HTTP on 127.0.0.1 (web workers and module imports do not run from file://)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def folder_bytes(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*") if path.is_file()]
    return sum(path.stat().st_size for path in files), len(files)


def index_with_pagefind(site: Path) -> float:
    """Seconds Pagefind takes to index the site (the binary shipped in the pagefind[bin] wheel)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site)], check=True, capture_output=True)
    return time.perf_counter() - start


def first_result(browser, base: str, query: str, engine: str) -> tuple[float, str, int]:
    """Seconds to the first result, its URL, and the bytes of search files fetched on the way."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    own = "/search/" if engine == "material" else "/pagefind/"
    if engine == "pagefind":  # the site is Material's: keep its search from loading beside Pagefind
        page.route("**/search/**", lambda route: route.abort())
    fetched: list[int] = []
    page.on("response", lambda response: fetched.append(int(response.headers.get("content-length", 0)))
            if own in response.url else None)
    try:
        page.goto(f"{base}/", wait_until="load")
        if engine == "material":
            start = time.perf_counter()
            page.keyboard.press("/")  # Material's shortcut to the search box
            page.keyboard.type(query)
            link = page.locator(".md-search-result__link").first
            link.wait_for(timeout=TIMEOUT_MS)
            seconds, url = time.perf_counter() - start, link.get_attribute("href")
        else:
            milliseconds, url = page.evaluate(PAGEFIND_FIRST_RESULT, query)
            seconds = milliseconds / 1000
        return seconds, url, sum(fetched)
    finally:
        context.close()


def bench(site: Path, query: str, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    material_bytes = (site / "search" / "search_index.json").stat().st_size
    indexing = index_with_pagefind(site)
    pagefind_bytes, pagefind_files = folder_bytes(site / "pagefind")
    pages = sum(1 for _ in site.rglob("index.html"))
    rows = {}
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for engine in ("material", "pagefind"):
                results = [first_result(browser, base, query, engine) for _ in range(runs)]
                rows[engine] = {"first result s": statistics.median(r[0] for r in results),
                                "first result": results[0][1], "fetched bytes": statistics.median(r[2] for r in results)}
        finally:
            browser.close()
    rows["material"]["index bytes"], rows["material"]["index files"] = material_bytes, 1
    rows["pagefind"]["index bytes"], rows["pagefind"]["index files"] = pagefind_bytes, pagefind_files
    rows["pagefind"]["indexing s"] = indexing
    return {"pages": pages, "query": query, "runs": runs, "engines": rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site folder (mkdocs build)")
    parser.add_argument("--query", default="Kerman earthquake")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    result = bench(args.site, args.query, args.runs)
    print(json.dumps(result, indent=2))
    print(f"{result['pages']} pages, query {args.query!r}, median of {args.runs} runs")
    print(f"{'engine':>9} {'index MB':>9} {'files':>6} {'fetched MB':>11} {'first result s':>15}  first result")
    for engine, row in result["engines"].items():
        print(f"{engine:>9} {row['index bytes'] / 1e6:>9.2f} {row['index files']:>6} {row['fetched bytes'] / 1e6:>11.3f} "
              f"{row['first result s']:>15.2f}  {row['first result']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
