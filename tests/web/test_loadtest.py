"""`rasd loadtest`: a fixed number of requests to a server it starts on 127.0.0.1, stops by itself, reports
p50/p95/max and errors; other hosts are refused. (The figures on the ANT corpus are in docs/robustness.md.)"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from rasd.cli import main
from rasd.errors import InputError
from rasd.web import loadtest as lt


def test_loadtest_starts_a_server_sends_a_fixed_number_of_requests_and_stops(small_db: str) -> None:
    r = CliRunner().invoke(main, ["loadtest", "--db", small_db, "--requests", "40", "--clients", "20",
                                  "--warmup", "0", "--format", "json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["clients"] == 20 and [s["target"] for s in out["results"]] == ["api", "page"]
    for s in out["results"]:
        assert s["requests"] == 40 and s["errors"] == 0, s
        assert 0 < s["p50_ms"] <= s["p95_ms"] <= s["max_ms"] and s["req_per_s"] > 0


@pytest.mark.parametrize(
    "url", ["http://example.org/", "http://10.0.0.1:8000", "http://0.0.0.0:8000", "ftp://127.0.0.1/", "nonsense"]
)
def test_loadtest_refuses_other_hosts(url: str) -> None:
    with pytest.raises(InputError, match=r"only targets this machine|not a URL"):
        lt.check_loopback(url)
    r = CliRunner().invoke(main, ["loadtest", "--url", url, "--requests", "1"])
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_loadtest_counts_errors_and_exits_1() -> None:
    port = lt.free_port()  # nothing listens there: every request is refused
    r = CliRunner().invoke(main, ["loadtest", "--url", f"http://127.0.0.1:{port}", "--requests", "5",
                                  "--clients", "2", "--warmup", "0", "--target", "api"])
    assert r.exit_code == 1, r.output
    assert "ConnectError x5, first: /api/events" in r.output


def test_percentiles_are_nearest_rank() -> None:
    res = lt.Result("x", latencies=[i / 1000 for i in range(1, 101)])
    s = res.summary()
    assert (s["p50_ms"], s["p95_ms"], s["max_ms"]) == (50.0, 95.0, 100.0)


def test_the_pool_serves_every_worker_thread_at_once(small_db: str) -> None:
    """The load test found it: with a pool of 6 connections, 20 clients of slow pages waited past the pool's
    timeout (503). Each request holds one connection in one of anyio's 40 threads: 40 must be open at once."""
    from rasd.store import open_store

    threads = 40  # anyio's default thread limiter, which Starlette runs sync routes and dependencies in
    with open_store(small_db) as store:
        conns = [store.engine.connect() for _ in range(threads + 1)]  # would wait for the pool's timeout, then fail
        try:
            assert all(c.exec_driver_sql("SELECT count(*) FROM events").scalar_one() >= 0 for c in conns)
        finally:
            for c in conns:
                c.close()
