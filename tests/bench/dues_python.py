"""Python: the columnar dues entry (`MonthRules`) beside what a Python user would write instead, a plain loop
over `decimal.Decimal` with the same bracket table and half-up rounding at the fen.

Run by tests/bench/dues.sh (which builds the library and generates the module); not a test. Prints one line per
path (best of N wall-clock seconds for the whole column, members/s) and the ratios against the peer.

Fairness: the peer's bases are built as `Decimal` before timing (its natural input, not counted); every
dangjian path is timed from a Python `list[int]` of fen to a column of amounts the caller can index (packing and
unpacking included). The peer's table and rounding are read from the same bundled policy for the month, and all
results are compared member by member before anything is timed.
"""

import json
import os
import random
import sys
import time
from array import array
from decimal import ROUND_HALF_UP, Decimal

import dangjian as dj
import dangjian_types as djt

N = int(os.environ.get("BENCH_MEMBERS", "1000000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
MONTH = "2026-11"

try:  # numpy is never required: its path is measured only when it is installed
    import numpy
except ImportError:
    numpy = None


def in_force(timeline, month):
    """The entry of a dated timeline in force on the first day of `month` (ISO dates compare as text)."""
    day = f"{month}-01"
    for entry in timeline:
        if entry["effective_from"] <= day and ("effective_to" not in entry or day <= entry["effective_to"]):
            return entry["value"]
    sys.exit(f"no entry in force on {day}")


def peer_rules(policy):
    """The employed bracket table and the rounding from the policy document, as a user would read them."""
    dues = json.loads(policy.to_json())["dues"]
    brackets = [(None if b.get("up_to") is None else Decimal(b["up_to"]), Decimal(b["rate"]))
                for b in in_force(dues["employed_brackets"], MONTH)]
    rounding = in_force(dues["rounding"], MONTH)
    assert rounding == {"mode": "half_up", "scale": 2}, rounding
    return brackets


def peer(brackets, bases):
    """The hand-written loop: the first bracket whose inclusive bound is not below the base, its rate on the
    whole base (2008 Rules Art. 2), half-up at the fen."""
    cent = Decimal("0.01")
    out = []
    append = out.append
    for base in bases:
        for up_to, rate in brackets:
            if up_to is None or base <= up_to:
                break
        append((base * rate).quantize(cent, rounding=ROUND_HALF_UP))
    return out


def best(fn, rounds):
    times = []
    result = None
    for _ in range(rounds):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main():
    rng = random.Random(2026)
    # Up to 30 000 yuan: every bracket, the bounds themselves and well past the top one.
    bases = [rng.randrange(0, 3_000_000) for _ in range(N)]
    bases[:6] = [300_000, 300_001, 500_000, 500_001, 1_000_000, 1_000_001]
    policy = dj.Policy.bundled()
    rules = dj.MonthRules.resolve(policy, MONTH)
    brackets = peer_rules(policy)
    decimals = [Decimal(b).scaleb(-2) for b in bases]
    employed = djt.Category.EMPLOYED

    paths = {
        "dangjian amounts_fen_buffer (array('q') bytes lent in place, array out)": lambda: array(
            "q", rules.amounts_fen_buffer(employed, array("q", bases).tobytes()).amounts_le),
        "dangjian amounts_fen_packed (array('q') bytes in, array out)": lambda: array(
            "q", rules.amounts_fen_packed(employed, array("q", bases).tobytes()).amounts_le),
        # Timed once: every element crosses one by one (UniFFI's sequence converter), tens of times slower.
        "dangjian amounts_fen (list[int] in and out, element by element; 1 run)": lambda: rules.amounts_fen(
            employed, bases).amounts_fen,
    }
    if numpy is not None:
        column = numpy.asarray(bases, dtype="<i8")
        paths["dangjian amounts_fen_packed (numpy int64 column in and out, no copy out)"] = lambda: numpy.frombuffer(
            rules.amounts_fen_packed(employed, column.tobytes()).amounts_le, dtype="<i8")
        paths["dangjian amounts_fen_buffer (numpy int64 column in and out, no copy out)"] = lambda: numpy.frombuffer(
            rules.amounts_fen_buffer(employed, column.tobytes()).amounts_le, dtype="<i8")

    # Member by member, before timing.
    want = [int(a.scaleb(2)) for a in peer(brackets, decimals)]
    for name, fn in paths.items():
        got = list(map(int, fn()))
        bad = next((i for i, (w, g) in enumerate(zip(want, got)) if w != g), None)
        if len(got) != len(want) or bad is not None:
            sys.exit(f"MISMATCH {name}: member {bad}: base {bases[bad]} fen, peer {want[bad]}, dangjian {got[bad]}")
    print(f"python: {N} members, employed, {MONTH}; every path equals the decimal loop member by member; "
          f"best of {ROUNDS}" + ("" if numpy is not None else "; numpy not installed (its path skipped)"))

    peer_s, _ = best(lambda: peer(brackets, decimals), ROUNDS)
    print(f"  {'peer: plain decimal.Decimal loop':<78} {peer_s:8.3f} s {N / peer_s / 1e6:8.2f} M/s")
    for name, fn in paths.items():
        s, _ = best(fn, 1 if "1 run" in name else ROUNDS)
        print(f"  {name:<78} {s:8.3f} s {N / s / 1e6:8.2f} M/s  {peer_s / s:6.2f}x the peer")


if __name__ == "__main__":
    main()
