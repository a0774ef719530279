"""End-to-end check of the built site in a real browser (Debian's chromium + chromium-driver).

    python3 Tests/Browser/site_e2e.py SITE_DIR ARTEFACT_DIR

Serves SITE_DIR over HTTP on a free local port, then:
  1. walks home -> a problem -> a pattern -> its kata by clicking links;
  2. searches for "jitter" from the keyboard ('/' then typing) and expects retry-with-backoff
     first, then opens it with Enter;
  3. runs axe-core (bundled by PyPI's axe-selenium-python-nhsuk) on every page, in the light and
     the dark colour scheme, and fails on any serious or critical violation;
  4. keeps desktop (1280 px) and phone (390 px) screenshots in ARTEFACT_DIR.
Exits non-zero with every failure listed.
"""
import functools
import http.server
import json
import os
import sys
import threading

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

SEVERE = {"serious", "critical"}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory):
    handler = functools.partial(QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d/" % server.server_address[1]


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(argument)
    return webdriver.Chrome(service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"), options=options)


def pages(site):
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                path = os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/")
                yield path[: -len("index.html")] if path.endswith("index.html") else path


def set_scheme(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


def set_width(driver, width, mobile):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 844 if mobile else 900, "deviceScaleFactor": 1, "mobile": mobile})


def walk_and_search(driver, base, failures, artefacts):
    wait = WebDriverWait(driver, 10)
    driver.get(base)
    driver.find_element(By.CSS_SELECTOR, ".problem-grid a.card-title").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".cards a.card-title")))
    if "/problems/" not in driver.current_url:
        failures.append("home -> problem: landed on %s" % driver.current_url)
    driver.get(base + "problems/handle-failures-gracefully/")
    links = [a for a in driver.find_elements(By.CSS_SELECTOR, ".cards a.card-title") if a.text == "Retry with backoff"]
    if not links:
        failures.append("problem page does not list Retry with backoff")
        return
    links[0].click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "article.pattern h1")))
    driver.save_screenshot(os.path.join(artefacts, "pattern-desktop.png"))
    driver.find_element(By.CSS_SELECTOR, ".kata-callout a").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "article.kata h1")))
    if "/katas/retry-with-backoff/" not in driver.current_url:
        failures.append("pattern -> kata: landed on %s" % driver.current_url)

    driver.get(base)
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    focused = driver.switch_to.active_element
    if focused.get_attribute("id") != "search-input":
        failures.append("'/' did not focus the search box")
    focused.send_keys("jitter")
    wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#search-results li")))
    first = driver.find_element(By.CSS_SELECTOR, "#search-results li a").get_attribute("href")
    driver.save_screenshot(os.path.join(artefacts, "search-desktop.png"))
    if not first.endswith("/patterns/retry-with-backoff/"):
        failures.append("search 'jitter': first result is %s, not retry-with-backoff" % first)
    focused.send_keys(Keys.ENTER)
    wait.until(EC.url_contains("/patterns/retry-with-backoff/"))


def screenshots(driver, base, artefacts):
    for width, mobile, label in ((1280, False, "desktop"), (390, True, "phone")):
        set_width(driver, width, mobile)
        for scheme in ("light", "dark"):
            set_scheme(driver, scheme)
            for name, path in (("home", ""), ("circuit-breaker", "patterns/circuit-breaker/"), ("compare", "compare/")):
                driver.get(base + path)
                driver.save_screenshot(os.path.join(artefacts, "%s-%s-%s.png" % (name, label, scheme)))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    set_scheme(driver, "light")


def audit(driver, base, site, failures):
    counts = {"pages": 0, "runs": 0, "serious_or_critical": 0, "other": 0}
    axe = Axe(driver)
    for path in sorted(pages(site)):
        counts["pages"] += 1
        driver.get(base + path)
        axe.inject()
        # One load, two schemes: the media emulation restyles the page in place. Asking for
        # violations only spares axe from recording every pass, which is most of its time.
        for scheme in ("light", "dark"):
            set_scheme(driver, scheme)
            result = axe.run(options="{resultTypes: ['violations']}")
            counts["runs"] += 1
        if counts["pages"] % 50 == 0:
            print("axe: %d pages checked" % counts["pages"], flush=True)
            for violation in result["violations"]:
                if violation["impact"] in SEVERE:
                    counts["serious_or_critical"] += len(violation["nodes"])
                    failures.append("axe %s on /%s (%s): %s, e.g. %s" % (
                        violation["id"], path, scheme, violation["help"], violation["nodes"][0]["target"]))
                    print("FAIL: " + failures[-1], flush=True)
                else:
                    counts["other"] += len(violation["nodes"])
    set_scheme(driver, "light")
    return counts


def main():
    site, artefacts = sys.argv[1], sys.argv[2]
    os.makedirs(artefacts, exist_ok=True)
    server, base = serve(site)
    driver = browser()
    failures = []
    try:
        walk_and_search(driver, base, failures, artefacts)
        screenshots(driver, base, artefacts)
        counts = audit(driver, base, site, failures)
    finally:
        driver.quit()
        server.shutdown()
    with open(os.path.join(artefacts, "axe-summary.json"), "w") as summary:
        json.dump(counts, summary, indent=2)
    print("browser: %(pages)d pages, %(runs)d axe runs (light and dark), "
          "%(serious_or_critical)d serious/critical, %(other)d minor/moderate nodes" % counts)
    for failure in failures:
        print("FAIL: " + failure)  # again at the end, with the walk's and the search's
    print("screenshots and axe-summary.json in " + artefacts)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
