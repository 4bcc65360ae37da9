"""Search on a built site as a reader meets it: Pagefind's search dialog in headless Chromium.

    python bench/bench_search.py SITE [--query "Kerman earthquake"] [--runs 5] [--reindex]

SITE is any site folder built by `make site` (or `mkdocs build`, or Zensical then `python -m
pagefind`): its search bundle is SITE/pagefind/. `--reindex` runs Pagefind on it again first and
times that. The site is served from 127.0.0.1 and each run is a fresh browser context (no cache)
that opens a page, then, once it has loaded, opens the search dialog from the header, types the
query and waits for the first result with its address (timed in the page, from the keystroke):
what a reader who arrives and searches waits for. Opening the dialog starts loading Pagefind: the
query is typed at once (the load counted), and in a second set of runs once it has loaded. Printed: the bundle's size on disk, the bytes fetched from it for the first result
(script, stylesheet, WebAssembly, index chunks, fragments), and the time to the first result,
medians of --runs.
"""

from __future__ import annotations

import argparse
import functools
import json
import shutil
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
# Types the query into the open dialog and resolves with [milliseconds, URL] when the first result
# has its address (a result is a placeholder until its data has loaded). Timed in the page, so the
# figure holds no browser-automation round trips.
TYPE_AND_WAIT = """(query) => new Promise(resolve => {
  const results = document.querySelector("pagefind-results");
  const input = document.querySelector("pagefind-modal input[type=search]");
  const start = performance.now();
  const observer = new MutationObserver(() => {
    const href = results.querySelector('[data-pf-result-index="0"] a.pf-result-link')?.getAttribute("href");
    if (href) { observer.disconnect(); resolve([performance.now() - start, href]); }
  });
  observer.observe(results, {subtree: true, childList: true, attributes: true});
  input.value = query;
  input.dispatchEvent(new Event("input", {bubbles: true}));
})"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The site over HTTP on 127.0.0.1 (search does not run from file://)."""
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


def reindex(site: Path) -> float:
    """Seconds Pagefind takes to index the site again (with pagefind.yml, as the build runs it),
    into an empty bundle folder (Pagefind leaves files it no longer needs)."""
    shutil.rmtree(site / "pagefind")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"], check=True,
                   cwd=Path(__file__).resolve().parents[1])
    return time.perf_counter() - start


def first_result(browser, base: str, query: str, settle: bool = False) -> tuple[float, str, int]:
    """Seconds from typing the query into the search dialog to the first result, its URL, and the
    bytes fetched from the search bundle on the way (the page itself excluded). Typed at once when
    the dialog opens, or with `settle` once Pagefind has loaded (which opening the dialog starts),
    as a reader who takes a moment to type."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    fetched: list[int] = []
    page.on("response", lambda response: fetched.append(len(response.body()))
            if "/pagefind/" in response.url and response.ok else None)
    try:
        page.goto(f"{base}/", wait_until="load")
        page.locator(".md-header pagefind-modal-trigger button").click()
        page.locator("pagefind-modal dialog[open]").wait_for()
        if settle:
            page.wait_for_load_state("networkidle")
        milliseconds, url = page.evaluate(TYPE_AND_WAIT, query)
        return milliseconds / 1000, url, sum(fetched)
    finally:
        context.close()


def bench(site: Path, query: str, runs: int, index_again: bool) -> dict:
    from playwright.sync_api import sync_playwright

    indexing = reindex(site) if index_again else None
    bundle_bytes, bundle_files = folder_bytes(site / "pagefind")
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    with served(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            results = [first_result(browser, base, query) for _ in range(runs)]
            settled = [first_result(browser, base, query, settle=True) for _ in range(runs)]
        finally:
            browser.close()
    return {"site": str(site), "pages indexed": sum(lang["page_count"] for lang in entry["languages"].values()),
            "query": query, "runs": runs, "bundle bytes": bundle_bytes, "bundle files": bundle_files,
            "indexing s": indexing, "first result s": statistics.median(r[0] for r in results),
            "first result s, each run": [round(r[0], 3) for r in results], "first result": results[0][1],
            "fetched bytes": statistics.median(r[2] for r in results),
            "first result s, typed once loaded": statistics.median(r[0] for r in settled),
            "each run, typed once loaded": [round(r[0], 3) for r in settled]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site folder with its search bundle (SITE/pagefind/)")
    parser.add_argument("--query", default="Kerman earthquake")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reindex", action="store_true", help="run Pagefind on the site again first, timed")
    args = parser.parse_args()
    if not (args.site / "pagefind" / "pagefind-entry.json").is_file():
        parser.error(f"{args.site}: no search bundle (pagefind/pagefind-entry.json): build it with `make site`")
    result = bench(args.site, args.query, args.runs, args.reindex)
    print(json.dumps(result, indent=2))
    print(f"{result['pages indexed']} pages, query {args.query!r}, median of {args.runs} runs: "
          f"bundle {result['bundle bytes'] / 1e6:.2f} MB in {result['bundle files']} files, "
          f"{result['fetched bytes'] / 1e6:.3f} MB fetched, first result in {result['first result s']:.2f} s "
          f"typed at once, {result['first result s, typed once loaded']:.2f} s typed once loaded "
          f"({result['first result']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
