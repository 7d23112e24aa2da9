#!/usr/bin/env python3
"""Cold start to ready, and idle memory, of the release binary.

Each run starts `mentora serve` on an empty data folder (so it creates the SQLite file and
applies every migration), polls GET /readyz until it answers 200, and records the time
from exec to that answer. After the last run it waits for the process to settle and reads
its resident memory (VmRSS) from /proc.

Usage: bench/startup.py [--runs N] [--database-url postgres://…] [--existing]
With --database-url, each run uses a fresh PostgreSQL database created from that URL; with
--existing as well, all runs share one database, migrated by the first run (a restart).
"""
import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
import uuid

BINARY = os.path.join(os.path.dirname(__file__), "..", "target", "release", "mentora")


def ready(port):
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        conn.request("GET", "/readyz")
        return conn.getresponse().status == 200
    except OSError:
        return False


def fresh_postgres(admin_url):
    name = f"mentora_bench_{uuid.uuid4().hex}"
    subprocess.run(["psql", admin_url, "-qc", f'CREATE DATABASE "{name}"'], check=True)
    base = admin_url.split("?")[0].rsplit("/", 1)[0]
    return name, f"{base}/{name}"


def one_run(port, database_url):
    data = tempfile.mkdtemp(prefix="mentora-bench-")
    env = {"PATH": os.environ["PATH"], "MENTORA_DATA_DIR": data, "MENTORA_LOG_LEVEL": "warn"}
    if database_url:
        env["DATABASE_URL"] = database_url
    started = time.perf_counter()
    proc = subprocess.Popen([BINARY, "serve", "--addr", f"127.0.0.1:{port}"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = started + 30
    while not ready(port):
        if time.perf_counter() > deadline or proc.poll() is not None:
            raise SystemExit("mentora did not become ready")
    elapsed_ms = (time.perf_counter() - started) * 1000
    return proc, data, elapsed_ms


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--database-url")
    parser.add_argument("--existing", action="store_true")
    parser.add_argument("--port", type=int, default=18080)
    args = parser.parse_args()

    times, rss_kib = [], None
    shared = fresh_postgres(args.database_url) if args.database_url and args.existing else None
    for i in range(args.runs):
        if shared:
            name, url = (shared if i == args.runs - 1 else None, shared[1])
        elif args.database_url:
            name, url = fresh_postgres(args.database_url)
        else:
            name, url = None, None
        proc, data, ms = one_run(args.port, url)
        times.append(ms)
        if i == args.runs - 1:
            time.sleep(2)  # let start-up allocations settle before reading idle memory
            status = open(f"/proc/{proc.pid}/status").read()
            rss_kib = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))
        proc.terminate()
        proc.wait(timeout=15)
        shutil.rmtree(data, ignore_errors=True)
        if name:
            drop = f'DROP DATABASE "{name[0] if isinstance(name, tuple) else name}" WITH (FORCE)'
            subprocess.run(["psql", args.database_url, "-qc", drop], check=True)

    if shared:
        times = times[1:]  # the first run created the schema; the rest are restarts
    backend = "postgres" if args.database_url else "sqlite"
    mode = "restart on an existing database" if shared else "empty database"
    print(f"backend: {backend} ({mode}), runs: {len(times)}")
    print(f"cold start to ready: median {statistics.median(times):.0f} ms, "
          f"min {min(times):.0f} ms, max {max(times):.0f} ms")
    print(f"idle RSS: {rss_kib / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
