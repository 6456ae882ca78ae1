"""The soak's own logic (``make soak`` itself never runs in the suite): percentiles, the
lost-write comparison, what counts as an error or an outage, and the choice of runs."""

from __future__ import annotations

import pytest

from soak.__main__ import arguments, plan_runs
from soak.checks import canonical, compare_saves, compare_uploads
from soak.client import csrf_token
from soak.figures import failed_run, lost_writes, requests_by_kind
from soak.ledger import FAILED, HANDLED, OK, AckedSave, AckedUpload, Call, Ledger, classify
from soak.output import headline, run_table
from soak.stats import percentile, summary


@pytest.mark.parametrize(("values", "share", "expected"), [
    ([], 0.95, None),
    ([0.3], 0.95, 0.3),
    ([float(n) for n in range(20, 0, -1)], 0.95, 19.0),  # unsorted; nearest rank: the 19th of 20
    ([float(n) for n in range(1, 101)], 0.95, 95.0),
    ([float(n) for n in range(1, 101)], 0.50, 50.0),
    ([1.0, 2.0, 3.0], 0.50, 2.0),
    ([1.0, 2.0, 3.0, 4.0], 0.50, 2.0),
    ([5.0, 1.0], 1.0, 5.0),
])
def test_percentile_is_the_nearest_rank(values, share, expected):
    assert percentile(values, share) == expected


def test_summary_of_latencies():
    assert summary([0.2, 0.1, 0.4, 0.3]) == {"count": 4, "p50": 0.2, "p95": 0.4, "max": 0.4}
    assert summary([]) == {"count": 0, "p50": None, "p95": None, "max": None}


@pytest.mark.parametrize(("one", "other", "same"), [
    (50, 50.0, True), ([1.0, "a"], [1, "a"], True), ({"b": 1, "a": 2}, {"a": 2, "b": 1}, True),
    ("yes", "no", False), (50, 50.5, False), (None, "null", False),
])
def test_canonical_values(one, other, same):
    assert (canonical(one) == canonical(other)) is same


def saved(question: str, revision: int, value, assessment: int = 7) -> AckedSave:
    return AckedSave(assessment, question, revision, value, user=1)


def history_of(*events) -> set:
    return {((7, question), revision, canonical(value)) for question, revision, value in events}


def test_every_acknowledged_save_found_is_no_loss():
    acked = [saved("q1", 3, "a"), saved("q1", 4, "b"), saved("q2", 1, 12)]
    check = compare_saves(acked, {(7, "q1"): (4, "b"), (7, "q2"): (1, 12.0)},
                          history_of(("q1", 3, "a"), ("q1", 4, "b"), ("q2", 1, 12)))
    assert check.ok and check.acknowledged == 3 and not check.unacknowledged


def test_a_save_missing_from_the_history_is_lost():
    acked = [saved("q1", 3, "a"), saved("q1", 4, "b")]
    check = compare_saves(acked, {(7, "q1"): (4, "b")}, history_of(("q1", 4, "b")))
    assert not check.ok and check.lost == [saved("q1", 3, "a")] and not check.behind


def test_a_save_in_the_history_with_another_value_is_lost():
    check = compare_saves([saved("q1", 2, "mine")], {(7, "q1"): (2, "mine")}, history_of(("q1", 2, "theirs")))
    assert check.lost == [saved("q1", 2, "mine")]


@pytest.mark.parametrize("stored", [
    {(7, "q1"): (3, "a")},  # an older revision than acknowledged
    {(7, "q1"): (4, "other")},  # the acknowledged revision with another value
    {},  # no answer at all
])
def test_a_stored_answer_behind_the_newest_acknowledged_save(stored):
    check = compare_saves([saved("q1", 4, "b")], stored, history_of(("q1", 4, "b")))
    assert not check.ok and check.behind[0]["question"] == "7:q1"
    assert check.behind[0]["acknowledged"] == [4, "b"]


def test_an_answer_stored_past_its_last_acknowledged_save_is_no_loss():
    """A save whose response never came (the server died after the commit) is not lost."""
    check = compare_saves([saved("q1", 4, "b")], {(7, "q1"): (5, "c")}, history_of(("q1", 4, "b"), ("q1", 5, "c")))
    assert check.ok and check.unacknowledged == [(7, "q1")]


def uploaded(evidence: int, digest: str = "d1") -> AckedUpload:
    return AckedUpload(7, evidence, digest, "focal.ken@demo.mgf")


@pytest.mark.parametrize(("stored", "downloaded", "missing", "unreadable"), [
    ({1, 2}, {1: "d1", 2: "d1"}, [], []),
    ({1}, {1: "d1"}, [2], []),
    ({1, 2}, {1: "d1", 2: "changed"}, [], [2]),
    ({1, 2}, {1: None, 2: "d1"}, [], [1]),
])
def test_acknowledged_uploads_stored_and_downloadable(stored, downloaded, missing, unreadable):
    check = compare_uploads([uploaded(1), uploaded(2)], stored, downloaded)
    assert [u.evidence for u in check.missing] == missing
    assert [u.evidence for u in check.unreadable] == unreadable
    assert check.ok is (not missing and not unreadable) and check.acknowledged == 2


def test_lost_writes_counts_every_kind_of_loss():
    writes = {"saves_lost": [1], "saves_behind": [1, 2], "uploads_missing": [], "uploads_unreadable": [1]}
    assert lost_writes(writes) == 4


@pytest.mark.parametrize(("call", "expected"), [
    (Call("page:section", 1.0, 1.2, 200, OK), "ok"),
    (Call("save:api", 1.0, 1.2, 409, HANDLED), "handled"),
    (Call("page:section", 1.0, 1.2, 500, FAILED), "error"),  # before the kill
    (Call("page:section", 9.0, 11.0, None, FAILED), "outage"),  # in flight at the kill
    (Call("page:section", 12.0, 12.1, None, FAILED), "outage"),  # refused while down
    (Call("page:section", 19.0, 25.0, 502, FAILED), "outage"),  # sent before the restart answered
    (Call("page:section", 21.0, 21.3, 500, FAILED), "error"),  # after the restart answered
])
def test_what_counts_as_an_error_in_a_crash_run(call, expected):
    ledger = Ledger(outage=(10.0, 20.0))
    assert classify(ledger, call) == expected


def test_without_a_crash_every_failure_is_an_error():
    assert classify(Ledger(), Call("upload", 12.0, 12.1, None, FAILED)) == "error"


def test_requests_answered_after_waiting_through_the_outage_leave_the_percentiles():
    ledger = Ledger(outage=(10.0, 20.0))
    for call in [Call("page:overview", 1.0, 1.1, 200, OK), Call("page:overview", 2.0, 2.3, 200, OK),
                 Call("page:overview", 15.0, 24.0, 200, OK), Call("page:overview", 12.0, 12.0, None, FAILED),
                 Call("page:overview", 30.0, 30.5, 500, FAILED)]:
        ledger.add(call)
    row = requests_by_kind(ledger)["page:overview"]
    assert (row["ok"], row["error"], row["outage"], row["waited"]) == (3, 1, 1, 1)
    assert row["count"] == 2 and row["p95"] == pytest.approx(0.3) and row["p95_all"] == pytest.approx(9.0)
    assert row["longest_wait"] == pytest.approx(9.0)


@pytest.mark.parametrize(("argv", "runs"), [
    ([], [("sqlite", False), ("sqlite", True), ("postgresql", False), ("postgresql", True)]),
    (["--database", "sqlite"], [("sqlite", False), ("sqlite", True)]),
    (["--database", "postgresql", "--crash"], [("postgresql", True)]),
    (["--no-crash"], [("sqlite", False), ("postgresql", False)]),
])
def test_the_runs_asked_for(argv, runs):
    assert plan_runs(arguments(argv)) == runs


def test_defaults_of_the_options():
    options = arguments([])
    assert (options.duration, options.users, options.database, options.crash) == (60, 20, "both", None)


@pytest.mark.parametrize(("html", "token"), [
    ('<input id="csrf_token" name="csrf_token" type="hidden" value="abc.def">', "abc.def"),
    ('<input type="hidden" name="csrf_token" value="x1"><input name="csrf_token" value="x2">', "x1"),
    ('<input name="other" value="nope">', ""),
])
def test_the_csrf_token_of_a_page(html, token):
    assert csrf_token(html) == token


def test_a_run_that_could_not_complete_fails_its_target():
    run = failed_run("sqlite", True, RuntimeError("gunicorn exited with 3"))
    assert run["targets"] == [{"target": "the run completes", "value": "RuntimeError", "pass": False}]
    assert "1 runs failed" in headline([run]) and "1 targets failed" in headline([run])
    assert "gunicorn exited with 3" in run_table(run)[-1]
