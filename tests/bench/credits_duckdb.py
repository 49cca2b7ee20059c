"""The DuckDB half of `bash tests/bench/credits.sh`: the same per-member, per-day totals in SQL.

For each size the Rust half wrote (events_N.csv, totals_N.csv, rust_N.txt in the output directory): loads
the events into an in-memory DuckDB table (not timed), computes the totals with the SQL below, compares
them with the fast path's member by member (any difference stops the bench), then times the SQL into a
table with `SET threads=1` and `SET threads=2`, best of BENCH_ROUNDS, and prints events/s and the ratios, on CPU
time (per core: a shared machine's wall time counts other processes' turns) and on wall time.

The SQL is what a user would write for the learning platform's 2022-23 daily rules, the ones the
generated events use (acts by index: login, article, reading_time, video, video_time, daily_quiz,
four_player). With only per-activity day caps, an activity's day total is its cap or its uncapped sum,
whichever is less, so no running window is needed: article and video give 1 per distinct content read at
least 30 s that day (once per day), reading_time and video_time 1 per whole minute of the day's seconds,
daily_quiz 1 per correct answer, four_player 3/2/1 by place.

Usage: credits_duckdb.py OUT_DIR N [N ...]
"""

import os
import sys
import time

import duckdb

SQL = """
WITH e AS (
    SELECT member, act, (ts + 28800) // 86400 AS day, content, duration, correct, place FROM events
), per_act AS (
    SELECT member, day, act,
        CASE act
            WHEN 0 THEN LEAST(1, COUNT(*))
            WHEN 1 THEN LEAST(6, COUNT(DISTINCT content) FILTER (WHERE duration >= 30))
            WHEN 2 THEN LEAST(6, SUM(duration) // 60)
            WHEN 3 THEN LEAST(6, COUNT(DISTINCT content) FILTER (WHERE duration >= 30))
            WHEN 4 THEN LEAST(6, SUM(duration) // 60)
            WHEN 5 THEN LEAST(5, SUM(correct))
            WHEN 6 THEN LEAST(5, SUM(CASE place WHEN 1 THEN 3 WHEN 2 THEN 2 ELSE 1 END))
        END AS pts
    FROM e GROUP BY member, day, act
)
SELECT member, day, SUM(pts)::BIGINT AS points FROM per_act GROUP BY member, day
"""


def rust_results(path):
    out = {}
    with open(path) as f:
        for line in f:
            key, value = line.split()
            out[key] = float(value)
    return out


def compare(con, totals_csv):
    """Member by member: every (member, day) of either side, with its points on both."""
    con.execute(
        f"CREATE OR REPLACE TABLE fast AS SELECT * FROM read_csv('{totals_csv}', header=true, "
        "columns={'member': 'INTEGER', 'day': 'BIGINT', 'points': 'BIGINT'})"
    )
    con.execute(f"CREATE OR REPLACE TABLE duck AS {SQL}")
    diff = con.execute(
        "SELECT count(*), min(coalesce(d.member, f.member)) FROM duck d FULL OUTER JOIN fast f "
        "ON d.member = f.member AND d.day = f.day WHERE d.points IS DISTINCT FROM f.points"
    ).fetchone()
    rows = con.execute("SELECT count(*) FROM fast").fetchone()[0]
    if diff[0] != 0:
        sys.exit(f"credits bench: DuckDB and the fast path differ on {diff[0]} member-days (first member {diff[1]})")
    return rows


def timed(con, threads, rounds):
    """Best of `rounds`: (CPU seconds of the process, all its threads; wall seconds)."""
    con.execute(f"SET threads={threads}")
    cpu, wall = float("inf"), float("inf")
    for _ in range(rounds):
        c, w = time.process_time(), time.perf_counter()
        con.execute(f"CREATE OR REPLACE TEMP TABLE result AS {SQL}")
        cpu, wall = min(cpu, time.process_time() - c), min(wall, time.perf_counter() - w)
    return cpu, wall


def run(out, n, rounds):
    rust = rust_results(os.path.join(out, f"rust_{n}.txt"))
    con = duckdb.connect()
    con.execute(
        f"CREATE TABLE events AS SELECT * FROM read_csv('{os.path.join(out, f'events_{n}.csv')}', header=true, "
        "columns={'member': 'INTEGER', 'act': 'TINYINT', 'ts': 'BIGINT', 'content': 'INTEGER', "
        "'duration': 'INTEGER', 'correct': 'INTEGER', 'place': 'INTEGER'})"
    )
    days = compare(con, os.path.join(out, f"totals_{n}.csv"))
    one, two = timed(con, 1, rounds), timed(con, 2, rounds)
    print(f"\n{n:,} events, {days:,} member-days: DuckDB {duckdb.__version__} totals = fast path totals (all)")
    print("  CPU: seconds on a core (Rust: the thread's; DuckDB: the process's, all threads); wall: elapsed")
    print(f"  {'path':42} {'M events/s CPU':>14} {'vs DuckDB 1t':>12} {'M events/s wall':>15} {'vs DuckDB 1t':>12}")
    lines = [
        ("Rust Tally::day_totals (numbered rows)", "tally"),
        ("Rust Tally, string member ids interned", "tally_interned"),
        ("Rust Scorer::ingest_columns (ledger)", "scorer"),
    ]
    rows = [(name, rust[f"{key}_cpu_s"], rust[f"{key}_wall_s"]) for name, key in lines]
    rows += [("DuckDB SQL, threads=1", *one), ("DuckDB SQL, threads=2", *two)]
    rate = lambda s: n / s / 1e6
    for name, cpu, wall in rows:
        print(f"  {name:42} {rate(cpu):14.2f} {one[0] / cpu:11.2f}x {rate(wall):15.2f} {one[1] / wall:11.2f}x")
    print(f"  fast path vs DuckDB threads=2, wall: {two[1] / rust['tally_wall_s']:.2f}x")
    print(
        f"  memory: fast path peak {rust['tally_peak_bytes_per_event']:.1f} bytes/event; Scorer holds "
        f"{rust['scorer_closed_daily_bytes_per_event']:.1f} bytes/event fed a day at a time with close_through, "
        f"{rust['scorer_unclosed_bytes_per_event']:.1f} unclosed"
    )


def main():
    out, sizes = sys.argv[1], [int(n) for n in sys.argv[2:]]
    rounds = int(os.environ.get("BENCH_ROUNDS", "3"))
    for n in sizes:
        run(out, n, rounds)


if __name__ == "__main__":
    main()
