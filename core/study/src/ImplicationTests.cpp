#include "ImplicationTests.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <span>

#include "causeway/common/Parallel.hpp"

namespace causeway::study::detail {

namespace {

constexpr std::size_t kMomentBlockRows = 4096;  // the accumulator's block: rows centred together
constexpr std::size_t kMomentChunkRows = 16 * kMomentBlockRows;  // unit of work handed to a thread

bool missingAt(const data::Column& c, std::size_t r) {
  return c.isCategorical() ? c.codes()[r] == data::Column::kMissingCode : std::isnan(c.values()[r]);
}

// The moments of the variables used over their complete cases, in one pass over the rows with
// a block buffer per thread (no copy of the data); categorical variables become dummies (first level is
// the reference) whose `source` is the node name.
estimation::NamedMoments namedMoments(const data::Dataset& data, const data::ColumnMapping& mapping,
                                      const std::set<std::string>& nodes, unsigned threads) {
  std::vector<const data::Column*> columns;
  estimation::NamedMoments out;
  for (const auto& node : nodes) {
    const auto& c = data.column(*data.find(*mapping.columnFor(node)));
    columns.push_back(&c);
    if (c.isNumeric()) {
      out.names.push_back(node);
      out.sources.push_back(node);
      continue;
    }
    for (std::size_t level = 1; level < c.levels().size(); ++level) {
      out.names.push_back(node + c.levels()[level]);
      out.sources.push_back(node);
    }
  }
  // Fixed chunks of rows (not one per thread), each with its own accumulator, merged in chunk
  // order: the same sums whatever the thread count.
  const auto k = static_cast<Eigen::Index>(out.names.size());
  const std::size_t rows = data.rowCount();
  const std::size_t chunks = (rows + kMomentChunkRows - 1) / kMomentChunkRows;
  std::vector<estimation::ColumnMoments> parts(chunks);
  std::vector<const data::Column*> gappy;  // only these can make a row incomplete
  for (const auto* c : columns)
    if (c->missingCount() > 0) gappy.push_back(c);
  parallelFor(chunks, threads, [&](std::size_t chunk) {
    estimation::MomentAccumulator moments(k);
    Eigen::MatrixXd block(kMomentBlockRows, k);
    std::vector<std::size_t> complete;
    const std::size_t chunkEnd = std::min(rows, (chunk + 1) * kMomentChunkRows);
    for (std::size_t begin = chunk * kMomentChunkRows; begin < chunkEnd; begin += kMomentBlockRows) {
      const std::size_t end = std::min(chunkEnd, begin + kMomentBlockRows);
      complete.clear();
      for (std::size_t r = begin; r < end; ++r)
        if (std::none_of(gappy.begin(), gappy.end(), [&](const data::Column* c) { return missingAt(*c, r); }))
          complete.push_back(r);
      const auto count = static_cast<Eigen::Index>(complete.size());
      Eigen::Index j = 0;
      for (const auto* c : columns) {  // column by column: contiguous reads
        if (c->isNumeric()) {
          const std::span<const double> values = c->values();
          for (Eigen::Index i = 0; i < count; ++i) block(i, j) = values[complete[static_cast<std::size_t>(i)]];
          ++j;
          continue;
        }
        const std::span<const std::int32_t> codes = c->codes();
        for (std::size_t level = 1; level < c->levels().size(); ++level, ++j)
          for (Eigen::Index i = 0; i < count; ++i)
            block(i, j) = codes[complete[static_cast<std::size_t>(i)]] == static_cast<std::int32_t>(level) ? 1.0 : 0.0;
      }
      moments.addRows(block.topRows(count));
    }
    parts[chunk] = moments.finish();
  });
  estimation::MomentAccumulator moments(k);
  for (const auto& part : parts) moments.addMoments(part);
  out.moments = moments.finish();
  return out;
}

// Level codes of categorical and 0/1 columns, complete cases on the variables used.
estimation::CategoricalColumns categoricalColumns(const data::Dataset& data, const data::ColumnMapping& mapping,
                                                  const std::set<std::string>& nodes) {
  std::vector<const data::Column*> columns;
  estimation::CategoricalColumns out;
  for (const auto& node : nodes) {
    columns.push_back(&data.column(*data.find(*mapping.columnFor(node))));
    out.names.push_back(node);
  }
  out.codes.resize(columns.size());
  for (std::size_t r = 0; r < data.rowCount(); ++r) {
    bool complete = true;
    for (const auto* c : columns) complete = complete && !c->isMissing(r);
    if (!complete) continue;
    for (std::size_t k = 0; k < columns.size(); ++k)
      out.codes[k].push_back(columns[k]->isCategorical() ? columns[k]->codes()[r]
                                                         : static_cast<std::int32_t>(columns[k]->values()[r]));
  }
  return out;
}

}  // namespace

ImplicationTestRun testImplications(const graph::IndexedGraph& g, const identification::IdentificationSummary& summary,
                                    const data::ColumnMapping& mapping, const data::Dataset& data,
                                    std::size_t maxTests, unsigned threads) {
  ImplicationTestRun run;
  auto typeOf = [&](const std::string& node) -> std::optional<data::ColumnType> {
    auto column = mapping.columnFor(node);
    if (!column) return std::nullopt;
    return data.column(*data.find(*column)).type();
  };
  auto discrete = [](std::optional<data::ColumnType> t) { return t && *t != data::ColumnType::Numeric; };
  std::vector<estimation::ImpliedIndependence> tests, categoricalTests;
  std::set<std::string> used, categoricalUsed;
  for (const auto& imp : summary.implications) {
    const std::string x = g.name(imp.x), y = g.name(imp.y);
    const auto tx = typeOf(x), ty = typeOf(y);
    std::vector<std::string> given;
    bool measured = tx && ty, allDiscrete = discrete(tx) && discrete(ty);
    for (auto z : imp.given) {
      given.push_back(g.name(z));
      const auto tz = typeOf(given.back());
      measured = measured && tz;
      allDiscrete = allDiscrete && discrete(tz);
    }
    const bool numeric = measured && tx != data::ColumnType::Categorical && ty != data::ColumnType::Categorical;
    const bool categorical = measured && !numeric && allDiscrete;
    if ((!numeric && !categorical) || tests.size() + categoricalTests.size() >= maxTests) {
      ++run.skipped;
      continue;
    }
    auto& into = numeric ? used : categoricalUsed;
    into.insert(x);
    into.insert(y);
    into.insert(given.begin(), given.end());
    (numeric ? tests : categoricalTests).push_back({x, y, std::move(given)});
  }
  if (!tests.empty()) {
    auto report = estimation::runLocalTests(namedMoments(data, mapping, used, threads), tests);
    if (report) run.report = std::move(report).value();
    else run.error = report.error();
  }
  if (!categoricalTests.empty()) {
    auto report = estimation::runChiSquareLocalTests(categoricalColumns(data, mapping, categoricalUsed), categoricalTests);
    if (report) run.categorical = std::move(report).value();
    else if (!run.error) run.error = report.error();
  }
  return run;
}

}  // namespace causeway::study::detail
