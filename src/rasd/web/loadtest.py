"""A bounded load test of the web app on this machine: a fixed number of requests from concurrent clients.

:func:`run` sends ``requests`` requests to each target (the events API, the events page) from ``clients``
concurrent clients and measures each one's latency (until the whole body is read); :func:`serve` starts
``rasd serve`` over a store on 127.0.0.1 in a child process for the run. Only loopback addresses are ever
targeted: the test cannot be pointed at someone else's server.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from rasd.errors import InputError

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
"""The only hosts a load test may target."""

TARGETS: dict[str, tuple[str, ...]] = {
    "api": (
        "/api/events",
        "/api/events?type=ASSAULT",
        "/api/events?offset=200",
        "/api/events?sector=MIL&limit=100",
    ),
    "page": (
        "/events",
        "/events?type=ASSAULT",
        "/events?offset=200",
        "/events?sector=MIL",
    ),
}
"""What each target requests, in turn: the listing without filters, filtered by type and sector, a later page."""


@dataclass
class Result:
    """The latencies (seconds) and errors of one target."""

    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    error_samples: dict[str, str] = field(default_factory=dict)  # kind → the first message or body of it
    seconds: float = 0.0
    bytes: int = 0

    def add_error(self, kind: str, sample: str = "") -> None:
        self.errors += 1
        self.error_kinds[kind] = self.error_kinds.get(kind, 0) + 1
        self.error_samples.setdefault(kind, sample[:300])

    def percentile(self, q: float) -> float:
        """The ``q`` quantile (0-1) of the latencies, nearest rank; 0 when there are none."""
        if not self.latencies:
            return 0.0
        xs = sorted(self.latencies)
        return xs[max(0, math.ceil(q * len(xs)) - 1)]

    def summary(self) -> dict[str, Any]:
        """Requests, errors, p50/p95/max latency in milliseconds and requests per second."""
        n = len(self.latencies) + self.errors
        return {
            "target": self.name,
            "requests": n,
            "errors": self.errors,
            "error_kinds": dict(self.error_kinds),
            "error_samples": dict(self.error_samples),
            "p50_ms": round(self.percentile(0.50) * 1000, 1),
            "p95_ms": round(self.percentile(0.95) * 1000, 1),
            "max_ms": round(max(self.latencies, default=0.0) * 1000, 1),
            "req_per_s": round(n / self.seconds, 1) if self.seconds > 0 else 0.0,
            "mean_kb": round(self.bytes / max(1, len(self.latencies)) / 1024, 1),
        }


def check_loopback(url: str) -> str:
    """``url`` without a trailing slash, when it is an http URL of this machine.

    Raises:
        InputError: Another scheme or host.
    """
    import httpx

    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as e:
        raise InputError(f"not a URL: {url!r} ({e})") from None
    if parsed.scheme not in ("http", "https") or parsed.host not in LOOPBACK:
        raise InputError(f"{url}: the load test only targets this machine (http://127.0.0.1:PORT)")
    return url.rstrip("/")


async def _target(base: str, result: Result, paths: Sequence[str], requests: int, clients: int,
                  timeout: float) -> None:
    import httpx

    queue: asyncio.Queue[str] = asyncio.Queue()
    for i in range(requests):
        queue.put_nowait(paths[i % len(paths)])
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits, trust_env=False) as client:

        async def worker() -> None:
            while True:
                try:
                    path = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                t0 = time.perf_counter()
                try:
                    r = await client.get(path)
                    body = r.content
                except httpx.HTTPError as e:
                    result.add_error(type(e).__name__, f"{path}: {e}")
                    continue
                took = time.perf_counter() - t0
                if r.status_code != 200:
                    result.add_error(f"HTTP {r.status_code}", f"{path}: {r.text}")
                    continue
                result.latencies.append(took)
                result.bytes += len(body)

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        result.seconds = time.perf_counter() - start


def run(
    base: str,
    *,
    targets: Sequence[str] = ("api", "page"),
    requests: int = 1000,
    clients: int = 20,
    warmup: int = 20,
    timeout: float = 60.0,
) -> list[Result]:
    """Send ``requests`` GET requests to each target from ``clients`` concurrent clients, one target after the other.

    Args:
        base: The server (``http://127.0.0.1:PORT``; any other host is refused).
        targets: Names of :data:`TARGETS`.
        requests: Requests per target (after the warm-up).
        clients: Concurrent clients (connections).
        warmup: Requests per target sent first and not measured (caches, connection set-up).
        timeout: Seconds one request may take before it counts as an error.

    Returns:
        One :class:`Result` per target.
    """
    base = check_loopback(base)
    results = []
    for name in targets:
        paths = TARGETS[name]
        if warmup:
            asyncio.run(_target(base, Result(name), paths, warmup, clients, timeout))
        res = Result(name)
        asyncio.run(_target(base, res, paths, requests, clients, timeout))
        results.append(res)
    return results


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve(db: str | None, *, port: int = 0, startup: float = 60.0) -> Iterator[str]:
    """Run ``rasd serve --db DB`` on 127.0.0.1 in a child process; yields its base URL; stops it at the end.

    Raises:
        InputError: The server did not answer within ``startup`` seconds (its last output is in the message).
    """
    import httpx

    port = port or free_port()
    cmd = [sys.executable, "-m", "rasd", "serve", "--host", "127.0.0.1", "--port", str(port)]
    if db:
        cmd += ["--db", db]
    env = {k: v for k, v in os.environ.items() if k != "RASD_WRITE_TOKEN"}  # the server under test is read-only
    # the server's output goes to a file, not a pipe: a full pipe would stall it
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + startup
            while True:
                if proc.poll() is not None:
                    log.seek(0)
                    err = log.read().strip().splitlines()
                    raise InputError(f"the server did not start: {err[-1] if err else proc.returncode}")
                try:
                    if httpx.get(f"{base}/api/facets", timeout=5, trust_env=False).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise InputError(f"the server did not answer on {base} within {startup:.0f} s")
                time.sleep(0.2)
            yield base
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def table(results: Sequence[Result]) -> str:
    """The results as a text table."""
    head = f"{'target':<8}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'req/s':>8}{'kB':>8}"
    lines = [head]
    for r in results:
        s = r.summary()
        lines.append(
            f"{s['target']:<8}{s['requests']:>9}{s['errors']:>8}{s['p50_ms']:>9.1f}{s['p95_ms']:>9.1f}"
            f"{s['max_ms']:>9.1f}{s['req_per_s']:>8.1f}{s['mean_kb']:>8.1f}"
        )
        for kind, n in s["error_kinds"].items():
            lines.append(f"        {kind} x{n}, first: {s['error_samples'][kind][:160]}")
    return "\n".join(lines)
