"""The views in a real headless Chromium: offline, no errors, a drawn canvas, tooltips, escaped hostile names."""
from __future__ import annotations

from pathlib import Path

import pytest
from graphs import tiny_graph
from hostile import BAD, HOSTILE, hostile_graph

from graph.views import view, write_view

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's browser with `apt-get install -y chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def open_view(browser, path: Path):
    """Load a page and wait until its layout has settled; return the page and what it did."""
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    seen = {"requests": [], "console": [], "errors": [], "dialogs": []}
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("console", lambda message: message.type == "error" and seen["console"].append(message.text))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))

    def dialog(event):
        seen["dialogs"].append(event.message)
        event.dismiss()

    page.on("dialog", dialog)
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-stable]", state="attached", timeout=60_000)
    page.wait_for_timeout(300)  # one more frame after the physics stopped
    return page, seen


def painted_pixels(page) -> int:
    return page.evaluate("""() => {
        const canvas = document.querySelector('#network canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { painted += 1; } }
        return painted;
    }""")


def hover(page, key: str) -> str:
    """Move the mouse onto a node and return the text of the tooltip that appears."""
    point = page.evaluate("""(key) => {
        const network = window.bangfu.network;
        const at = network.canvasToDOM(network.getPositions([key])[key]);
        const box = document.getElementById('network').getBoundingClientRect();
        return {x: box.left + at.x, y: box.top + at.y};
    }""", key)
    page.mouse.move(point["x"] + 1, point["y"] + 1)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    return tooltip.inner_text()


def injected(page) -> int:
    """Count elements that only the hostile name's markup could have made."""
    return page.evaluate("""() => document.querySelectorAll('img, [onerror]').length
        + Array.from(document.querySelectorAll('b')).filter((b) => b.textContent === 'x').length""")


def assert_clean(seen) -> None:
    outside = [url for url in seen["requests"] if not url.startswith(("file://", "data:"))]
    assert outside == []
    assert seen["console"] == [] and seen["errors"] == [] and seen["dialogs"] == []


@pytest.mark.parametrize("layout", ["force", "geo"])
def test_view_runs_offline_draws_and_shows_tooltips(browser, tmp_path, layout):
    path = write_view(view(tiny_graph(), layout=layout), tmp_path / "view.html")
    page, seen = open_view(browser, path)
    assert painted_pixels(page) > 2_000
    text = hover(page, "div:610727")
    assert "略阳县" in text and "County" in text and "610727" in text and "汉中市" in text and "Lueyang Xian" in text
    assert_clean(seen)
    page.close()


def test_search_finds_and_selects_a_node(browser, tmp_path):
    page, seen = open_view(browser, write_view(view(tiny_graph()), tmp_path / "view.html"))
    page.fill("#search", "lueyang xian")
    page.press("#search", "Enter")
    assert page.evaluate("() => window.bangfu.network.getSelectedNodes()") == ["div:610727"]
    assert "略阳县" in page.inner_text("#status")
    page.uncheck("#legend input[data-type='University']")
    assert page.evaluate("() => window.bangfu.nodes.get('University:西安理工大学').hidden") is True
    assert_clean(seen)
    page.close()


def test_hostile_names_render_as_text(browser, tmp_path):
    page, seen = open_view(browser, write_view(view(hostile_graph()), tmp_path / "bad.html"))
    assert injected(page) == 0
    text = hover(page, HOSTILE.key)
    assert BAD in text  # shown as the literal string, markup and all
    assert page.evaluate("(key) => window.bangfu.nodes.get(key).label", HOSTILE.key) == BAD
    page.mouse.move(5, 5)
    page.wait_for_timeout(200)
    page.fill("#search", BAD)
    page.press("#search", "Enter")
    assert page.evaluate("() => window.bangfu.network.getSelectedNodes()") == [HOSTILE.key]
    assert injected(page) == 0
    assert_clean(seen)
    page.close()
