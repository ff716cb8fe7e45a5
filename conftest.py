import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


# --- Browser tests: a real headless Chromium driven by Playwright (sync API) -----------------

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run in
# a thread with a running loop unless told it is safe (the test thread never awaits anything).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-gpu",
]


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session. Missing Chromium is a failure, not a skip."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium package to run browser tests"
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser, live_server):
    """Open a page in a fresh browser context (own cookies, own session).

    Console errors and uncaught script errors are collected on `page.console_errors`; no test
    may end with one that reports a Content-Security-Policy block.
    """
    contexts = []

    def open_page():
        context = browser.new_context(base_url=live_server.url, locale="en-GB")
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.console_errors = []
        page.on(
            "console",
            lambda message: message.type == "error" and page.console_errors.append(message.text),
        )
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        return page

    yield open_page
    pages = [p for context in contexts for p in context.pages]
    for context in contexts:
        context.close()
    for p in pages:
        assert_no_csp_errors(p)


@pytest.fixture
def page(new_page):
    return new_page()


def assert_no_csp_errors(page) -> None:
    blocked = [e for e in page.console_errors if "Content Security Policy" in e]
    assert not blocked, "Blocked by the Content-Security-Policy:\n" + "\n".join(blocked)


@pytest.fixture
def axe():
    """`axe(page)`: run axe-core on the page as it is now and require zero violations."""
    from axe_playwright_python.sync_playwright import Axe

    runner = Axe()

    def check(page) -> None:
        page.wait_for_load_state("load")
        results = runner.run(page)
        violations = results.response["violations"]
        report = "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']}\n"
            + "\n".join(
                f"    {', '.join(map(str, n['target']))}: {n['html'][:160]}" for n in v["nodes"]
            )
            for v in violations
        )
        assert not violations, f"axe found {len(violations)} violation(s) on {page.url}:\n{report}"
        assert_no_csp_errors(page)

    return check


@pytest.fixture
def sign_in():
    """`sign_in(page, user)`: sign in through the real login form and land on the dashboard."""
    from playwright.sync_api import expect

    from accounts.tests.factories import TEST_PASSWORD

    def submit(page, user, password=TEST_PASSWORD) -> None:
        page.goto("/accounts/login/")
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")

    return submit
