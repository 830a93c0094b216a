#!/usr/bin/env python3
"""W2 baseline: the same survey responses inserted with Python's sqlite3 executemany, then read back.

Tables and settings equal the DiversityKit SQLite store's (schema v2: records + record_keys WITHOUT
ROWID, the key lookup index, WAL, synchronous=NORMAL, foreign_keys=ON), so both sides do the same
work: one records row per response (type, id, version, payload) and one record_keys row per index key
(questionnaire, version, unit). The ids and compact payloads are the ones the benchmark stored (read
from its dump, untimed). Insert: one transaction, one executemany per table. Read: one SELECT of
records joined with their whole keys, ordered by id, each row turned into (id, version, payload, keys).

usage: w2_sqlite.py ENVELOPES_BIN UNITS_I32 WORK_DIR [--repeat R]
"""
import json
import os
import resource
import sqlite3
import struct
import sys
import time

SCHEMA = """
CREATE TABLE records (
    type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, payload BLOB NOT NULL,
    PRIMARY KEY (type, id)
) WITHOUT ROWID;
CREATE TABLE record_keys (
    type TEXT NOT NULL, id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
    whole INTEGER NOT NULL CHECK (whole IN (0, 1)),
    PRIMARY KEY (type, id, key, whole, value),
    FOREIGN KEY (type, id) REFERENCES records (type, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX record_keys_lookup ON record_keys (type, key, value);
"""
TYPE = "survey.response"
QUESTIONNAIRE = "benchmark-w1"
VERSION = "benchmark-w1#1"


def load(dump_path, units_path):
    with open(dump_path, "rb") as f:
        blob = f.read()
    with open(units_path, "rb") as f:
        raw = f.read()
    units = struct.unpack("<%di" % (len(raw) // 4), raw)
    records, keys, offset = [], [], 0
    for unit in units:
        rid = blob[offset:offset + 36].decode()
        (length,) = struct.unpack_from("<H", blob, offset + 36)
        payload = blob[offset + 38:offset + 38 + length]
        offset += 38 + length
        records.append((TYPE, rid, 1, payload))
        keys.append((TYPE, rid, "questionnaire", QUESTIONNAIRE, 1))
        keys.append((TYPE, rid, "unit", "unit-%03d" % unit, 1))
        keys.append((TYPE, rid, "version", VERSION, 1))
    return records, keys


def open_db(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = NORMAL")
    db.executescript(SCHEMA)
    return db


def main():
    args = sys.argv[1:]
    if len(args) < 3:
        sys.exit(__doc__)
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 1
    records, keys = load(args[0], args[1])
    inserts, reads = [], []
    for _ in range(repeat):
        db = open_db(os.path.join(args[2], "baseline.sqlite"))
        start = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        db.executemany("INSERT INTO records (type, id, version, payload) VALUES (?, ?, ?, ?)", records)
        db.executemany("INSERT INTO record_keys (type, id, key, value, whole) VALUES (?, ?, ?, ?, ?)", keys)
        db.execute("COMMIT")
        inserts.append(time.perf_counter() - start)

        start = time.perf_counter()
        rows, last = [], None
        for rid, version, payload, key, value in db.execute(
                "SELECT r.id, r.version, r.payload, k.key, k.value FROM records r "
                "LEFT JOIN record_keys k ON k.type = r.type AND k.id = r.id AND k.whole = 1 "
                "WHERE r.type = ? ORDER BY r.id", (TYPE,)):
            if rid != last:
                rows.append((rid, version, payload, {}))
                last = rid
            if key is not None:
                rows[-1][3][key] = value
        reads.append(time.perf_counter() - start)
        if len(rows) != len(records):
            sys.exit("read back %d of %d rows" % (len(rows), len(records)))
        db.close()
    json.dump({"rows": len(records), "insert_seconds": inserts, "read_seconds": reads,
               "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}, sys.stdout)


if __name__ == "__main__":
    main()
