#include "OracleDag.hpp"

#include <algorithm>

#include "TestSupport.hpp"

namespace causeway::identification::test {

OracleDag randomOracleDag(std::mt19937& rng, const OracleDagOptions& o) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  OracleDag d;
  d.n = std::uniform_int_distribution<std::size_t>(o.minNodes, o.maxNodes)(rng);
  d.parents.resize(d.n);
  for (std::size_t j = 1; j < d.n; ++j)
    for (std::size_t i = 0; i < j; ++i)
      if (unit(rng) < o.edgeProbability) d.parents[j].push_back(i);
  // X before Y mostly (an effect to find), sometimes after (no effect at all).
  std::vector<std::size_t> order(d.n);
  for (std::size_t i = 0; i < d.n; ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  d.x = order[0];
  d.y = order[1];
  if (d.x > d.y && unit(rng) < 0.85) std::swap(d.x, d.y);
  if (d.x < d.y && unit(rng) < o.exposureToOutcomeEdge &&
      std::find(d.parents[d.y].begin(), d.parents[d.y].end(), d.x) == d.parents[d.y].end()) {
    d.parents[d.y].push_back(d.x);
    std::sort(d.parents[d.y].begin(), d.parents[d.y].end());
  }
  if (o.selection) d.s = order[2];
  d.latent.assign(d.n, false);
  for (std::size_t v = 0; v < d.n; ++v)
    if (v != d.x && v != d.y && v != d.s && unit(rng) < o.latentProbability) d.latent[v] = true;

  d.text = "dag {";
  for (std::size_t v = 0; v < d.n; ++v) {
    d.text += ' ';
    d.text += indexedName("v", v);
    if (v == d.x) d.text += " [exposure]";
    if (v == d.y) d.text += " [outcome]";
    if (v == d.s) d.text += " [selected]";
    if (d.latent[v]) d.text += " [latent]";
  }
  for (std::size_t j = 0; j < d.n; ++j)
    for (std::size_t i : d.parents[j]) {
      d.text += ' ';
      d.text += indexedName("v", i);
      d.text += " -> ";
      d.text += indexedName("v", j);
    }
  d.text += " }";
  d.g = model(d.text);
  for (std::size_t v = 0; v < d.n; ++v) d.index.push_back(named(d.g, {indexedName("v", v)})[0]);
  return d;
}

std::vector<std::size_t> candidateNodes(const OracleDag& d) {
  std::vector<std::size_t> out;
  for (std::size_t v = 0; v < d.n; ++v)
    if (v != d.x && v != d.y && v != d.s && !d.latent[v]) out.push_back(v);
  return out;
}

std::vector<std::vector<std::size_t>> subsets(const std::vector<std::size_t>& nodes) {
  std::vector<std::vector<std::size_t>> out;
  for (std::size_t mask = 0; mask < (std::size_t{1} << nodes.size()); ++mask) {
    std::vector<std::size_t> s;
    for (std::size_t i = 0; i < nodes.size(); ++i)
      if ((mask >> i) & 1U) s.push_back(nodes[i]);
    out.push_back(std::move(s));
  }
  return out;
}

NodeSet libraryIndices(const OracleDag& d, const std::vector<std::size_t>& nodes) {
  NodeSet out;
  for (std::size_t v : nodes) out.push_back(d.index[v]);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace causeway::identification::test
