"""The HTML reports in a real browser: headless Chromium from the OS packages.

For each page a copy with a small probe script is loaded (the reports themselves contain no
script): the probe records failed resource loads and script errors and, after `load`, whether
every image decoded, into a <pre id="nn-probe"> that `--dump-dom` returns. Any console line in
Chromium's log is a failure too (the pages must not produce one). Screenshots are kept under the
test's tmp folder and checked to be non-blank.

Needs `chromium` on PATH (Debian package `chromium`; `make browser` installs it), or
chromium-browser / google-chrome (GitHub's Ubuntu runners have Chrome); skipped otherwise.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from grader.report import pages as report
from tests.golden.samples import BEFORE_DUE, INFOS, MemoryGradebook

CHROMIUM = next(filter(None, map(shutil.which, (
    "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"))), None)
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install "
                       "chromium, or `make browser`); the HTML reports are not browser-tested"),
]

PROBE = """<script>
(() => {
  const failures = [];
  window.addEventListener("error", (e) => {
    const t = e.target;
    failures.push(t && t !== window ? "failed to load " + (t.src || t.href || t.tagName)
                                    : "script error: " + e.message);
  }, true);
  window.addEventListener("load", () => {
    const imgs = Array.from(document.images);
    const out = document.createElement("pre");
    out.id = "nn-probe";
    out.textContent = JSON.stringify({
      failures,
      images: imgs.length,
      broken: imgs.filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => i.alt),
      title: document.title,
      scripts: document.scripts.length,
    });
    document.body.appendChild(out);
  });
})();
</script>"""


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def probe(page: Path, profile: Path) -> tuple[dict[str, Any], list[str]]:
    """Load `page` (via a probed copy beside it): the probe's findings and console lines."""
    html = page.read_text(encoding="utf-8")
    probed = page.with_name(f"{page.stem}.probe.html")
    probed.write_text(html.replace("<head>", "<head>\n" + PROBE, 1), encoding="utf-8")
    try:
        done = chromium("--virtual-time-budget=5000", "--dump-dom", probed.as_uri(),
                        profile=profile)
    finally:
        probed.unlink()
    found = re.search(r'<pre id="nn-probe">(.*?)</pre>', done.stdout, re.S)
    assert found, f"the probe did not report for {page}:\n{done.stderr[-2000:]}"
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    text = found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
    return json.loads(text.replace("&amp;", "&")), console


def screenshot(page: Path, out: Path, profile: Path, size: str = "1100,1600") -> None:
    done = chromium(f"--window-size={size}", f"--screenshot={out}", page.as_uri(),
                    profile=profile)
    assert out.is_file(), done.stderr[-2000:]
    import matplotlib.image

    pixels = matplotlib.image.imread(out)
    assert pixels.shape[:2] == tuple(int(v) for v in reversed(size.split(",")))
    assert pixels.std() > 0.05, "the screenshot is blank"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    report.write_reports(MemoryGradebook(), folder, now=BEFORE_DUE, infos=INFOS)
    return folder


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("chromium-profile")


@pytest.mark.parametrize(
    ("page", "images", "title"),
    [
        ("index.html", 0, "Grading reports"),
        ("backprop/summary.html", 2, "Losses, softmax and backpropagation: class summary"),
        ("backprop/bob.html", 0, "Losses, softmax and backpropagation: feedback for bob"),
        ("backprop/carol.html", 0, "Losses, softmax and backpropagation: feedback for carol"),
        ("perceptron/summary.html", 2, "Perceptron learning and convergence: class summary"),
    ],
)
def test_page_loads_cleanly(reports, profile, page, images, title):
    path = reports / page
    html = path.read_text(encoding="utf-8")
    assert not re.search(r'(?:src|href)="(?:https?:)?//', html), "a page must not need the network"
    found, console = probe(path, profile)
    assert console == []
    assert found["failures"] == [] and found["broken"] == []
    assert found["images"] == images
    assert found["title"] == title
    assert found["scripts"] == 1  # only the probe: the student's "<script>" stayed text


def test_screenshots(reports, profile, tmp_path):
    for page in ("backprop/summary.html", "backprop/alice.html", "index.html"):
        screenshot(reports / page, tmp_path / (page.replace("/", "-") + ".png"), profile)


def test_probe_catches_broken_pages(tmp_path, profile):
    """The checks above can fail: a missing image and a throwing script are reported."""
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html><head><title>b</title></head><body>'
                    '<img src="missing.png" alt="gone"><script>undefinedName();</script>'
                    "</body></html>", encoding="utf-8")
    found, console = probe(page, profile)
    assert found["broken"] == ["gone"]
    assert any("missing.png" in f for f in found["failures"])
    assert any("undefinedName" in line for line in console)
