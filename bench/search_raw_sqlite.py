"""The directory's first-time text search as raw SQL on the SQLite file, the anchor of
bench/directory.sh: THREADS threads, each with its own connection (Python's sqlite3 lets
go of the interpreter lock while SQLite works), each query with a price ceiling of its own
like bench/distinct-queries.lua. The SQL is what crates/store/src/directory.rs builds for
`?q=rust systems&max_price=…` (relevance, first page of 20).
Usage: python3 bench/search_raw_sqlite.py DB_FILE [SECONDS] [THREADS]"""
import sqlite3, sys, threading, time

SQL = """
SELECT e.user_id, e.slug, u.display_name, u.avatar_key, e.headline, e.bio, e.currency,
 e.hourly_from_minor, e.rating_centi, e.rating_count, e.next_available_at, e.verified_at,
 page.sort_key
FROM (SELECT e.user_id, CAST(bm25(expert_search) * 1000000 AS INTEGER) AS sort_key
      FROM expert_profiles e INDEXED BY ix_listed_members
      JOIN expert_search_keys k ON k.user_id = e.user_id
      JOIN expert_search ON expert_search.rowid = k.id
      WHERE e.status = 'approved' AND e.suspended_at IS NULL
        AND e.payout_charges_enabled = TRUE AND e.payout_payouts_enabled = TRUE
        AND expert_search MATCH ? AND e.rank_price <= ?
      ORDER BY CAST(bm25(expert_search) * 1000000 AS INTEGER), e.user_id LIMIT 21 OFFSET 0) page
JOIN expert_profiles e ON e.user_id = page.user_id
JOIN users u ON u.id = e.user_id
ORDER BY page.sort_key, page.user_id
"""


def main():
    path = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 15
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 32
    latencies = [[] for _ in range(threads)]
    failures = []
    stop = time.monotonic() + seconds

    def run(i):
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            # The same page cache as the server's read connections.
            db.execute("PRAGMA cache_size = -16384")
            n = 0
            while time.monotonic() < stop:
                n += 1
                started = time.perf_counter()
                rows = db.execute(SQL, ('"rust"* "systems"*', 10_000_000 + n * threads + i)).fetchall()
                latencies[i].append(time.perf_counter() - started)
                if len(rows) != 21:
                    raise RuntimeError(f"{len(rows)} rows, not 21")
            db.close()
        except Exception as e:  # a failed thread must fail the run, not thin it
            failures.append(e)

    workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    if failures:
        sys.exit(f"the raw query failed: {failures[0]}")
    every = sorted(l for ls in latencies for l in ls)
    pick = lambda q: every[min(len(every) - 1, int(q * len(every)))] * 1000
    print(f"raw SQL ({sqlite3.sqlite_version}), {threads} threads: {len(every) / seconds:.0f} q/s, "
          f"p50 {pick(0.5):.2f} ms, p99 {pick(0.99):.2f} ms")


if __name__ == "__main__":
    main()
