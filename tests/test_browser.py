"""The seeds report in a real browser: headless Chromium driven through Selenium.

Needs Debian's `chromium` and `chromium-driver` (CI installs them, see .ci/run) and
`selenium` (the `test` extra); skipped when any is missing. Nothing is downloaded:
the driver path is given explicitly and Selenium Manager is kept offline. The
screenshots land in this test's pytest tmp folder (printed; `pytest -s` shows it).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleaner import load_pipeline
from cleaner.batch import clean_sources
from cleaner.cli import main
from cleaner.discovery import discover
from tests.conftest import SEEDS

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
)
FILTER_RULE = "boilerplate.share-suffix"
SEED_001 = "001_4a9b58a3b2d42a32.txt"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    binary = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        pytest.skip(
            "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)"
        )
    webdriver = pytest.importorskip(
        "selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')"
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SE_OFFLINE", "true")
        options = webdriver.ChromeOptions()
        options.binary_location = binary
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
        service = webdriver.chrome.service.Service(executable_path=driver_path)
        driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeds-report") / "html"
    assert main(["report", str(SEEDS), "--out", str(folder)]) in (0, 1)
    return folder


def shown_documents(driver: Any) -> list[str]:
    cells = driver.find_elements("css selector", "#doc-rows tr td:nth-child(2) a")
    return [cell.text for cell in cells]


def test_index_lists_every_document_and_rule_and_filters_by_rule(browser, report, tmp_path):
    browser.get((report / "index.html").as_uri())
    seeds = sorted(path.name for path in SEEDS.glob("*.txt"))
    assert shown_documents(browser) == seeds
    pipeline = load_pipeline()
    listed = {
        row.get_attribute("data-rule")
        for row in browser.find_elements("css selector", "#rules tr[data-rule]")
    }
    assert {rule.id for rule in pipeline.rules} <= listed
    with_rule = set()
    for outcome in clean_sources(discover([SEEDS]), pipeline):
        assert outcome.result is not None
        used = {c.rule for c in outcome.result.changes} | {f.rule for f in outcome.result.findings}
        if FILTER_RULE in used:
            with_rule.add(outcome.document.doc_id)
    assert 0 < len(with_rule) < len(seeds)
    select = browser.find_element("id", "f-rule")
    select.find_element("css selector", f'option[value="{FILTER_RULE}"]').click()
    assert set(shown_documents(browser)) == with_rule
    assert f"rule={FILTER_RULE}" in browser.current_url
    path = tmp_path / "seeds-index-filtered.png"
    browser.save_screenshot(str(path))
    print(f"screenshot: {path}")


def test_seed_001_page_strikes_orphus_sistemi_with_its_rule(browser, report, tmp_path):
    browser.get((report / "index.html").as_uri())
    browser.find_element("link text", SEED_001).click()
    assert browser.find_element("tag name", "h1").text == SEED_001
    struck = [
        element
        for element in browser.find_elements("css selector", "#text del")
        if "Orphus sistemi" in element.text
    ]
    assert len(struck) == 1
    element = struck[0]
    outcome = next(clean_sources(discover([SEEDS / SEED_001]), load_pipeline()))
    assert outcome.result is not None
    rule = next(c.rule for c in outcome.result.changes if "Orphus sistemi" in c.before)
    style = browser.execute_script(
        "return getComputedStyle(arguments[0]).textDecorationLine", element
    )
    assert "line-through" in style
    assert element.get_attribute("title").startswith(f"{rule}: ")
    label = browser.execute_script(
        "return getComputedStyle(arguments[0], '::before').content", element
    )
    assert rule in label
    assert element.is_displayed()
    browser.find_element("css selector", "label:has(#v-cleaned)").click()
    assert not element.is_displayed()  # the cleaned view hides what was removed
    browser.find_element("css selector", "label:has(#v-changes)").click()
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    path = tmp_path / "seed-001.png"
    browser.save_screenshot(str(path))
    print(f"screenshot: {path}")
    assert path.stat().st_size > 10_000
    browser.find_element("css selector", 'a[rel="next"]').click()
    assert browser.find_element("tag name", "h1").text.startswith("002_")
