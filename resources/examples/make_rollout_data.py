#!/usr/bin/env python3
"""Generates rollout.csv: 5-minute error-rate telemetry of 200 hosts while a config rolled out.

200 hosts in 4 regions (50 each) report their error rate (errors per 1,000 requests) every
5 minutes for 24 hours, with a few seconds of jitter on each timestamp (bin with --period 5min).
A config went out in 3 waves, at 06:00, 10:00 and 14:00 UTC; some hosts never got it. Asia-Pacific
hosts got it later and less often, and their error rate drifts upward through the day, so the
never-treated hosts (mostly ap-south) are a biased comparison unless one adjusts for `apac`
(or compares with the not-yet-treated hosts).

Model (as in rollout.dag: apac -> rollout, apac -> error_rate, rollout -> error_rate):
  host level   a_i ~ 2.0 + N(0, 0.3)
  diurnal      d(t) = 0.6 sin(2 pi (t / 288 - 0.25))           shared by all hosts (traffic)
  apac drift   0.8 t / 288 for ap-south hosts
  effect       tau(e) = 0.10 + 0.30 min(e, 24) / 24 for e = t - wave >= 0 periods (grows over 2 h)
  error_rate   = a_i + d(t) + drift + tau + N(0, 0.15)
Wave shares: other regions 30/30/25% with 15% never; ap-south 10/10/20% with 60% never.
The true ATT(g, t) is tau(t - g); averaged over the post cells of the 3 waves it is printed to
stderr (TRUE_SIMPLE_ATT) for comparison with `causeway-cli rollout ... --json` aggregate.simple.

Run: python3 make_rollout_data.py > rollout.csv   (seeded: the output is reproducible)
"""
import datetime
import math
import random
import sys

HOSTS = 200
PERIODS = 288  # 24 h of 5-minute windows
REGIONS = ["eu-west", "us-east", "us-west", "ap-south"]
WAVES = [72, 120, 168]  # period indices of 06:00, 10:00, 14:00
START = datetime.datetime(2026, 12, 4, tzinfo=datetime.timezone.utc)


def effect(e):
    return 0.10 + 0.30 * min(e, 24) / 24 if e >= 0 else 0.0


def stamp(period, jitter):
    moment = START + datetime.timedelta(minutes=5 * period, seconds=jitter)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    rng = random.Random(20261204)
    out = sys.stdout
    out.write("host,region,apac,time,error_rate,rollout_at,config_on\n")
    cohort_sizes = {w: 0 for w in WAVES}
    for h in range(HOSTS):
        region = REGIONS[h // (HOSTS // len(REGIONS))]
        apac = 1 if region == "ap-south" else 0
        shares = [0.10, 0.10, 0.20] if apac else [0.30, 0.30, 0.25]
        u = rng.random()
        wave = None
        for w, share in zip(WAVES, shares):
            if u < share:
                wave = w
                break
            u -= share
        if wave is not None:
            cohort_sizes[wave] += 1
        level = 2.0 + rng.gauss(0, 0.3)
        rollout_at = stamp(wave, 0) if wave is not None else ""
        for t in range(PERIODS):
            y = level + 0.6 * math.sin(2 * math.pi * (t / PERIODS - 0.25))
            y += 0.8 * t / PERIODS * apac
            if wave is not None:
                y += effect(t - wave)
            y += rng.gauss(0, 0.15)
            on = 1 if wave is not None and t >= wave else 0
            out.write(f"host-{h:03d},{region},{apac},{stamp(t, rng.randint(0, 59))},{y:.4f},{rollout_at},{on}\n")
    # Simple aggregation of did: post cells weighted by cohort size.
    num = den = 0.0
    for w in WAVES:
        for t in range(w, PERIODS):
            num += cohort_sizes[w] * effect(t - w)
            den += cohort_sizes[w]
    sys.stderr.write(f"TRUE_SIMPLE_ATT={num / den:.4f} cohorts={cohort_sizes}\n")


if __name__ == "__main__":
    main()
