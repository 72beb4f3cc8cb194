#!/usr/bin/env python3
"""Prints the change of total steps, in percent, summed over every compared case of a
zkgate report JSON (schema "zkgate-report"); prints nothing when no case was compared."""
import json
import sys


def main(path):
    with open(path, encoding="utf-8") as handle:
        report = json.load(handle)
    base = head = 0
    for case in report.get("cases", []):
        total = (case.get("comparison") or {}).get("total") or {}
        if isinstance(total.get("base"), (int, float)) and isinstance(total.get("head"), (int, float)):
            base += total["base"]
            head += total["head"]
    if base > 0:
        print("%+.2f" % ((head - base) * 100.0 / base))


if __name__ == "__main__":
    main(sys.argv[1])
