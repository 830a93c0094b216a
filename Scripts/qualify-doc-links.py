#!/usr/bin/env python3
"""Rewrites doc-comment symbol links that point into another module so DocC can resolve them.

A link such as ``StoreError`` in DiversityKitSQLite names a symbol of DiversityKit; DocC resolves
it only as ``/DiversityKit/StoreError``. After `Scripts/build-docs.sh` fails, run

    Scripts/qualify-doc-links.py .build/docs/stage/*/diagnostics.json

to qualify every "'X' doesn't exist" link whose X is a top-level symbol (or the name) of another
module; everything else it prints, for a person to fix. Then run build-docs.sh again.
"""
import glob, json, os, sys, urllib.parse

root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
graphs = glob.glob(os.path.join(root, ".build", "*", "symbolgraph"))
owners = {}  # top-level symbol name -> module
modules = set()
for g in graphs:
    for path in glob.glob(os.path.join(g, "*.symbols.json")):
        name = os.path.basename(path)
        if "@" in name:
            continue
        module = name.split(".")[0]
        if module.endswith("Tests") or module in ("ExampleSupport", "SeedScenarios"):
            continue
        modules.add(module)
        for s in json.load(open(path))["symbols"]:
            if len(s["pathComponents"]) == 1:
                owners.setdefault(s["pathComponents"][0], set()).add(module)

edits = {}  # file -> list of (line, start col, end col, expected, replacement)
left = []
for diagnostics in sys.argv[1:]:
    for d in json.load(open(diagnostics))["diagnostics"]:
        summary = d["summary"]
        source = urllib.parse.unquote(d.get("source", "").replace("file://", ""))
        r = d.get("range")
        if summary.endswith("is missing documentation") or not r or "doesn't exist at '/" not in summary:
            left.append(f"{source}:{r['start']['line'] if r else '?'}: {summary}")
            continue
        name = summary.split("'")[1]
        here = summary.split("doesn't exist at '/")[1].split("/")[0]
        if name in modules and name != here:
            replacement = "/" + name
        elif len(owners.get(name, set()) - {here}) == 1:
            replacement = "/" + next(iter(owners[name] - {here})) + "/" + name
        else:
            left.append(f"{source}:{r['start']['line']}: {summary}")
            continue
        start, end = r["start"], r["end"]
        edits.setdefault(source, set()).add((start["line"], start["column"], end["column"], name, replacement))

for path, changes in edits.items():
    lines = open(path, encoding="utf-8").read().split("\n")
    # Right to left within a line, so earlier columns stay valid.
    for line, a, b, name, replacement in sorted(changes, key=lambda c: (c[0], -c[1])):
        text = lines[line - 1]
        # DocC columns count UTF-8 bytes from 1.
        raw = text.encode("utf-8")
        if raw[a - 1:b - 1].decode("utf-8") != name:
            left.append(f"{path}:{line}: expected {name!r} at column {a}")
            continue
        lines[line - 1] = (raw[:a - 1] + replacement.encode("utf-8") + raw[b - 1:]).decode("utf-8")
    open(path, "w", encoding="utf-8").write("\n".join(lines))
    print(f"qualified {len(changes)} links in {os.path.relpath(path, root)}")
for l in sorted(set(left)):
    print("left for a person:", os.path.relpath(l, root) if l.startswith("/") else l)
