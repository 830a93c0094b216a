#!/usr/bin/env python3
"""W2 baselines for survey responses stored compactly: the plain SQLite table, DuckDB and polars.

Reads the W1 files the benchmark generates (answers.i8: rows x 24 int8, 0 = missing; units.i32) and,
for each repetition:
- insert: Python sqlite3 executemany into the plain table responses(questionnaire, unit, answers BLOB)
  in one transaction (WAL, synchronous=NORMAL, as the store); the rows are built as tuples first,
  untimed. Then the file's bytes after close.
- sqlite+numpy: connect to that file, SELECT unit, answers, turn the result into numpy arrays and count
  per unit x item x code with one bincount. Timed from connect to counts done.
- duckdb: the same rows in a DuckDB file (unit VARCHAR, 24 UTINYINT columns), inserted from a polars
  frame (timed separately); open -> counts is connect + one UNPIVOT ... GROUP BY query, fetched.
- polars: the same frame written as Parquet (untimed); open -> counts is read_parquet + unpivot +
  group_by, collected.
Every engine's counts are checked against each other; the numpy counts are printed for the caller.

usage: w2_rows.py DATA_DIR WORK_DIR [--repeat R]
"""
import json
import os
import resource
import sqlite3
import sys
import time

import numpy as np

ITEMS = 24
CODES = 6  # 0 = missing, 1..5
QUESTIONNAIRE = "benchmark-w1#1"


def unit_name(u):
    return "unit-%03d" % u


def remove(path):
    for suffix in ("", "-wal", "-shm", ".wal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def sqlite_insert(path, tuples):
    remove(path)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("CREATE TABLE responses (questionnaire TEXT NOT NULL, unit TEXT NOT NULL, answers BLOB NOT NULL)")
    start = time.perf_counter()
    db.execute("BEGIN IMMEDIATE")
    db.executemany("INSERT INTO responses (questionnaire, unit, answers) VALUES (?, ?, ?)", tuples)
    db.execute("COMMIT")
    seconds = time.perf_counter() - start
    db.close()
    return seconds, os.path.getsize(path)


def sqlite_numpy_counts(path, n_units):
    start = time.perf_counter()
    db = sqlite3.connect(path)
    index = {unit_name(u): u for u in range(n_units)}
    rows = db.execute("SELECT unit, answers FROM responses").fetchall()
    units = np.fromiter((index[u] for u, _ in rows), dtype=np.int64, count=len(rows))
    answers = np.frombuffer(b"".join(a for _, a in rows), dtype=np.int8).reshape(-1, ITEMS).astype(np.int64)
    flat = units[:, None] * (ITEMS * CODES) + np.arange(ITEMS) * CODES + answers
    counts = np.bincount(flat.ravel(), minlength=n_units * ITEMS * CODES)
    db.close()
    return time.perf_counter() - start, counts


def frame(answers, units):
    import polars as pl
    columns = {"unit": pl.Series("unit", [unit_name(u) for u in range(units.max() + 1)])[units]}
    for i in range(ITEMS):
        columns["a%d" % (i + 1)] = pl.Series(answers[:, i].astype(np.uint8))
    return pl.DataFrame(columns)


def to_counts(unit, item, code, n, n_units):
    unit_index = np.array([int(u[5:]) for u in unit], dtype=np.int64)
    item_index = np.array([int(i[1:]) - 1 for i in item], dtype=np.int64)
    counts = np.zeros(n_units * ITEMS * CODES, dtype=np.int64)
    np.add.at(counts, unit_index * ITEMS * CODES + item_index * CODES + np.asarray(code, dtype=np.int64), np.asarray(n))
    return counts


def duckdb_run(path, df, n_units):
    import duckdb
    remove(path)
    con = duckdb.connect(path)
    start = time.perf_counter()
    con.execute("CREATE TABLE responses AS SELECT * FROM df")
    con.close()
    insert = time.perf_counter() - start
    size = os.path.getsize(path)
    start = time.perf_counter()
    con = duckdb.connect(path, read_only=True)
    result = con.execute(
        "SELECT unit, item, code, count(*) AS n FROM "
        "(UNPIVOT responses ON COLUMNS('a.*') INTO NAME item VALUE code) GROUP BY ALL").fetchnumpy()
    con.close()
    seconds = time.perf_counter() - start
    return insert, size, seconds, to_counts(result["unit"], result["item"], result["code"], result["n"], n_units)


def polars_run(path, df, n_units):
    import polars as pl
    if os.path.exists(path):
        os.remove(path)
    df.write_parquet(path)
    size = os.path.getsize(path)
    start = time.perf_counter()
    out = (pl.scan_parquet(path)
           .unpivot(index="unit", variable_name="item", value_name="code")
           .group_by("unit", "item", "code").len()
           .collect())
    seconds = time.perf_counter() - start
    return size, seconds, to_counts(out["unit"].to_list(), out["item"].to_list(), out["code"].to_numpy(), out["len"].to_numpy(), n_units)


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 1
    data, work = args[0], args[1]
    answers = np.fromfile(os.path.join(data, "answers.i8"), dtype=np.int8).reshape(-1, ITEMS)
    units = np.fromfile(os.path.join(data, "units.i32"), dtype="<i4")
    n_units = int(units.max()) + 1
    names = [unit_name(u) for u in range(n_units)]
    tuples = [(QUESTIONNAIRE, names[u], answers[r].tobytes()) for r, u in enumerate(units.tolist())]
    df = frame(answers, units)
    out = {"rows": len(tuples), "insert_seconds": [], "numpy_seconds": [], "duckdb_insert_seconds": [],
           "duckdb_seconds": [], "polars_seconds": []}
    plain = os.path.join(work, "plain.sqlite")
    for _ in range(repeat):
        seconds, size = sqlite_insert(plain, tuples)
        out["insert_seconds"].append(seconds)
        out["plain_bytes"] = size
        seconds, counts = sqlite_numpy_counts(plain, n_units)
        out["numpy_seconds"].append(seconds)
        insert, size, seconds, duck = duckdb_run(os.path.join(work, "plain.duckdb"), df, n_units)
        out["duckdb_insert_seconds"].append(insert)
        out["duckdb_seconds"].append(seconds)
        out["duckdb_bytes"] = size
        size, seconds, polar = polars_run(os.path.join(work, "plain.parquet"), df, n_units)
        out["polars_seconds"].append(seconds)
        out["parquet_bytes"] = size
        if not (np.array_equal(counts, duck) and np.array_equal(counts, polar)):
            sys.exit("the baselines' counts differ")
    out["counts"] = counts.tolist()
    out["peak_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
