"""Checks `causeway-cli estimate --sensitivity --benchmark Traffic --k 1,2 --json` on the
postmortem example (JSON on stdin) against plain Python: OLS of ErrorRate on ConfigRollout,
Traffic and the Region dummies by the normal equations, the robustness values and the benchmark
bounds from the formulas of Cinelli & Hazlett (2020), and the t quantile by bisection on the
t distribution function (regularised incomplete beta)."""
import csv
import json
import math
import sys


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def ols(columns, y):
    """y on [1, columns...]: coefficients, RSS, dof and the (1,1) element of (X'X)^-1."""
    x = [[1.0] + [c[i] for c in columns] for i in range(len(y))]
    k = len(x[0])
    xtx = [[sum(r[a] * r[b] for r in x) for b in range(k)] for a in range(k)]
    xty = [sum(r[a] * yi for r, yi in zip(x, y)) for a in range(k)]
    beta = solve(xtx, xty)
    rss = sum((yi - sum(b * v for b, v in zip(beta, r))) ** 2 for r, yi in zip(x, y))
    inv11 = solve(xtx, [1.0 if a == 1 else 0.0 for a in range(k)])[1]
    return beta, rss, len(y) - k, inv11


def betacf(a, b, x):
    qab, qap, qam = a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / d
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 / (1 + aa * d)
        c = 1 + aa / c
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 / (1 + aa * d)
        c = 1 + aa / c
        h *= d * c
    return h


def betai(a, b, x):
    if x <= 0 or x >= 1:
        return 0.0 if x <= 0 else 1.0
    bt = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(1 - x))
    if x < (a + 1) / (a + b + 2):
        return bt * betacf(a, b, x) / a
    return 1 - bt * betacf(b, a, 1 - x) / b


def t_cdf(t, nu):
    tail = 0.5 * betai(nu / 2, 0.5, nu / (nu + t * t))
    return 1 - tail if t > 0 else tail


def t_quantile(p, nu):
    lo, hi = -50.0, 50.0
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if t_cdf(mid, nu) < p else (lo, mid)
    return (lo + hi) / 2


def rv(f):
    return 0.5 * (math.sqrt(f ** 4 + 4 * f * f) - f * f)


def close(name, got, want, tol=1e-6):
    if abs(got - want) > tol * max(1.0, abs(want)):
        sys.exit(f"{name}: {got} != {want}")


doc = json.load(sys.stdin)
rows = list(csv.DictReader(open(sys.argv[1])))
d = [float(r["ConfigRollout"]) for r in rows]
y = [float(r["ErrorRate"]) for r in rows]
traffic = [float(r["Traffic"]) for r in rows]
levels = sorted({r["Region"] for r in rows})[1:]
regions = [[1.0 if r["Region"] == level else 0.0 for r in rows] for level in levels]

beta, rss, dof, inv11 = ols([d, traffic] + regions, y)
se = math.sqrt(rss / dof * inv11)
t = beta[1] / se
s = doc["sensitivity"]
close("estimate", s["estimate"], beta[1])
close("se", s["se"], se)
close("dof", s["dof"], dof)
close("r2yd_x", s["r2yd_x"], t * t / (t * t + dof))
fq = abs(t) / math.sqrt(dof)
close("rv_q", s["rv_q"], rv(fq))
fcrit = abs(t_quantile(0.025, dof - 1)) / math.sqrt(dof - 1)
close("rv_qa", s["rv_qa"], rv(fq - fcrit) if fq > fcrit else 0.0)

# Traffic as benchmark: partial R2 from the reduced fits.
_, rss_d, _, _ = ols([traffic] + regions, d)
_, rss_d0, _, _ = ols(regions, d)
_, rss_y0, _, _ = ols([d] + regions, y)
r2d = (rss_d0 - rss_d) / rss_d0
r2y = (rss_y0 - rss) / rss_y0
crit = t_quantile(0.975, dof - 1)
bounds = s["bounds"]
if [b["kd"] for b in bounds] != [1.0, 2.0] or any(b["benchmark"] != "Traffic" for b in bounds):
    sys.exit(f"unexpected bounds {bounds}")
for b in bounds:
    k = b["kd"]
    r2dz = k * r2d / (1 - r2d)
    r2zx = k * r2d * r2d / ((1 - k * r2d) * (1 - r2d))
    r2yz = min(1.0, ((math.sqrt(k) + math.sqrt(r2zx)) / math.sqrt(1 - r2zx)) ** 2 * r2y / (1 - r2y))
    bias = se * math.sqrt(r2yz * r2dz / (1 - r2dz)) * math.sqrt(dof)
    adjusted = beta[1] - bias if beta[1] > 0 else beta[1] + bias
    adj_se = se * math.sqrt((1 - r2yz) / (1 - r2dz)) * math.sqrt(dof / (dof - 1))
    close("r2dz_x", b["r2dz_x"], r2dz)
    close("r2yz_dx", b["r2yz_dx"], r2yz)
    close("adjusted_estimate", b["adjusted_estimate"], adjusted)
    close("adjusted_se", b["adjusted_se"], adj_se)
    close("ci_low", b["ci_low"], adjusted - crit * adj_se)
if doc["negative_controls"] != []:
    sys.exit("the postmortem model has no negative controls")
print(f"sensitivity matches: RV_q = {s['rv_q']:.4f}, RV_q,a = {s['rv_qa']:.4f}, 2x Traffic -> {bounds[1]['adjusted_estimate']:.4f}")
