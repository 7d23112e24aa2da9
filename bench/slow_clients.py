#!/usr/bin/env python3
"""Slow clients against a running build: N connections that send half a request head and
stop, then 200 requests to /healthz while they are held. Prints how many /healthz answered
and their p50/p99, and how many slow connections the server had closed by then.

Usage: bench/slow_clients.py BINARY [N] [MAX_CONNECTIONS]
  e.g. bench/slow_clients.py target/release/mentora 20000 4096
Only 127.0.0.1 is contacted; every loop is bounded and the server is stopped at the end.
"""
import http.client, os, resource, select, socket, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from served import served

binary = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
cap = sys.argv[3] if len(sys.argv) > 3 else "0"
port = 18190
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

env = {"MENTORA_MAX_CONNECTIONS": cap, "MENTORA_HEADER_READ_TIMEOUT_SECS": "300",
       "MENTORA_IDLE_TIMEOUT_SECS": "600"}
with served(binary, port, env):
    # Two processes hold the slow connections, so each stays under its file limit.
    import multiprocessing
    mp = multiprocessing.get_context("fork")
    def hold(share, ready, done, result):
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        slow = []
        for _ in range(share):
            s = socket.socket()
            s.connect(("127.0.0.1", port))
            s.send(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            slow.append(s)
        ready.set()
        done.wait(600)
        poller = select.poll()
        for s in slow:
            poller.register(s, select.POLLIN)
        by_fd = {s.fileno(): s for s in slow}
        closed = sum(1 for fd, _ in poller.poll(0) if not by_fd[fd].recv(1))
        result.put(closed)
    done, result = mp.Event(), mp.Queue()
    holders = []
    for share in (count // 2, count - count // 2):
        ready = mp.Event()
        p = mp.Process(target=hold, args=(share, ready, done, result))
        p.start()
        ready.wait(600)
        holders.append(p)
    latencies, answered = [], 0
    for _ in range(200):
        started = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                answered += 1
            conn.close()
        except OSError:
            pass
        latencies.append(time.perf_counter() - started)
    done.set()
    closed = sum(result.get(timeout=600) for _ in holders)
    for p in holders:
        p.join(60)
    latencies.sort()
    ms = lambda q: latencies[int(q * (len(latencies) - 1))] * 1000
    print(f"slow connections: {count}, max_connections: {cap or 'file limit'}, "
          f"/healthz answered {answered}/200, p50 {ms(0.5):.1f} ms, p99 {ms(0.99):.1f} ms, "
          f"slow connections closed by the server: {closed}")
