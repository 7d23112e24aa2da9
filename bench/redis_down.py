#!/usr/bin/env python3
"""Login and slots while Redis is down: the same requests against a build with Redis
answering, then with its URL pointing at a port that refuses connections. Prints p50/p99
of 100 API logins and 200 slot lookups for each, and whether /readyz said degraded.

Usage: bench/redis_down.py BINARY [REDIS_URL]   (default redis://127.0.0.1:6379)
Only 127.0.0.1 is contacted; every loop is bounded.
"""
import json, os, sys, time, urllib.error, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from served import served

binary = sys.argv[1]
redis_up = sys.argv[2] if len(sys.argv) > 2 else "redis://127.0.0.1:6379"
port = 18192


def call(method, path, body=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                 data=json.dumps(body).encode() if body is not None else None)
    req.add_header("content-type", "application/json")
    began = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            status, body = r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        status, body = e.code, {}
    return status, body, time.perf_counter() - began


def measure(label, redis_url):
    with served(binary, port, {"MENTORA_RATE_LIMIT_SCALE": "1000",
                               "MENTORA_REDIS_URL": redis_url}, demo=True) as (_, startup):
        _, ready, _ = call("GET", "/readyz")
        _, listing, _ = call("GET", "/api/v1/experts")
        expert = listing["experts"][0]["id"]
        day = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 86400))
        logins, slots, statuses = [], [], set()
        for _ in range(100):
            status, _, took = call("POST", "/api/v1/auth/login",
                                   {"email": "learner@demo.mentora.test",
                                    "password": "mentora-demo-pass"})
            statuses.add(status)
            logins.append(took)
        for _ in range(200):
            status, _, took = call("GET", f"/api/v1/experts/{expert}/slots"
                                          f"?from={day}T00:00:00Z&to={day}T23:59:59Z&tz=UTC")
            statuses.add(status)
            slots.append(took)
        q = lambda xs, p: sorted(xs)[int(p * (len(xs) - 1))] * 1000
        print(f"{label}: start-up {startup:.2f} s, readyz {ready.get('status')}, "
              f"login p50 {q(logins, .5):.0f} ms p99 {q(logins, .99):.0f} ms, "
              f"slots p50 {q(slots, .5):.1f} ms p99 {q(slots, .99):.1f} ms, "
              f"statuses {sorted(statuses)}", flush=True)

measure("Redis up", redis_up)
measure("Redis refusing connections", "redis://127.0.0.1:1")
