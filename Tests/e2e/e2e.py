#!/usr/bin/env python3
"""End-to-end test of the web application in a real browser (headless Debian chromium).

The story of issue 5: HR signs in, enters two questionnaires (one in English) and one "asked,
declined"; a respondent withdraws the first response with its receipt code; the integration office
requests a baseline; the statistics unit releases it with the keystore passphrase (a wrong one
first: nothing is released); the integration office reads the report with its chart and downloads
CSV and JSON; the data protection officer opens the audit, verifies the log and runs a purge dry
run; the admin checks the policy files and the questionnaires. Then issue 14: HR issues an
invitation and prints the letter, the respondent answers on a phone-sized window and withdraws with
the receipt, a used code is refused (in Arabic too, right to left, from the test translation), and
HR sees counts only; a kiosk HR opens shows only the
survey, where a second new hire declines. Every page is saved as a screenshot
in artifacts/e2e/ and checked with axe-core (every default rule, WCAG 2.1 A/AA and best practice):
each page's result is kept beside its screenshot (NN-name.axe.json, summary in accessibility.txt),
and any violation on any page fails the run. The server runs `vielfalt serve` on a free loopback port against a fresh demo
store and is stopped in every case. The last line says `N passed, M failed`.

Needs: chromium, chromium-driver, python3-selenium (Debian packages), axe-selenium-python (PyPI,
pinned in the Makefile, installed by `make e2e-deps` into .build-venv-e2e, a virtual environment
that sees the Debian selenium: run this file with .build-venv-e2e/bin/python) and a built `vielfalt`
binary (VIELFALT_BIN, default .build/debug/vielfalt). Exit code 0 when every check passes.
"""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

try:
    from axe_selenium_python import Axe
except ImportError:  # said before anything starts, not as a stack trace halfway through
    print("e2e: axe-selenium-python is missing: run `make e2e-deps` and then "
          ".build-venv-e2e/bin/python Tests/e2e/e2e.py (or `make e2e`)", file=sys.stderr)
    print("0 passed, 1 failed")
    sys.exit(2)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("VIELFALT_BIN", os.path.join(ROOT, ".build", "debug", "vielfalt"))
FORMS = os.path.join(ROOT, "forms")
# The Arabic test translation (a fixture, not shipped): the server gets a copy of the forms with it.
ARABIC = os.path.join(ROOT, "Tests", "translations", "migration-background.ar.yaml")
POLICY = os.path.join(ROOT, "policy")
REPORTS = os.path.join(ROOT, "reports")
DEMO_PASSPHRASE = "vielfalt-demo"
ARTIFACTS = os.environ.get("E2E_ARTIFACTS", os.path.join(ROOT, "artifacts", "e2e"))
CODE = re.compile(r"^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$")
INVITATION = re.compile(r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url, server, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the server exited early with code %s" % server.returncode)
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("the server did not answer within %d s" % seconds)


class Run:
    def __init__(self, driver, base):
        self.driver = driver
        self.base = base
        self.shot = 0
        self.checks = 0
        self.passed = 0
        self.audited = []  # (file name, page URL, violations) of every page axe checked

    def accessibility(self, name):
        """Runs axe-core on the page as it is and keeps the result beside the screenshot. Every
        default rule runs (none is switched off): the bar is zero violations on every page."""
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run()
        violations = [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                       "nodes": [{"target": n["target"], "summary": n.get("failureSummary", "")}
                                 for n in v["nodes"]]}
                      for v in results["violations"]]
        file = "%02d-%s.axe.json" % (self.shot, name)
        with open(os.path.join(ARTIFACTS, file), "w") as out:
            json.dump({"url": self.driver.current_url, "axe": self.driver.execute_script("return axe.version"),
                       "passes": len(results["passes"]), "incomplete": len(results["incomplete"]),
                       "violations": violations}, out, indent=2)
        self.audited.append((file, self.driver.current_url, violations))

    def open(self, path):
        self.driver.get(self.base + path)

    def screenshot(self, name):
        self.shot += 1
        self.accessibility(name)
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(1280, max(900, min(height + 40, 6000)))
        path = os.path.join(ARTIFACTS, "%02d-%s.png" % (self.shot, name))
        self.driver.save_screenshot(path)
        self.driver.set_window_size(1280, 900)

    def expect(self, condition, message):
        self.checks += 1
        if not condition:
            raise AssertionError(message + " (at " + self.driver.current_url + ")")
        self.passed += 1

    def submit(self, selector):
        """Clicks a submit button and waits until the next page has replaced this one."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.find_element(By.CSS_SELECTOR, selector).click()

        def replaced(_):
            # Chromium reports a node of the old document either as stale or, mid-navigation, as an
            # "unknown error: Node with given id does not belong to the document": both mean gone.
            try:
                old.is_enabled()
                return False
            except WebDriverException:
                return True

        WebDriverWait(self.driver, 15).until(replaced)
        WebDriverWait(self.driver, 15).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def fill_context(self, unit, hired, career, employment):
        Select(self.driver.find_element(By.ID, "ctx-unit")).select_by_value(unit)
        field = self.driver.find_element(By.ID, "ctx-hired")
        field.clear()
        field.send_keys(hired)
        Select(self.driver.find_element(By.ID, "ctx-career_group")).select_by_value(career)
        Select(self.driver.find_element(By.ID, "ctx-employment")).select_by_value(employment)

    def answer(self, item, code):
        self.driver.find_element(By.ID, "item-%s-%s" % (item, code)).click()

    def login(self, name):
        self.open("/login")
        self.driver.find_element(By.ID, "name").send_keys(name)
        self.driver.find_element(By.ID, "password").send_keys("demo-%s-passwort" % name)
        self.submit("main form button[type=submit]")
        self.expect("Angemeldet als" in self.text() or "Signed in as" in self.text(), "signed in as " + name)

    def logout(self):
        self.submit("header form button")
        self.expect("Sie sind abgemeldet." in self.text() or "You are signed out." in self.text(), "signed out")

    def fetch(self, path):
        """GETs a path with the browser's cookies outside the browser (for downloads)."""
        cookies = "; ".join("%s=%s" % (c["name"], c["value"]) for c in self.driver.get_cookies())
        request = urllib.request.Request(self.base + path, headers={"Cookie": cookies})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()

    def receipt_code(self):
        codes = {e.text.strip() for e in self.driver.find_elements(By.CSS_SELECTOR, ".receipt .code")}
        self.expect(len(codes) == 1, "one receipt code on the receipt page")
        code = codes.pop()
        self.expect(CODE.match(code) is not None, "receipt code format")
        self.expect("receipt" in self.driver.current_url and code not in self.driver.current_url, "code not in the URL")
        return code


def scenario(run):
    driver = run.driver
    run.open("/")
    run.expect("Willkommen" in run.text(), "German home page")
    run.screenshot("home")

    run.open("/login")
    run.screenshot("login")
    driver.find_element(By.ID, "name").send_keys("hr")
    driver.find_element(By.ID, "password").send_keys("demo-hr-passwort")
    run.submit("main form button[type=submit]")
    run.expect("Angemeldet als" in run.text(), "signed in as hr")
    run.screenshot("home-hr")

    # First response, German.
    run.open("/entry")
    run.open("/entry/migration-background")
    run.expect(driver.find_element(By.ID, "consent") is not None, "consent checkbox")
    run.screenshot("entry-form")
    run.fill_context("51", "2025-03", "gehoben", "regular")
    driver.find_element(By.ID, "consent").click()
    run.answer("born_in_germany", "no")
    run.answer("citizenship", "not_german")
    run.answer("parent_a_german_by_birth", "no")
    run.submit("button.primary")
    first_code = run.receipt_code()
    run.expect("So widerrufen Sie" in run.text() and "How to withdraw" in run.text(), "receipt in both languages")
    run.screenshot("receipt-1")
    driver.refresh()
    run.expect(first_code not in driver.page_source, "the receipt code is shown only once")
    run.screenshot("receipt-1-again")

    # Bad input: no consent, the form comes back with the error tied to the field.
    run.open("/entry/migration-background")
    run.fill_context("51", "2025-03", "gehoben", "regular")
    run.submit("button.primary")
    run.expect("Ohne Einwilligung" in run.text(), "consent error shown")
    run.expect(driver.find_element(By.ID, "consent").get_attribute("aria-invalid") == "true", "consent marked invalid")
    run.screenshot("entry-error")

    # Second response, English.
    run.open("/entry/migration-background?lang=en")
    run.expect("Were you born in present-day Germany?" in run.text(), "English questionnaire")
    run.fill_context("37", "2025-06", "mittel", "trainee")
    driver.find_element(By.ID, "consent").click()
    run.answer("born_in_germany", "yes")
    run.answer("citizenship", "german_by_birth")
    run.screenshot("entry-form-en")
    run.submit("button.primary")
    second_code = run.receipt_code()
    run.expect(second_code != first_code, "two different receipt codes")
    run.screenshot("receipt-2")

    # Asked, declined: one click with the context.
    run.open("/entry/migration-background?lang=de")
    run.fill_context("50", "2025-07", "einfach", "regular")
    run.submit("button.secondary")
    run.expect("Die Ablehnung wurde gespeichert." in run.text(), "decline recorded")
    run.screenshot("declined")

    run.submit("header form button")
    run.expect("Sie sind abgemeldet." in run.text(), "signed out")
    run.screenshot("signed-out")

    # The respondent withdraws the first response, without a login.
    run.open("/withdraw")
    run.screenshot("withdraw")
    driver.find_element(By.ID, "code").send_keys(first_code.lower().replace("-", " "))
    run.submit("main form button[type=submit]")
    run.expect("Ihr Widerruf wurde bearbeitet." in run.text(), "withdrawal processed")
    run.screenshot("withdrawn")

    # An unknown code gets the very same message.
    run.open("/withdraw")
    driver.find_element(By.ID, "code").send_keys("00000-00000-00000-00000")
    run.submit("main form button[type=submit]")
    run.expect("Ihr Widerruf wurde bearbeitet." in run.text(), "same message for an unknown code")
    run.screenshot("withdrawn-unknown")

    # The integration office requests a baseline of 2025 by org unit.
    run.login("integration")
    run.open("/reports")
    run.expect("Noch keine Anfragen." in run.text(), "no requests yet")
    run.screenshot("reports-empty")
    driver.find_element(By.ID, "kind-baseline").click()
    Select(driver.find_element(By.ID, "indicator")).select_by_value("migration_background")
    Select(driver.find_element(By.ID, "by1")).select_by_value("unit")
    driver.find_element(By.ID, "years").send_keys("2025")
    run.submit("main form button[type=submit]")
    run.expect("Die Anfrage wurde an die Statistikstelle übermittelt." in run.text(), "request sent")
    run.expect("angefragt" in run.text(), "status requested")
    run.expect(len(driver.find_elements(By.CSS_SELECTOR, "main td.n")) == 0 and len(driver.find_elements(By.TAG_NAME, "svg")) == 0,
               "no figures before the release")
    run.screenshot("reports-requested")
    run.logout()

    # The statistics unit: queue, a wrong passphrase (nothing released), then the release.
    run.login("statistics")
    run.open("/statistics/requests")
    run.screenshot("statistics-queue")
    run.submit("main table a")
    run.expect(driver.find_element(By.ID, "passphrase").get_attribute("type") == "password", "passphrase is a password field")
    run.screenshot("statistics-request")
    driver.find_element(By.ID, "passphrase").send_keys("not-the-passphrase")
    run.submit("main form button[type=submit]")
    run.expect("Falsche Passphrase" in run.text(), "wrong passphrase named")
    run.expect(driver.find_element(By.ID, "passphrase").get_attribute("aria-invalid") == "true", "passphrase marked invalid")
    run.expect("not-the-passphrase" not in driver.page_source, "the passphrase is not echoed")
    run.screenshot("statistics-wrong-passphrase")
    run.open("/statistics/releases")
    run.expect("Noch keine Veröffentlichungen." in run.text(), "nothing released after the wrong passphrase")
    run.open("/statistics/requests")
    run.submit("main table a")
    driver.find_element(By.ID, "passphrase").send_keys(DEMO_PASSPHRASE)
    run.submit("main form button[type=submit]")
    run.expect("Der Bericht wurde veröffentlicht." in run.text(), "report released")
    run.screenshot("statistics-released")
    run.open("/statistics/releases")
    rows = driver.find_elements(By.CSS_SELECTOR, "main tbody tr")
    run.expect(len(rows) == 1, "one release in the ledger")
    run.screenshot("statistics-ledger")
    run.logout()

    # The integration office reads the report with its chart and downloads it.
    run.login("integration")
    run.open("/reports")
    run.expect("veröffentlicht" in run.text(), "status released")
    run.submit("main table a")
    run.expect(len(driver.find_elements(By.CSS_SELECTOR, "article.report svg rect")) > 0, "bar chart shown")
    run.expect("Ist-Wert" in run.text(), "baseline title")
    run.expect([c.text for c in driver.find_elements(By.CSS_SELECTOR, "article.report table.participation tbody th[scope=row]")] == ["2025"],
               "the participation line of 2025 shown")
    run.screenshot("report")
    report_path = driver.current_url[len(run.base):]
    status, headers, body = run.fetch(report_path + "/csv?locale=de")
    run.expect(status == 200 and headers.get("Content-Type") == "text/csv; charset=utf-8", "German CSV content type")
    run.expect(headers.get("Content-Disposition", "").startswith("attachment;"), "CSV is an attachment")
    run.expect(body.startswith(b"\xef\xbb\xbf"), "German CSV has a byte-order mark")
    status, headers, body = run.fetch(report_path + "/csv?locale=en")
    run.expect(status == 200 and headers.get("Content-Type") == "text/csv; charset=utf-8", "English CSV content type")
    status, headers, body = run.fetch(report_path + "/json")
    run.expect(status == 200 and headers.get("Content-Type") == "application/json; charset=utf-8", "JSON content type")
    released = json.loads(body)
    run.expect(released.get("periods") == [2025], "the baseline of 2025")
    run.expect(all(c["count"] is None or c["count"] == 0 or c["count"] >= released["policy"]["min_cell"] for c in released["cells"]),
               "aggregates only")
    run.expect([(p["period"], p["not_answered"]) for p in released.get("participation", [])] == [(2025, 0)],
               "the participation line in the JSON: no invitation of 2025 expired")
    run.open(report_path + "?lang=en")
    run.expect("Baseline" in run.text(), "English report")
    run.screenshot("report-en")
    run.open("/reports?lang=de")

    # A second request, a trend by career group, which the statistics unit refuses with a reason.
    driver.find_element(By.ID, "kind-trend").click()
    Select(driver.find_element(By.ID, "by1")).select_by_value("career_group")
    run.submit("main form button[type=submit]")
    run.expect("Die Anfrage wurde an die Statistikstelle übermittelt." in run.text(), "second request sent")
    run.logout()
    run.login("statistics")
    run.open("/statistics/requests")
    run.submit("main table a")
    run.submit("form[action$='/refuse'] button")
    run.expect(driver.find_element(By.ID, "reason").get_attribute("aria-invalid") == "true", "an empty reason is marked invalid")
    driver.find_element(By.ID, "reason").send_keys("Entwicklung erst nach dem Einstellungsjahr 2026.")
    run.submit("form[action$='/refuse'] button")
    run.expect("Die Veröffentlichung wurde abgelehnt" in run.text(), "request refused by hand")
    run.screenshot("statistics-refused")
    run.logout()
    run.login("integration")
    run.open("/reports")
    run.expect("Entwicklung erst nach dem Einstellungsjahr 2026." in run.text(), "integration sees the reason")
    run.screenshot("reports-refused")
    run.logout()

    # The data protection officer: audit, log verification, purge dry run.
    run.login("dpo")
    run.open("/audit")
    run.expect("Datenschutz-Prüfbericht" in run.text(), "audit report")
    run.screenshot("audit")
    run.submit("form[action='/audit/log/verify'] button")
    run.expect("Das Protokoll ist unversehrt" in run.text(), "audit log intact")
    run.screenshot("audit-log-verified")
    anchor = driver.find_element(By.CSS_SELECTOR, "code.hash").text
    run.expect(":" in anchor and len(anchor.split(":")[1]) == 64, "the anchor to keep is shown as SEQ:HASH")
    run.open("/audit")
    driver.find_element(By.ID, "anchors").send_keys(anchor)
    run.submit("form[action='/audit/log/verify'] button")
    run.expect("Die angegebenen Anker sind in der Kette enthalten." in run.text(), "a kept anchor is found")
    run.screenshot("audit-anchor-verified")
    run.open("/audit")
    run.submit("form[action='/audit/purge/plan'] button")
    run.expect("Probelauf des Löschlaufs" in run.text(), "purge dry run")
    run.screenshot("audit-purge-plan")
    run.logout()

    # The admin: policy check and questionnaires.
    run.login("admin")
    run.open("/admin/policy")
    run.expect("Alle Richtlinien-Dateien sind gültig." in run.text(), "policy files valid")
    run.screenshot("admin-policy")
    run.open("/admin/forms")
    run.expect("migration-background" in run.text(), "questionnaire listed")
    run.screenshot("admin-forms")


def phone_screenshot(run, name):
    """A screenshot at a phone's width (390 CSS pixels), the whole page long."""
    run.shot += 1
    run.accessibility(name)
    height = run.driver.execute_script("return document.documentElement.scrollHeight")
    run.driver.set_window_size(390, max(844, min(height + 40, 6000)))
    run.driver.save_screenshot(os.path.join(ARTIFACTS, "%02d-%s.png" % (run.shot, name)))
    run.driver.set_window_size(390, 844)


def invitations(run):
    """Issue 14: HR issues an invitation and prints the letter; the respondent answers on a
    phone-sized window, gets the receipt and withdraws with it; the code is used up; HR sees counts."""
    driver = run.driver
    run.login("hr")
    run.open("/entry/migration-background")
    run.expect("sehen Sie die Antworten der Person" in run.text(), "the entry page says the clerk sees the answers")
    run.open("/invitations")
    run.screenshot("invitations")
    run.fill_context("51", "2026-10", "gehoben", "regular")
    run.submit("form[action='/invitations'] button[type=submit]")
    code = driver.find_element(By.CSS_SELECTOR, "code.code").text.strip()
    run.expect(INVITATION.match(code) is not None, "the letter carries the invitation code")
    run.expect(len(driver.find_elements(By.CSS_SELECTOR, "article.letter svg")) == 1, "the letter has a QR code")
    run.expect("Die Teilnahme ist freiwillig" in run.text() and "Taking part is voluntary" in run.text(), "letter in both languages")
    run.screenshot("invitation-letter")
    run.open("/")
    run.logout()

    driver.set_window_size(390, 844)
    run.open("/survey")
    phone_screenshot(run, "survey")
    driver.find_element(By.ID, "code").send_keys(code.lower().replace("-", " "))
    run.submit("main form button[type=submit]")
    run.expect(len(driver.find_elements(By.ID, "consent-text")) == 1, "the consent text is shown")
    run.expect(driver.find_element(By.ID, "item-born_in_germany-no_answer").is_selected(), "keine Angabe is preselected")
    phone_screenshot(run, "survey-questionnaire")
    run.answer("born_in_germany", "no")
    driver.find_element(By.ID, "consent").click()
    run.submit("button.primary")
    receipt = driver.find_element(By.CSS_SELECTOR, "main p.code").text.strip()
    run.expect(CODE.match(receipt) is not None, "the respondent sees the receipt code")
    run.expect(code not in driver.current_url and receipt not in driver.current_url, "no code in the URL")
    phone_screenshot(run, "survey-receipt")

    run.open("/survey")
    driver.find_element(By.ID, "code").send_keys(code)
    run.submit("main form button[type=submit]")
    run.expect("Dieser Code gilt nicht" in run.text(), "a used code is refused like an unknown one")
    phone_screenshot(run, "survey-used-code")

    # A further language from a translation file: Arabic, right to left, its error message too.
    run.open("/survey?lang=ar")
    html = driver.find_element(By.TAG_NAME, "html")
    run.expect(html.get_attribute("lang") == "ar" and html.get_attribute("dir") == "rtl", "the Arabic survey is right to left")
    run.expect("استبيان التنوع" in run.text(), "the Arabic survey title")
    phone_screenshot(run, "survey-ar")
    driver.find_element(By.ID, "code").send_keys(code)
    run.submit("main form button[type=submit]")
    run.expect("هذا الرمز غير صالح" in run.text() and driver.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl",
               "a used code is refused in Arabic")
    phone_screenshot(run, "survey-ar-used-code")

    run.open("/withdraw")
    driver.find_element(By.ID, "code").send_keys(receipt)
    run.submit("main form button[type=submit]")
    run.expect("Ihr Widerruf wurde bearbeitet." in run.text(), "the respondent withdraws with the receipt")
    driver.set_window_size(1280, 900)

    run.login("hr")
    run.open("/invitations")
    run.expect(receipt not in driver.page_source and code not in driver.page_source, "HR sees no code and no receipt")
    cells = [c.text for c in driver.find_elements(By.CSS_SELECTOR, "main tbody tr td")]
    run.expect(cells == ["1", "0", "1", "0"], "HR sees counts only: 1 issued, 0 open, 1 answered, 0 expired")
    run.screenshot("invitations-counts")

    # A second new hire answers at a kiosk that HR opens, and declines there.
    run.fill_context("32", "2026-11", "mittel", "trainee")
    run.submit("form[action='/invitations'] button[type=submit]")
    second = driver.find_element(By.CSS_SELECTOR, "code.code").text.strip()
    run.open("/invitations")
    run.submit("form[action='/invitations/kiosk'] button")
    run.expect(driver.current_url.endswith("/survey") and len(driver.find_elements(By.TAG_NAME, "nav")) == 0, "the kiosk shows only the survey")
    run.open("/reports")
    run.expect(driver.current_url.endswith("/survey"), "other pages lead back to the survey on a kiosk")
    run.screenshot("kiosk-survey")
    driver.find_element(By.ID, "code").send_keys(second)
    run.submit("main form button[type=submit]")
    run.submit("button.secondary")
    run.expect("Sie haben die Teilnahme abgelehnt" in run.text(), "declined inside the questionnaire")
    run.screenshot("kiosk-declined")
    run.login("hr")
    run.open("/invitations")
    cells = [c.text for c in driver.find_elements(By.CSS_SELECTOR, "main tbody tr td")]
    run.expect(cells == ["2", "0", "2", "0"], "signing in ends the kiosk; HR sees 2 issued, 2 answered or declined")
    run.logout()


def paper(run):
    """Issue 14, paper: the statistics unit prints questionnaires (a receipt code each), HR issues the
    invitation, the statistics unit enters the returned form and is told to destroy it; the stub's
    code withdraws; a used code gets the survey's answer."""
    driver = run.driver
    run.login("statistics")
    run.open("/statistics/paper")
    run.screenshot("paper")
    count = driver.find_element(By.ID, "count")
    count.clear()
    count.send_keys("2")
    run.submit("form[action='/statistics/paper'] button[type=submit]")
    stubs = [e.text.strip() for e in driver.find_elements(By.CSS_SELECTOR, "article.paper .stub .code")]
    run.expect(len(stubs) == 2 and len(set(stubs)) == 2 and all(CODE.match(c) for c in stubs), "two questionnaires, a receipt code each")
    run.expect("Nicht teilnehmen" in run.text() and "I do not wish to take part" in run.text(), "the decline box in both languages")
    run.screenshot("paper-questionnaires")
    receipt = stubs[0]
    run.open("/")
    run.logout()
    run.login("hr")
    run.open("/invitations")
    run.fill_context("51", "2026-10", "gehoben", "regular")
    run.submit("form[action='/invitations'] button[type=submit]")
    code = driver.find_element(By.CSS_SELECTOR, "code.code").text.strip()
    run.open("/")
    run.logout()

    run.login("statistics")
    run.open("/statistics/paper/entry")
    run.expect("Vernichten Sie den Papierbogen jetzt" in run.text() and "Destroy the paper form now" in run.text(),
               "the entry page says to destroy the paper, in German and English")
    run.screenshot("paper-entry")
    driver.find_element(By.ID, "code").send_keys(code.lower())
    driver.find_element(By.ID, "receipt").send_keys(receipt)
    driver.find_element(By.ID, "consent").click()
    run.answer("born_in_germany", "no")
    run.submit("button.primary")
    run.expect("Gespeichert, unter dem gedruckten Quittungscode." in run.text(), "the paper form is stored")
    run.expect(receipt not in driver.page_source and code not in driver.page_source, "the page repeats no code")
    run.screenshot("paper-entered")
    driver.find_element(By.ID, "code").send_keys(code)
    run.submit("button.secondary")
    run.expect("Dieser Code gilt nicht" in run.text(), "a used code gets the survey's answer")
    run.screenshot("paper-entry-used-code")
    run.logout()

    run.open("/withdraw")
    driver.find_element(By.ID, "code").send_keys(receipt)
    run.submit("main form button[type=submit]")
    run.expect("Ihr Widerruf wurde bearbeitet." in run.text(), "the stub's receipt code withdraws the paper answers")


def monitoring(run):
    """Issue 11: the statistics unit releases the monitoring; the integration office lands on its
    dashboard (a chart and a table per goal, status in words and symbol) and opens the printable
    report for the council."""
    driver = run.driver
    run.login("integration")
    run.expect(driver.current_url.endswith("/monitoring"), "the integration office starts on the monitoring")
    run.expect("Noch kein Monitoring veröffentlicht." in run.text(), "no monitoring before its release")
    run.screenshot("monitoring-empty")
    run.logout()
    run.login("statistics")
    run.open("/statistics/monitoring")
    run.screenshot("statistics-monitoring")
    driver.find_element(By.ID, "passphrase").send_keys(DEMO_PASSPHRASE)
    run.submit("main form button[type=submit]")
    run.expect("Das Monitoring ist veröffentlicht." in run.text(), "monitoring released")
    run.logout()
    run.login("integration")
    run.expect(driver.current_url.endswith("/monitoring"), "the dashboard after sign-in")
    panels = driver.find_elements(By.CSS_SELECTOR, "section.goal")
    run.expect(len(panels) == 2, "one panel per goal")
    run.expect(len(driver.find_elements(By.CSS_SELECTOR, "section.goal svg.goal-chart")) >= 1, "a chart per goal with figures")
    run.expect(len(driver.find_elements(By.CSS_SELECTOR, "section.goal table.series")) >= 2, "a table beside every chart")
    statuses = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "section.goal p.status")]
    run.expect(all("Status:" in s for s in statuses), "status in words: %s" % statuses)
    run.screenshot("monitoring-dashboard")
    driver.find_element(By.CSS_SELECTOR, "section.goal p.meta a").click()
    run.expect("Zugrunde liegende Veröffentlichung" in driver.title, "the underlying release opens")
    run.screenshot("monitoring-release")
    run.open("/monitoring/print")
    run.expect(len(driver.find_elements(By.TAG_NAME, "nav")) == 0, "no navigation on the printable report")
    run.expect("Datenstand" in run.text() and "Geheimhaltungsprüfung" in run.text(), "data status and disclosure note printed")
    run.screenshot("monitoring-print")
    status, headers, body = run.fetch("/monitoring/csv?locale=de")
    run.expect(status == 200 and body.startswith("\ufeffgoal;series;year".encode()), "German CSV of the monitoring")
    run.open("/monitoring?lang=en")
    run.expect("Monitoring: diversity-oriented personnel development" in run.text(), "the dashboard in English")
    run.screenshot("monitoring-dashboard-en")
    run.logout()


def write_accessibility_summary(audited):
    """One line per page checked, then each violation with the elements it names."""
    with open(os.path.join(ARTIFACTS, "accessibility.txt"), "w") as out:
        out.write("axe-core: %d pages checked, %d with violations\n" %
                  (len(audited), sum(1 for _, _, v in audited if v)))
        for file, url, violations in audited:
            out.write("%s  %s  %s\n" % ("ok  " if not violations else "FAIL", file, url))
            for v in violations:
                out.write("    %s (%s): %s\n" % (v["id"], v["impact"], v["help"]))
                for node in v["nodes"]:
                    out.write("      %s  %s\n" % (" ".join(map(str, node["target"])),
                                                   node["summary"].replace("\n", " ")))


def main():
    if not os.access(BINARY, os.X_OK):
        print("e2e: no vielfalt binary at %s (set VIELFALT_BIN)" % BINARY, file=sys.stderr)
        print("0 passed, 1 failed")
        return 2
    os.makedirs(ARTIFACTS, exist_ok=True)
    for name in os.listdir(ARTIFACTS):  # screenshots of an earlier run would mislead
        if name.endswith(".png") or name.endswith(".axe.json") or name == "accessibility.txt":
            os.remove(os.path.join(ARTIFACTS, name))
    work = tempfile.mkdtemp(prefix="vielfalt-e2e-")
    data = os.path.join(work, "data")
    forms = os.path.join(work, "forms")
    shutil.copytree(FORMS, forms)
    os.makedirs(os.path.join(forms, "translations"))
    shutil.copy(ARABIC, os.path.join(forms, "translations"))
    server = None
    driver = None
    run = None
    failed = 0
    try:
        subprocess.run([BINARY, "demo", "--data", data, "--forms", FORMS, "--hires", "2400", "--no-monitoring"], check=True,
                       stdout=subprocess.DEVNULL)
        port = free_port()
        log = open(os.path.join(ARTIFACTS, "server.log"), "w")  # closed with the process
        server = subprocess.Popen([BINARY, "serve", "--data", data, "--forms", forms, "--policy", POLICY,
                                   "--reports", REPORTS, "--host", "127.0.0.1", "--port", str(port)],
                                  stdout=log, stderr=subprocess.STDOUT)
        base = "http://127.0.0.1:%d" % port
        wait_until_up(base + "/", server)

        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--window-size=1280,900", "--lang=de-DE"]:
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
        driver.implicitly_wait(5)
        run = Run(driver, base)
        scenario(run)
        invitations(run)
        paper(run)
        monitoring(run)
        print("e2e: %d screenshots in %s" % (run.shot, ARTIFACTS))
        for file, url, violations in run.audited:
            run.checks += 1
            if not violations:
                run.passed += 1
        failing = [file for file, _, violations in run.audited if violations]
        if failing:
            raise AssertionError("axe found accessibility violations on %d of %d pages: %s (see accessibility.txt)"
                                 % (len(failing), len(run.audited), ", ".join(failing)))
    except Exception as error:  # an assertion, a browser error, a server that did not start
        failed = 1
        print("e2e: FAILED: %s: %s" % (type(error).__name__, error), file=sys.stderr)
        if driver is not None:
            try:
                driver.save_screenshot(os.path.join(ARTIFACTS, "failure.png"))
            except Exception:
                pass
    finally:
        if run is not None:
            write_accessibility_summary(run.audited)
        if driver is not None:
            try:
                driver.quit()
            except Exception:
                pass
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)
    print("%d passed, %d failed" % (run.passed if run is not None else 0, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
