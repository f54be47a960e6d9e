"""Screenshot the view of a built graph in headless Chromium (the README's docs/seed-graph.png).

Run: bangfu build seeds/corpus -o out && .venv/bin/python bench/seed_screenshot.py out docs/seed-graph.png
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from views_bench import ARGS, CHROMIUM

from graph.build import load_graph
from graph.views import view, write_view


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="a build folder (holds graph.json)")
    parser.add_argument("png", type=Path)
    parser.add_argument("--layout", default="force", choices=["force", "geo"])
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        page_path = write_view(view(load_graph(args.out), layout=args.layout), Path(tmp) / "view.html")
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-stable]", state="attached", timeout=120_000)
        page.wait_for_timeout(500)
        args.png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.png))
        browser.close()
    print(f"wrote {args.png}")


if __name__ == "__main__":
    main()
