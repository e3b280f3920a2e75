"""Checks the placebo refutation's position fields in `causeway-cli estimate --json` (stdin):
z = (original - mean) / sd of the draws, p = two-sided normal tail of z, a share in [0, 1]."""
import json
import math
import sys

doc = json.load(sys.stdin)
placebos = [r for r in doc["refutations"] if r["refuter"] == "Placebo treatment"]
if len(placebos) != 1 or "original_z" not in placebos[0]:
    sys.exit("expected one placebo refutation with original_z, original_p_value, fraction_as_extreme")
r = placebos[0]
z = (r["original_estimate"] - r["mean"]) / r["sd"]
p = math.erfc(abs(z) / math.sqrt(2))
if abs(r["original_z"] - z) > 1e-9 * max(1.0, abs(z)):
    sys.exit(f"original_z {r['original_z']} != {z}")
if abs(r["original_p_value"] - p) > 1e-12 + 1e-9 * p:
    sys.exit(f"original_p_value {r['original_p_value']} != {p}")
share = r["fraction_as_extreme"] * r["draws"]
if not (0 <= r["fraction_as_extreme"] <= 1 and abs(share - round(share)) < 1e-9):
    sys.exit(f"fraction_as_extreme {r['fraction_as_extreme']} is not a share of {r['draws']} draws")
others = [x for x in doc["refutations"] if "original_z" in x and x["refuter"] != "Placebo treatment"]
if others:
    sys.exit("only the placebo refutation has original_z")
print(f"placebo fields match: z = {z:.4f}, p = {p:.4g}, as extreme = {r['fraction_as_extreme']}")
