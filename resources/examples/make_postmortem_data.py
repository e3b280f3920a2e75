#!/usr/bin/env python3
"""Generates postmortem.csv: a simulated incident with a known causal effect.

Each row is one service-hour in one region. A configuration rollout (ConfigRollout = 1) was
switched on first where and when traffic was low, so traffic and region confound a naive
comparison. The rollout lowers the cache hit rate (a mediator) and also adds errors directly.

Structural model (as in postmortem.dag):
  Region        ~ uniform over eu-west, us-east, ap-south
  Traffic       = region base + N(0, 1.5)                       (thousand requests / s)
  ConfigRollout ~ Bernoulli(logistic(1.2 - 0.45 Traffic + region shift))
  CacheHitRate  = 0.92 - 0.05 ConfigRollout - 0.01 Traffic + N(0, 0.015)
  ErrorRate     = 0.4 + region base + 0.35 Traffic + 12 (1 - CacheHitRate)
                  + 0.25 ConfigRollout + N(0, 0.5)                (errors per 1,000 requests)
  AlertVolume   ~ Poisson(1.5 ErrorRate)

True total effect of the rollout on ErrorRate, for every unit (so ATE = ATT):
  0.25 (direct) + 12 * 0.05 (through the cache) = 0.85 errors per 1,000 requests.

Run: python3 make_postmortem_data.py > postmortem.csv   (seeded: the output is reproducible)
"""
import math
import random

TRUE_EFFECT = 0.25 + 12 * 0.05
ROWS = 3000


def main():
    rng = random.Random(20261123)
    regions = {"eu-west": (6.0, 0.0, 0.3), "us-east": (9.0, -0.6, 0.6), "ap-south": (4.5, 0.7, 0.1)}
    print("Region,Traffic,ConfigRollout,CacheHitRate,ErrorRate,AlertVolume")
    for _ in range(ROWS):
        region = rng.choice(list(regions))
        base_traffic, rollout_shift, error_base = regions[region]
        traffic = max(0.2, base_traffic + rng.gauss(0, 1.5))
        p = 1 / (1 + math.exp(-(1.2 - 0.45 * traffic + rollout_shift)))
        rollout = 1 if rng.random() < p else 0
        cache = 0.92 - 0.05 * rollout - 0.01 * traffic + rng.gauss(0, 0.015)
        errors = 0.4 + error_base + 0.35 * traffic + 12 * (1 - cache) + 0.25 * rollout + rng.gauss(0, 0.5)
        alerts = poisson(rng, 1.5 * max(errors, 0.0))
        print(f"{region},{traffic:.3f},{rollout},{cache:.4f},{errors:.4f},{alerts}")


def poisson(rng, mean):
    # Knuth's method is fine for the small means here.
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


if __name__ == "__main__":
    main()
