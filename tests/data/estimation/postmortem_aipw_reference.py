#!/usr/bin/env python3
"""Independent AIPW (ATE) on resources/examples/postmortem.csv, in plain Python (no Causeway code):
logistic regression of ConfigRollout on Region dummies and Traffic by Newton's method, OLS of
ErrorRate on the same covariates within each arm, then
    phi_i = mu1 - mu0 + T (y - mu1) / e - (1 - T) (y - mu0) / (1 - e),  ATE = mean(phi),
    SE = sd(phi) / sqrt(n)  (Glynn & Quinn 2010). Prints the ATE and SE used by the CLI test."""
import csv
import math
import sys


def solve(a, b):
    """Solves a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def ols(x, y):
    k = len(x[0])
    xtx = [[sum(r[i] * r[j] for r in x) for j in range(k)] for i in range(k)]
    xty = [sum(r[i] * v for r, v in zip(x, y)) for i in range(k)]
    return solve(xtx, xty)


def logistic(x, t):
    k = len(x[0])
    b = [0.0] * k
    for _ in range(50):
        p = [1 / (1 + math.exp(-sum(bi * xi for bi, xi in zip(b, r)))) for r in x]
        score = [sum(r[i] * (ti - pi) for r, ti, pi in zip(x, t, p)) for i in range(k)]
        info = [[sum(r[i] * r[j] * pi * (1 - pi) for r, pi in zip(x, p)) for j in range(k)] for i in range(k)]
        step = solve(info, score)
        b = [bi + si for bi, si in zip(b, step)]
        if max(abs(s) for s in step) < 1e-12:
            break
    return [1 / (1 + math.exp(-sum(bi * xi for bi, xi in zip(b, r)))) for r in x]


rows = list(csv.DictReader(open(sys.argv[1])))
levels = sorted({r["Region"] for r in rows})  # first level is the reference
x = [[1.0] + [1.0 if r["Region"] == lv else 0.0 for lv in levels[1:]] + [float(r["Traffic"])] for r in rows]
t = [float(r["ConfigRollout"]) for r in rows]
y = [float(r["ErrorRate"]) for r in rows]
e = logistic(x, t)
fits = {arm: ols([xi for xi, ti in zip(x, t) if ti == arm], [yi for yi, ti in zip(y, t) if ti == arm]) for arm in (0.0, 1.0)}
mu = {arm: [sum(bi * xi for bi, xi in zip(fits[arm], r)) for r in x] for arm in (0.0, 1.0)}
phi = [mu[1.0][i] - mu[0.0][i] + t[i] * (y[i] - mu[1.0][i]) / e[i] - (1 - t[i]) * (y[i] - mu[0.0][i]) / (1 - e[i])
       for i in range(len(rows))]
n = len(phi)
ate = sum(phi) / n
sd = math.sqrt(sum((v - ate) ** 2 for v in phi) / (n - 1))
print(f"ATE {ate:.10f} SE {sd / math.sqrt(n):.10f}")
