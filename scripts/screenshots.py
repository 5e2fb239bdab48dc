"""Screenshots of the main pages at a phone's and a desktop's width, for the README.

    python scripts/screenshots.py BASE_URL OUT_DIR [PATH ...]

Drives Debian's Chromium (/usr/bin/chromium) through Playwright; nothing is downloaded. `make
screenshots` serves the bundled sample data and runs this. Each page is captured at 390 and 1280 px
wide, the first screen and a little more (a full page of a long meeting would be megabytes), as
small PNGs: docs/screenshots/<name>-390.png and -1280.png.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

PAGES = {
    "home": "/",
    "meeting": "/meetings/2023-03-14-meeting-of-council-on-civic-affairs/",
    "remark": "/meetings/2023-03-14-meeting-of-council-on-civic-affairs/helena-marsh-1/",
    "speakers": "/speakers/",
    "speaker": "/speakers/helena-marsh/",
    "search": "/search/?q=library",
    "topics": "/topics/",
    "about": "/about/",
}
WIDTHS = {390: 844, 1280: 900}  # width: height of the captured screen


def main(base: str, out: Path, only: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    out.mkdir(parents=True, exist_ok=True)
    pages = {k: v for k, v in PAGES.items() if not only or k in only}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for width, height in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, path in pages.items():
                response = page.goto(base.rstrip("/") + path)
                if response is None or response.status != 200:
                    raise SystemExit(f"{path}: {response.status if response else 'no response'}")
                page.wait_for_load_state("networkidle")
                target = out / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=False)
                print(f"{target} ({target.stat().st_size // 1024} KB)")
            page.close()
        browser.close()


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    main(sys.argv[1], Path(sys.argv[2]), sys.argv[3:])
