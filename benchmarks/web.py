"""Web latency under load: the state page, search and the facts API, at 50 concurrent clients.

Serves a store holding the development corpus (or ``--db``) with uvicorn in
its own processes on loopback, then runs ``--clients`` closed-loop clients for
``--seconds``, each cycling through the three requests. Prints requests/s,
p50 and p99 per endpoint and the error count; exits 1 on any error.
Target: p99 under 100 ms on 2 cores.

Example: python -m benchmarks.web --seconds 15 --clients 50
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks.common import free_port

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
ENDPOINTS = {
    "state page": "/states/USA",
    "search": "/api/search?q=stockpile+mines&limit=20",
    "facts API": "/api/facts?state=USA&limit=100",
}


def prepare(db: str | None) -> str:
    """The store URL to serve: ``db``, or a fresh SQLite file with the corpus ingested."""
    if db:
        return db
    from minewatch import pipeline
    from minewatch.store import open_store

    url = f"sqlite:///{tempfile.mkdtemp(prefix='minewatch-bench-')}/minewatch.db"
    store = open_store(url)
    report = pipeline.ingest_paths(store, sorted(CORPUS.glob("*.txt")))
    store.close()
    print(f"store: {url} ({len(report.ingested)} documents, {report.facts} facts)")
    return url


def listener(port: int) -> socket.socket:
    """A listening socket whose accepted connections inherit TCP_NODELAY (Linux).

    uvicorn's multi-process mode leaves Nagle's algorithm on for the sockets it
    accepts, and small responses then wait ~40 ms for the client's delayed ACK;
    that measures the kernel, not minewatch.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def serve(url: str, port: int, workers: int) -> subprocess.Popen:
    env = dict(
        os.environ, MINEWATCH_DATABASE_URL=url, MINEWATCH_PUBLIC_READ="1", MINEWATCH_SECRET_KEY="bench"
    )
    sock = listener(port)
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "minewatch.web.app:create_app",
        "--fd",
        str(sock.fileno()),
    ]
    cmd += ["--workers", str(workers), "--log-level", "warning", "--no-access-log", "--backlog", "2048"]
    proc = subprocess.Popen(cmd, env=env, pass_fds=[sock.fileno()])
    sock.close()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/states?sort=facts", timeout=5).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("the server did not come up within 60 s")


class Connection:
    """One keep-alive HTTP/1.1 connection, spoken by hand.

    httpx costs a few milliseconds of CPU a request, which on two cores shared
    with the server would measure the client; this costs a tenth of that.
    """

    def __init__(self, port: int):
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = next(
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def load(port: int, clients: int, seconds: float) -> tuple[dict[str, list[float]], list[str]]:
    """Closed-loop clients, one connection each: each sends its next request as soon as the last one answers."""
    times: dict[str, list[float]] = {name: [] for name in ENDPOINTS}
    errors: list[str] = []
    conns = [Connection(port) for _ in range(clients)]
    for path in ENDPOINTS.values():  # open every connection and warm every worker's caches first
        await asyncio.gather(*(c.get(path) for c in conns))
    stop = time.monotonic() + seconds

    async def client(i: int) -> None:
        names = list(ENDPOINTS)
        n = i
        while time.monotonic() < stop:
            name = names[n % len(names)]
            n += 1
            t0 = time.perf_counter()
            try:
                status, _ = await conns[i].get(ENDPOINTS[name])
            except (OSError, asyncio.IncompleteReadError, ValueError, StopIteration) as e:
                status = repr(e)
                conns[i] = Connection(port)
            elapsed = time.perf_counter() - t0
            if status == 200:
                times[name].append(elapsed)
            else:
                errors.append(f"{name}: {status}")

    try:
        await asyncio.gather(*(client(i) for i in range(clients)))
    finally:
        for c in conns:
            c.close()
    return times, errors


def server_cpu(pid: int) -> float:
    """CPU seconds used so far by the server process and its workers (Linux /proc)."""
    total = 0.0
    pids = [pid] + [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=60.0, help="How long to load the server (default 60).")
    ap.add_argument("--clients", type=int, default=50, help="Concurrent clients (default 50).")
    ap.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)), help="uvicorn processes.")
    ap.add_argument("--db", help="Store URL to serve (default: a fresh store with the corpus).")
    args = ap.parse_args()
    url = prepare(args.db)
    port = free_port()
    proc = serve(url, port, args.workers)
    try:
        t0, cpu0, srv0 = time.monotonic(), time.process_time(), server_cpu(proc.pid)
        times, errors = asyncio.run(load(port, args.clients, args.seconds))
        wall, client_cpu = time.monotonic() - t0, time.process_time() - cpu0
        srv_cpu = server_cpu(proc.pid) - srv0
    finally:
        proc.terminate()
        proc.wait(10)
    total = sum(len(v) for v in times.values())
    print(
        f"{args.clients} clients, {args.seconds:g} s, {args.workers} server processes, "
        f"{len(os.sched_getaffinity(0))} cores: {total} requests, {total / wall:.0f} req/s, {len(errors)} errors"
    )
    print(
        f"server CPU {srv_cpu * 1000 / max(total, 1):.2f} ms a request "
        f"(so about {total / max(srv_cpu, 1e-9):.0f} requests per CPU-second on this machine)"
    )
    print(
        f"the load generator itself used {client_cpu / wall:.0%} of one core; load average {os.getloadavg()[0]:.1f}"
    )
    print(f"{'endpoint':<12} {'requests':>9} {'p50 ms':>8} {'p99 ms':>8}")
    for name, values in times.items():
        if values:
            print(
                f"{name:<12} {len(values):>9} {pct(values, 50) * 1000:>8.1f} {pct(values, 99) * 1000:>8.1f}"
            )
    if errors:
        print("first errors:", *errors[:5], sep="\n  ")
        sys.exit(1)


if __name__ == "__main__":
    main()
