"""Checks `causeway-cli estimate --json` (stdin) against a stratified Pearson chi-square
computed here from the CSV, independently of Causeway.

usage: check-chisquare.py DATA.csv X Y [Z ...]
"""
import csv
import json
import math
import sys
from collections import Counter, defaultdict


def upper_tail(x, df):
    """P(chi-square(df) >= x) for integer df, by the closed-form series."""
    k = int(df)
    if k % 2 == 0:
        term, total = 1.0, 1.0
        for i in range(1, k // 2):
            term *= (x / 2) / i
            total += term
        return math.exp(-x / 2) * total
    total = math.erfc(math.sqrt(x / 2))
    term = math.sqrt(2 * x / math.pi) * math.exp(-x / 2)
    for i in range(1, (k - 1) // 2 + 1):
        total += term
        term *= x / (2 * i + 1)
    return total


def stratified_pearson(rows, x, y, z):
    strata = defaultdict(list)
    for r in rows:
        strata[tuple(r[v] for v in z)].append((r[x], r[y]))
    statistic, df = 0.0, 0
    for pairs in strata.values():
        cells, xs, ys, n = Counter(pairs), Counter(a for a, _ in pairs), Counter(b for _, b in pairs), len(pairs)
        df += (len(xs) - 1) * (len(ys) - 1)
        for a in xs:
            for b in ys:
                e = xs[a] * ys[b] / n
                statistic += (cells[(a, b)] - e) ** 2 / e
    return statistic, df, len(rows)


def main():
    path, x, y, z = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    with open(path, newline="") as f:
        rows = [r for r in csv.DictReader(f) if all(r[v] != "" for v in [x, y, *z])]
    expected, df, n = stratified_pearson(rows, x, y, z)
    p = upper_tail(expected, df)
    doc = json.load(sys.stdin)
    found = [t for t in doc["implication_tests"] if {t["x"], t["y"]} == {x, y} and sorted(t["given"]) == sorted(z)]
    if len(found) != 1:
        sys.exit(f"expected one implication test of {x} _||_ {y} | {z}, found {len(found)}")
    t = found[0]
    checks = [
        (t["test"] == "chi-square (Pearson)", f"test is {t['test']!r}"),
        (abs(t["statistic"] - expected) <= 1e-9 * max(1.0, expected), f"statistic {t['statistic']} != {expected}"),
        (t["df"] == df, f"df {t['df']} != {df}"),
        (abs(t["p_value"] - p) <= 1e-9 + 1e-6 * p, f"p_value {t['p_value']} != {p}"),
        (t["n"] == n, f"n {t['n']} != {n}"),
        ("conventions" in t and "Pearson" in t["conventions"], "conventions missing"),
    ]
    for ok, message in checks:
        if not ok:
            sys.exit("chi-square mismatch: " + message)
    print(f"chi-square matches: X2 = {expected:.6f}, df = {df}, p = {p:.6g}")


main()
