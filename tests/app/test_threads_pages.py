"""The review on the pages: threads on the section page (plain POST forms, back to the
question), the evaluator's forms, the country's replies, the counts on the overview, the list
of queries; internal comments never reach the country, in pages, reports and exports."""

import io
import re
import zipfile

import pytest
from conftest import login
from threads_support import SECRET, assign, people, reviewed_assessment, set_state, write_thread

from mgf_assess.assessments.models import Assessment
from mgf_assess.extensions import db
from mgf_assess.reports.data.builder import build_gap_report
from mgf_assess.review.models import ReviewComment


@pytest.fixture
def review(app, make_user, tmp_path):
    assessment_id = reviewed_assessment(app, tmp_path / "q")
    who = people(app, make_user)
    assign(app, assessment_id, who["contributor"])
    return assessment_id, who


def _section(client, assessment_id, area="services"):
    return client.get(f"/assessments/{assessment_id}/areas/{area}").get_data(as_text=True)


def test_an_evaluator_asks_the_country_replies_and_the_evaluator_resolves(app, client, review):
    assessment_id, who = review
    login(client, who["evaluator"])
    assert "Open a query or add a comment" in _section(client, assessment_id)
    asked = client.post(f"/assessments/{assessment_id}/questions/q_yes/threads",
                        data={"kind": "query", "text": "Which law?"})
    assert asked.status_code == 302
    assert asked.headers["Location"].endswith(f"/assessments/{assessment_id}/areas/services#q-q_yes")
    root = client.get(f"/api/v1/assessments/{assessment_id}/comments").json["comments"][0]["id"]
    client.post("/logout")
    login(client, who["contributor"])
    page = _section(client, assessment_id)
    assert "Which law?" in page and 'data-open-queries="1"' in page and "Open a query" not in page
    replied = client.post(f"/assessments/{assessment_id}/threads/{root}/replies",
                          data={f"reply-{root}-text": "The Act of 2011."})
    assert replied.status_code == 302 and replied.headers["Location"].endswith("#q-q_yes")
    client.post("/logout")
    login(client, who["evaluator"])
    assert "The Act of 2011." in _section(client, assessment_id)
    client.post(f"/assessments/{assessment_id}/threads/{root}/resolve")
    with app.app_context():
        assert db.session.get(ReviewComment, root).status == "resolved"
    assert 'data-open-queries' not in _section(client, assessment_id)
    client.post(f"/assessments/{assessment_id}/threads/{root}/reopen")
    with app.app_context():
        assert db.session.get(ReviewComment, root).status == "open"


@pytest.mark.parametrize(("role", "forms"), [("evaluator", True), ("admin", True), ("focal_point", False),
                                             ("contributor", False)])
def test_only_evaluators_get_the_forms_to_open_and_resolve(app, client, review, role, forms):
    assessment_id, who = review
    write_thread(app, assessment_id, who["evaluator"])
    login(client, who[role])
    page = _section(client, assessment_id)
    assert ("Open a query or add a comment" in page) is forms and ("Mark resolved" in page) is forms
    assert ('name="internal"' in page) is forms and "Your reply" in page


def test_refusals_on_the_pages(app, client, review):
    assessment_id, who = review
    root = write_thread(app, assessment_id, who["evaluator"])
    internal = write_thread(app, assessment_id, who["evaluator"], kind="comment", text=SECRET, internal=True)
    login(client, who["focal_point"])
    assert client.post(f"/assessments/{assessment_id}/questions/q_yes/threads",
                       data={"kind": "query", "text": "Why?"}).status_code == 403
    assert client.post(f"/assessments/{assessment_id}/threads/{root}/resolve").status_code == 403
    assert client.post(f"/assessments/{assessment_id}/threads/{internal}/replies",
                       data={f"reply-{internal}-text": "Yes."}).status_code == 404
    client.post("/logout")
    login(client, who["other_contributor"])
    assert client.post(f"/assessments/{assessment_id}/threads/{root}/replies",
                       data={f"reply-{root}-text": "Yes."}).status_code == 403
    client.post("/logout")
    login(client, who["other_evaluator"])
    assert client.get(f"/assessments/{assessment_id}/queries").status_code == 404


def test_a_refused_message_is_said_and_nothing_is_stored(app, client, review):
    assessment_id, who = review
    login(client, who["evaluator"])
    empty = client.post(f"/assessments/{assessment_id}/questions/q_yes/threads", data={"kind": "query", "text": ""},
                        follow_redirects=True)
    assert "the text is required" in empty.get_data(as_text=True)
    set_state(app, assessment_id, "validated")
    locked = client.post(f"/assessments/{assessment_id}/questions/q_yes/threads",
                         data={"kind": "query", "text": "Late"}, follow_redirects=True)
    assert "locked" in locked.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(ReviewComment)) == 0


def test_counts_on_the_overview_and_the_list_of_queries(app, client, review):
    assessment_id, who = review
    write_thread(app, assessment_id, who["evaluator"], qid="q_yes", text="First query")
    write_thread(app, assessment_id, who["evaluator"], qid="q_number", text="Second query")
    write_thread(app, assessment_id, who["evaluator"], qid="q_plan", kind="comment", text="Just a comment")
    login(client, who["focal_point"])
    overview = client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    assert 'data-open-queries="2"' in overview and f"/assessments/{assessment_id}/queries" in overview
    assert re.findall(r'data-area-queries="(\d+)"', overview) == ["1", "1"]
    assert re.findall(r'data-domain-queries="(\d+)"', overview) == ["2"]
    listing = client.get(f"/assessments/{assessment_id}/queries").get_data(as_text=True)
    assert "Questions the evaluator asked you" in listing and "2 queries are open." in listing
    assert "First query" in listing and "Second query" in listing and "Just a comment" not in listing
    assert f"/assessments/{assessment_id}/areas/data#q-q_number" in listing


def test_threads_are_right_to_left_safe_in_arabic(app, client, review):
    assessment_id, who = review
    write_thread(app, assessment_id, who["evaluator"], text="ما هو القانون؟")
    login(client, who["focal_point"])
    client.post("/language", data={"language": "ar", "next": "/"})
    page = _section(client, assessment_id)
    assert 'dir="rtl"' in page and '<p class="thread__text" dir="auto">ما هو القانون؟</p>' in page


def _xlsx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


@pytest.mark.parametrize("role", ["focal_point", "contributor", "evaluator"])
def test_internal_comments_never_reach_the_country(app, client, review, role):
    """Pages, the gap report (page, JSON, CSV, XLSX and the data every renderer reads) and the
    answers workbook: the internal text appears nowhere for the country; the evaluator sees it
    on the section page only (reports and exports carry no comments at all)."""
    assessment_id, who = review
    write_thread(app, assessment_id, who["evaluator"], kind="comment", text=SECRET, internal=True)
    set_state(app, assessment_id, "returned")  # the country may download its workbook again
    login(client, who[role])
    base = f"/assessments/{assessment_id}"
    pages = [base, f"{base}/areas/services", f"{base}/queries", f"{base}/report", "/notifications",
             f"/api/v1/assessments/{assessment_id}/comments", "/api/v1/notifications"]
    seen = {path: client.get(path).get_data(as_text=True) for path in pages}
    assert (SECRET in seen[f"{base}/areas/services"]) is (role == "evaluator")
    assert not [path for path, text in seen.items() if SECRET in text and "areas" not in path and "comments" not in path]
    for fmt in ("json", "csv", "html"):
        assert SECRET not in client.get(f"{base}/report.{fmt}").get_data(as_text=True)
    assert SECRET not in _xlsx_text(client.get(f"{base}/report.xlsx").data)
    if role != "evaluator":
        assert SECRET not in _xlsx_text(client.get(f"{base}/workbook.xlsx").data)
    with app.app_context():
        assert SECRET not in repr(build_gap_report(db.session.get(Assessment, assessment_id), "en"))
