#!/usr/bin/env python3
"""Builds ~N MB benchmark inputs for bench/parse_bench.sh by repeating real sections of
the corpus profiles (ziskemu DETAIL blocks, SP1 span trees, RISC0 phase lines, OpenVM
metric entries, callgrind function blocks, zkgate JSON functions). Run on demand only."""
import json
import sys
from pathlib import Path


def fill(out, head, blocks, tail, target):
    """Writes head, then the blocks (a function of the round) until target bytes, then tail."""
    size = 0
    with open(out, "w") as f:
        f.write(head)
        size += len(head.encode())
        round_ = 0
        while size < target:
            chunk = blocks(round_)
            f.write(chunk)
            size += len(chunk.encode())
            round_ += 1
        f.write(tail)
    return round_


def ziskemu(corpus, out, target):
    text = (corpus / "profiles/zisk/ethrex-05_avoid_nodetype_clone.txt").read_text()
    first = text.index("DETAIL FUNCTION ")
    words = text.index("\n509c1255")
    head, details, tail = text[:first], text[first:words + 1], text[words + 1:]
    blocks = ["DETAIL FUNCTION " + b for b in details.split("DETAIL FUNCTION ")[1:]]
    head += "".join(blocks)  # the real 25 blocks, then renamed copies: new, unranked functions

    def renamed(round_):
        return "".join(b.replace("DETAIL FUNCTION ", "DETAIL FUNCTION bench%d::" % round_, 1) for b in blocks)
    fill(out, head, renamed, tail, target)


def sp1(corpus, out, target):
    lines = (corpus / "profiles/sp1/ethrex-ffd9210b-sp1-execute-block23721540.log").read_text().splitlines(True)
    start = next(i for i, l in enumerate(lines) if l.rstrip().endswith("\u250c\u2574execution"))
    end = next(i for i, l in enumerate(lines) if "\u2514\u2574858,494,608 cycles" in l)
    head, block, tail = "".join(lines[:start]), "".join(lines[start:end + 1]), "".join(lines[end + 1:])
    fill(out, head, lambda r: block, tail, target)


def risc0(corpus, out, target):
    lines = (corpus / "profiles/risc0/ethrex-e8b776a8-risc0-execute-block23350480-before.log").read_text().splitlines(True)
    start = next(i for i, l in enumerate(lines) if l.startswith("start reading input"))
    total = next(i for i, l in enumerate(lines) if l.startswith("total cycles: "))
    head, block, tail = "".join(lines[:start]), "".join(lines[start:total]), "".join(lines[total:])
    fill(out, head, lambda r: block, tail, target)


def openvm(corpus, out, target):
    document = json.loads((corpus / "profiles/openvm/openvm-metrics.example.json").read_text())
    text = json.dumps(document, indent=2)
    entries = json.dumps(document["counter"], indent=2)[1:-1].strip("\n")  # the list's items
    copies = max(1, int(target / len(entries)))
    document_text = text.replace('"counter": [', '"counter": [' + ",\n".join([entries] * copies) + ",", 1)
    Path(out).write_text(document_text)


def callgrind(source, out, target):
    text = Path(source).read_text()
    summary_at = text.index("\nsummary: ")
    body_start = text.index("\n\n", summary_at) + 1
    totals_at = text.index("\ntotals: ")
    head, body = text[:body_start], text[body_start:totals_at + 1]
    total = int(text[totals_at + 9:].split()[0])
    copies = max(1, int(target / len(body)))
    head = head.replace("summary: %d" % total, "summary: %d" % (total * copies))
    with open(out, "w") as f:
        f.write(head)
        for _ in range(copies):
            f.write(body)
        f.write("totals: %d\n" % (total * copies))


def zkgate_json(source, out, target):
    document = json.loads(Path(source).read_text())
    functions = document["functions"]
    one = len(json.dumps(functions, indent=1))
    copies = max(1, int(target / one))
    document["functions"] = [dict(f, name="copy%d::%s" % (i, f["name"])) for i in range(copies) for f in functions]
    Path(out).write_text(json.dumps(document, indent=1))


if __name__ == "__main__":
    kind, source, out, megabytes = sys.argv[1], Path(sys.argv[2]), sys.argv[3], float(sys.argv[4])
    target = int(megabytes * 1e6)
    {"ziskemu": ziskemu, "sp1-log": sp1, "risc0-log": risc0, "openvm-metrics": openvm,
     "callgrind": callgrind, "zkgate-json": zkgate_json}[kind](source, out, target)
