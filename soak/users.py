"""A simulated user: signs in once, then until the deadline picks an action by its weight
(page views, answer saves through the page's autosave or the API, evidence uploads, report
downloads) and thinks between actions."""

from __future__ import annotations

import hashlib
import random
import time
import uuid

import requests

from soak.client import Client, csrf_token
from soak.instance import DEMO_PASSWORD, Account
from soak.ledger import FAILED, HANDLED, OK, AckedSave, AckedUpload, Call
from soak.values import value_for

# Weights of the actions (share of a user's requests), fixed before any run
MIX = {"page:overview": 15, "page:section": 25, "page:report": 10, "save:web": 15, "save:api": 15,
       "upload": 8, "download:pdf": 6, "download:xlsx": 6}
PAGE = {200: OK}
SAVE = {200: OK, 409: HANDLED}  # a conflict is answered with the current answer: handled
SIGNATURES = {"pdf": b"%PDF", "xlsx": b"PK"}


class Deadline:
    """When the users stop (a crash run may push it back, see ``scenario``)."""

    def __init__(self, at: float):
        self.at = at

    def left(self) -> float:
        return self.at - time.monotonic()


class SimulatedUser:
    """One person at a browser (session cookie, CSRF token) who also uses the API (token)."""

    def __init__(self, number: int, account: Account, client: Client, think: float):
        self.number, self.account, self.client, self.think = number, account, client, think
        self.rng = random.Random(number)
        self.revisions = dict(account.revisions)
        self.web, self.api = requests.Session(), requests.Session()
        self.api.headers["Authorization"] = f"Bearer {account.token}"
        self.csrf, self.count = "", 0

    def sign_in(self) -> None:
        """Sign in through the sign-in page and keep the CSRF token the section page carries."""
        login = self.web.get(f"{self.client.base}/login", timeout=30)
        form = {"email": self.account.email, "password": DEMO_PASSWORD, "csrf_token": csrf_token(login.text)}
        signed = self.web.post(f"{self.client.base}/login", data=form, allow_redirects=False, timeout=30)
        page = self.web.get(self.client.base + self._section_path(), allow_redirects=False, timeout=30)
        self.csrf = csrf_token(page.text)
        if signed.status_code != 302 or page.status_code != 200 or not self.csrf:
            raise RuntimeError(f"user {self.number} ({self.account.email}) could not sign in: "
                               f"{signed.status_code}, then {page.status_code}")

    def run(self, deadline: Deadline) -> None:
        """Act and think until the deadline."""
        actions, weights = list(MIX), list(MIX.values())
        while deadline.left() > 0:
            self.count += 1
            kind = self.rng.choices(actions, weights)[0]
            try:
                getattr(self, "_" + kind.replace(":", "_"))()
            except Exception as error:  # an answer the soak cannot read: a failure, never a crash
                now = time.monotonic()
                self.client.ledger.add(Call(kind, now, now, None, FAILED, f"unreadable response: {error!r}"))
            pause = self.think * self.rng.uniform(0.5, 1.5)
            time.sleep(max(0.0, min(pause, deadline.left())))

    # ---- pages and downloads

    def _section_path(self) -> str:
        return f"/assessments/{self.account.assessment}/areas/{self.rng.choice(self.account.areas)}"

    def _page_overview(self) -> None:
        self.client.call("page:overview", self.web, "GET", f"/assessments/{self.account.assessment}", PAGE)

    def _page_section(self) -> None:
        self.client.call("page:section", self.web, "GET", self._section_path(), PAGE)

    def _page_report(self) -> None:
        self.client.call("page:report", self.web, "GET", f"/assessments/{self.account.assessment}/report", PAGE)

    def _download(self, fmt: str) -> None:
        path = f"/assessments/{self.account.assessment}/report.{fmt}"
        self.client.call(f"download:{fmt}", self.web, "GET", path, PAGE,
                         valid=lambda response: response.content.startswith(SIGNATURES[fmt]))

    def _download_pdf(self) -> None:
        self._download("pdf")

    def _download_xlsx(self) -> None:
        self._download("xlsx")

    # ---- writes

    def _save_web(self) -> None:
        self._save("save:web", self.web, {"X-CSRFToken": self.csrf})

    def _save_api(self) -> None:
        self._save("save:api", self.api, {})

    def _save(self, kind: str, session: requests.Session, headers: dict) -> None:
        """Save a new value based on the revision last seen; a conflict teaches the current one."""
        question = self.rng.choice(self.account.questions)
        qid = question["id"]
        body = {"value": value_for(question, self.rng, f"u{self.number}-{self.count}"),
                "base_revision": self.revisions[qid]}
        path = f"/api/v1/assessments/{self.account.assessment}/answers/{qid}"
        outcome, response = self.client.call(kind, session, "PUT", path, SAVE, json=body, headers=headers)
        if outcome == OK:
            saved = response.json()
            self.revisions[qid] = saved["revision"]
            self.client.ledger.ack_save(AckedSave(self.account.assessment, qid, saved["revision"],
                                                  saved["value"], self.number))
        elif outcome == HANDLED:
            self.revisions[qid] = response.json()["current"]["revision"]

    def _upload(self) -> None:
        """Attach a small text file as evidence to an answer through the API."""
        qid = self.rng.choice([q["id"] for q in self.account.questions if q["evidence"]])
        content = f"mgf-assess soak evidence {uuid.uuid4()}\n".encode() * 8
        files = {"file": (f"soak-{self.number}-{self.count}.txt", content, "text/plain")}
        form = {"kind": "law", "citation": f"Soak evidence {self.number}.{self.count}"}
        path = f"/api/v1/assessments/{self.account.assessment}/answers/{qid}/evidence"
        outcome, response = self.client.call("upload", self.api, "POST", path, {201: OK}, files=files, data=form)
        if outcome == OK:
            self.client.ledger.ack_upload(AckedUpload(self.account.assessment, response.json()["id"],
                                                      hashlib.sha256(content).hexdigest(), self.account.email))
