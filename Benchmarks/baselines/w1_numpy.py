#!/usr/bin/env python3
"""W1 baseline: the survey aggregation of DiversityKitBenchmarks, written the way a numpy user would.

Reads the files the benchmark generates (answers.i8: rows x items int8, 0 = missing; units.i32;
layout.json) and prints one JSON object: per-item n, missing, mean, sd (ddof=1) and counts per point;
Cronbach's alpha per scale over complete cases (reverse-coded items flipped); per scale and unit the
number of respondents with a scale score (mean of answered items, at least minimumAnswered of them)
and their mean score, null when fewer than k = 5; the seconds of each repetition and the peak RSS.

usage: w1_numpy.py DATA_DIR [--repeat R]
"""
import json
import os
import resource
import sys
import time

try:
    import numpy as np
except ImportError:
    sys.exit("the W1 baseline needs numpy: pip install numpy")

K_ANONYMITY = 5


def aggregate(directory, layout):
    k_items = layout["itemCount"]
    low, high = layout["points"]
    missing = layout["missingCode"]
    n_units = layout["unitCount"]
    answers = np.fromfile(os.path.join(directory, "answers.i8"), dtype=np.int8).reshape(-1, k_items)
    units = np.fromfile(os.path.join(directory, "units.i32"), dtype="<i4")

    items = []
    for i in range(k_items):
        col = answers[:, i]
        given = col[col != missing]
        counts = np.bincount(given - low, minlength=high - low + 1)
        items.append({"n": int(given.size), "missing": int(col.size - given.size),
                      "mean": float(given.mean()), "sd": float(given.std(ddof=1)),
                      "counts": [int(c) for c in counts]})

    alpha, complete, cells = [], [], []
    for scale in layout["scales"]:
        block = answers[:, scale["items"]].astype(np.int64)
        answered = block != missing
        flip = np.array(scale["reversed"])
        block = np.where(flip & answered, low + high - block, block)
        block[~answered] = 0
        n_answered = answered.sum(axis=1)

        full = block[n_answered == len(scale["items"])].astype(np.float64)
        k = full.shape[1]
        item_var = full.var(axis=0, ddof=1).sum()
        total_var = full.sum(axis=1).var(ddof=1)
        alpha.append(float(k / (k - 1) * (1 - item_var / total_var)))
        complete.append(int(full.shape[0]))

        scored = (n_answered >= scale["minimumAnswered"]) & (units >= 0)
        scores = block.sum(axis=1)[scored] / n_answered[scored]
        n = np.bincount(units[scored], minlength=n_units)
        sums = np.bincount(units[scored], weights=scores, minlength=n_units)
        cells.append([{"n": int(c), "mean": float(s / c) if c >= K_ANONYMITY else None} for c, s in zip(n, sums)])
    return {"items": items, "alpha": alpha, "complete": complete, "cells": cells}


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    directory = args[0]
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 1
    seconds = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        with open(os.path.join(directory, "layout.json")) as f:
            layout = json.load(f)
        result = aggregate(directory, layout)
        seconds.append(time.perf_counter() - start)
    result["seconds"] = seconds
    result["peak_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
