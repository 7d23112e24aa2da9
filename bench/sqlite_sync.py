#!/usr/bin/env python3
"""What synchronous=FULL costs SQLite holds: the same load of booking holds over HTTP
against a build on a disk-backed data folder, once with ?synchronous=full (the default)
and once with ?synchronous=normal. 8 client threads, distinct free slots, every answer
must be 201. Prints holds per second and p50/p99 for each.

Usage: bench/sqlite_sync.py BINARY [SECONDS]   (e.g. target/release/mentora 20)
Only 127.0.0.1 is contacted; each run is bounded by SECONDS.
"""
import json, os, sys, threading, time, urllib.error, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from served import served

binary = sys.argv[1]
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 20
port = 18191


def call(method, path, body=None, token=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1{path}", method=method,
                                 data=json.dumps(body).encode() if body is not None else None)
    req.add_header("content-type", "application/json")
    if token:
        req.add_header("authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def run(mode):
    env = {"MENTORA_BOOKING_MAX_HOLDS": "1000000", "MENTORA_RATE_LIMIT_SCALE": "1000",
           "DATABASE_URL": f"sqlite://{{data}}/mentora.db?synchronous={mode}"}
    # On the machine's disk (the working folder), not a tmpfs: fsync must cost what it costs.
    with served(binary, port, env, demo=True, data_parent=os.getcwd()):
        days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        rules = {"time_zone": "UTC", "min_notice_minutes": 0, "horizon_days": 365,
                 "weekly": [{"weekday": d, "start": "00:00", "end": "24:00"} for d in days],
                 "durations": [60], "slot_step_minutes": 60}
        tokens, experts = [], []
        for n in range(1, 31):
            _, b = call("POST", "/auth/login", {"email": f"expert{n}@demo.mentora.test",
                                                 "password": "mentora-demo-pass"})
            call("PUT", "/experts/me/availability", rules, b["access_token"])
            _, me = call("GET", "/me", token=b["access_token"])
            tokens.append(b["access_token"])
            experts.append(me["id"])
        first = (int(time.time()) // 3600 + 2) * 3600
        lock, counter, latencies, bad = threading.Lock(), [0], [], []
        deadline = time.monotonic() + seconds

        def client():
            while time.monotonic() < deadline:
                with lock:
                    i = counter[0]
                    counter[0] += 1
                start = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(first + (i // 30) * 3600))
                began = time.perf_counter()
                status, _ = call("POST", "/bookings", {"expert_id": experts[(i + 1) % 30],
                                                       "start": start, "duration_minutes": 60},
                                 tokens[i % 30])
                with lock:
                    latencies.append(time.perf_counter() - began)
                    if status != 201:
                        bad.append(status)

        threads = [threading.Thread(target=client) for _ in range(8)]
        [t.start() for t in threads]
        [t.join() for t in threads]
        latencies.sort()
        ms = lambda q: latencies[int(q * (len(latencies) - 1))] * 1000
        print(f"synchronous={mode}: {len(latencies) / seconds:.0f} holds/s, "
              f"p50 {ms(0.5):.1f} ms, p99 {ms(0.99):.1f} ms, non-201: {len(bad)}", flush=True)

for mode in ("full", "normal", "full", "normal"):
    run(mode)
