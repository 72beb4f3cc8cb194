#!/usr/bin/env python3
"""Writes two eth-act results trees (base/ and head/) of N workloads each for bench/suite-bench.sh.

Every file is a copy of a real execution result from ../shared/corpus/bulk with a unique
fixture name and perturbed numbers (seeded, so runs are repeatable). Head differs from
base by up to +/-3% per workload, a few regressions and crashes, some workloads missing
and some new. Files keep the harness's layout: pretty-printed, no trailing newline.
"""
import json
import pathlib
import random
import sys


def load_templates(bulk: pathlib.Path):
    templates = []
    for path in sorted(bulk.rglob("*.json")):
        parts = path.parts
        if "executions" not in parts or path.name == "hardware.json":
            continue
        zkvm_dir = path.parent.name
        guest_dir = path.parent.parent.name
        doc = json.loads(path.read_text())
        if "success" not in doc.get("execution", {}):
            continue  # crashes are injected below, at a realistic rate
        templates.append((guest_dir, zkvm_dir, doc))
    if not templates:
        sys.exit(f"suite_bench_gen: no execution results under {bulk}")
    return templates


def write(path: pathlib.Path, doc) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=2))  # no trailing newline, like serde_json


def perturb(doc, name: str, factor: float):
    out = json.loads(json.dumps(doc))
    out["name"] = name
    success = out.get("execution", {}).get("success")
    if success and success["total_num_cycles"] > 0:
        success["total_num_cycles"] = max(1, int(success["total_num_cycles"] * factor))
        duration = success["execution_duration"]
        nanos = int((duration["secs"] * 1e9 + duration["nanos"]) * factor)
        duration["secs"], duration["nanos"] = divmod(nanos, 1_000_000_000)
    return out


def main() -> None:
    bulk, out_dir, count = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(20260722)
    templates = load_templates(bulk)
    crashed = {"execution": {"crashed": {"reason": "Operation timed out after 300s"}}}
    for i in range(count):
        guest_dir, zkvm_dir, doc = templates[i % len(templates)]
        name = f"{doc['name']}__bench_{i:05d}"
        relative = pathlib.Path(guest_dir) / zkvm_dir / f"{name}.json"
        base_factor = rng.uniform(0.5, 2.0)
        write(out_dir / "base" / relative, perturb(doc, name, base_factor))
        roll = rng.random()
        if roll < 0.002:
            continue  # missing in head
        if roll < 0.004:
            write(out_dir / "head" / relative, {**perturb(doc, name, 1.0), **crashed})
            continue
        change = rng.uniform(1.02, 1.30) if roll < 0.01 else rng.uniform(0.97, 1.03)
        write(out_dir / "head" / relative, perturb(doc, name, base_factor * change))
    for i in range(count // 500):
        guest_dir, zkvm_dir, doc = templates[i % len(templates)]
        name = f"{doc['name']}__new_{i:05d}"
        write(out_dir / "head" / guest_dir / zkvm_dir / f"{name}.json", perturb(doc, name, 1.0))


if __name__ == "__main__":
    main()
