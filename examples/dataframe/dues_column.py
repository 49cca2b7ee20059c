"""A dues column inside a dataframe: a generated roster as an Arrow table, its dues computed by the columnar
entry of the Python binding (`MonthRules.amounts_fen_buffer`, one call per category over the category's int64
fen column), added as a column, and the totals printed.

Run by examples/dataframe/run.sh (which builds the binding and installs pyarrow and numpy into a venv):

    bash examples/dataframe/run.sh                      # 10 M members, seed 2026, 2026-11
    bash examples/dataframe/run.sh --members 200000 --month 2016-06

The amounts are exactly what `assess_dues` gives each member (2008 Rules Arts. 2–6, the bundled policy):
tests/python/test_dataframe_example.py checks a small roster against the record API member by member.

What is copied: a category's bases are gathered from the table into one contiguous int64 array (a roster mixes
categories; a table already partitioned by category passes each slice as it lies), handed over as `bytes`
(the one form a CPython binding can borrow without a copy on the Rust side), and the amounts come back as
`bytes` that numpy views in place (`numpy.frombuffer`) before they are scattered into the dues column.
"""

import argparse
import json
import sys
import time

import numpy as np
import pyarrow as pa

import dangjian as dj
import dangjian_types as djt

# The roster's categories and their shares: rated (a base and a bracket table) and flat (Art. 6).
CATEGORIES = ("employed", "retired", "student", "farmer")
SHARES = (0.62, 0.30, 0.05, 0.03)
# One trillion yuan in fen: the largest base the core accepts.
MAX_BASE_FEN = 100_000_000_000_000


def roster(members, seed):
    """A seeded roster: `member_no`, `category` (dictionary-encoded) and `base_fen` (int64, monthly base in fen,
    up to 30 000 yuan so every bracket and its bounds occur)."""
    rng = np.random.default_rng(seed)
    codes = rng.choice(len(CATEGORIES), size=members, p=SHARES).astype(np.int8)
    base_fen = rng.integers(0, 3_000_000, size=members, dtype=np.int64)
    return pa.table({
        "member_no": pa.array(np.arange(members, dtype=np.int64)),
        "category": pa.DictionaryArray.from_arrays(pa.array(codes), pa.array(CATEGORIES)),
        "base_fen": pa.array(base_fen),
    })


def category_of(name):
    return getattr(djt.Category, name.upper())


def dues_column(table, rules):
    """The dues in fen of every row of `table` (columns `category`, `base_fen`) under `rules`, as an int64
    Arrow array, and the refused rows as (row, code) pairs. One call of the columnar entry per category."""
    category = table.column("category").combine_chunks()
    codes = category.indices.to_numpy(zero_copy_only=False)
    names = category.dictionary.to_pylist()
    # Zero-copy when the column is one chunk without nulls (as generated): numpy views Arrow's buffer.
    bases = table.column("base_fen").combine_chunks().to_numpy(zero_copy_only=True)
    dues = np.zeros(len(table), dtype=np.int64)
    refused = []
    for code, name in enumerate(names):
        rows = np.flatnonzero(codes == code)
        if rows.size == 0:
            continue
        column = bases if rows.size == len(bases) else np.take(bases, rows)
        out = rules.amounts_fen_buffer(category_of(name), column.astype("<i8", copy=False).tobytes())
        dues[rows] = np.frombuffer(out.amounts_le, dtype="<i8")
        refused += [(int(rows[e.index]), e.code) for e in out.errors]
    return pa.array(dues), sorted(refused)


def totals(table):
    """Members and dues in yuan per category, from the table's `category` and `dues_fen` columns."""
    category = table.column("category").combine_chunks()
    codes = category.indices.to_numpy(zero_copy_only=False)
    dues = table.column("dues_fen").combine_chunks().to_numpy(zero_copy_only=True)
    rows = []
    for code, name in enumerate(category.dictionary.to_pylist()):
        mine = codes == code
        rows.append((name, int(mine.sum()), int(dues[mine].sum())))
    return rows


def yuan(fen):
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100:,}.{abs(fen) % 100:02d}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--members", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--month", default="2026-11")
    parser.add_argument("--dump", help="write the roster and its dues as JSON to this file (for the test)")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    table = roster(args.members, args.seed)
    t1 = time.perf_counter()
    rules = dj.MonthRules.bundled(args.month)
    dues, refused = dues_column(table, rules)
    table = table.append_column("dues_fen", dues)
    t2 = time.perf_counter()

    print(f"pyarrow {pa.__version__}, numpy {np.__version__}: {table.num_rows:,} members (seed {args.seed}), "
          f"{args.month}, bundled policy")
    print(f"  roster generated in {t1 - t0:.2f} s; dues column in {t2 - t1:.2f} s "
          f"({table.num_rows / (t2 - t1) / 1e6:.1f} M members/s), {len(refused)} refused")
    grand = 0
    for name, members, fen in totals(table):
        grand += fen
        print(f"  {name:<10} {members:>12,} members {yuan(fen):>22} yuan")
    print(f"  {'total':<10} {table.num_rows:>12,} members {yuan(grand):>22} yuan")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            json.dump({
                "category": table.column("category").to_pylist(),
                "base_fen": table.column("base_fen").to_pylist(),
                "dues_fen": table.column("dues_fen").to_pylist(),
                "refused": refused,
            }, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
