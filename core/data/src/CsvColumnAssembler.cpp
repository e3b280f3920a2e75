#include "CsvColumnAssembler.hpp"

#include <algorithm>
#include <atomic>
#include <optional>

#include "causeway/common/Parallel.hpp"

namespace causeway::data {
namespace {

template <typename T>
void release(std::vector<T>& buffer) {
  std::vector<T>().swap(buffer);
}

Column assembleNumeric(const std::string& name, std::size_t column, std::vector<NumericChunk>& chunks) {
  // The first chunk reserved room for every row, so appending does not reallocate.
  std::vector<double> values = std::move(chunks.front().values[column]);
  Column::ValueCounts counts = chunks.front().counts[column];
  for (std::size_t k = 1; k < chunks.size(); ++k) {
    std::vector<double>& part = chunks[k].values[column];
    values.insert(values.end(), part.begin(), part.end());
    release(part);
    counts += chunks[k].counts[column];
  }
  return Column::numeric(name, std::move(values), counts);
}

Column assembleCategorical(const std::string& name, std::size_t slot, std::vector<CategoricalChunk>& chunks) {
  std::vector<std::string_view> allLevels;
  std::size_t rows = 0;
  for (const CategoricalChunk& chunk : chunks) {
    allLevels.insert(allLevels.end(), chunk.levels[slot].begin(), chunk.levels[slot].end());
    rows += chunk.codes[slot].size();
  }
  std::sort(allLevels.begin(), allLevels.end());
  allLevels.erase(std::unique(allLevels.begin(), allLevels.end()), allLevels.end());

  std::vector<std::int32_t> codes;
  codes.reserve(rows);
  for (CategoricalChunk& chunk : chunks) {
    std::vector<std::int32_t> globalCode;
    globalCode.reserve(chunk.levels[slot].size());
    for (const std::string_view level : chunk.levels[slot]) {
      const auto at = std::lower_bound(allLevels.begin(), allLevels.end(), level);
      globalCode.push_back(static_cast<std::int32_t>(at - allLevels.begin()));
    }
    for (const std::int32_t local : chunk.codes[slot])
      codes.push_back(local == Column::kMissingCode ? local : globalCode[static_cast<std::size_t>(local)]);
    release(chunk.codes[slot]);
  }
  return Column::categorical(name, std::move(codes), std::vector<std::string>(allLevels.begin(), allLevels.end()));
}

}  // namespace

std::vector<Column> assembleColumns(const std::vector<std::string>& names, std::vector<NumericChunk>& numeric,
                                    std::vector<CategoricalChunk>& categorical,
                                    std::span<const std::size_t> textColumns, std::size_t threads) {
  std::vector<std::optional<Column>> built(names.size());
  std::atomic<std::size_t> nextColumn{0};
  const std::size_t workers = std::max<std::size_t>(1, threads);
  parallelFor(
      workers, static_cast<unsigned>(workers),
      [&](std::size_t) {
        for (std::size_t column = nextColumn++; column < names.size(); column = nextColumn++) {
          const auto text = std::lower_bound(textColumns.begin(), textColumns.end(), column);
          if (text != textColumns.end() && *text == column) {
            for (NumericChunk& chunk : numeric) release(chunk.values[column]);
            built[column] =
                assembleCategorical(names[column], static_cast<std::size_t>(text - textColumns.begin()), categorical);
          } else {
            built[column] = assembleNumeric(names[column], column, numeric);
          }
        }
      },
      [] {});
  std::vector<Column> columns;
  columns.reserve(built.size());
  for (std::optional<Column>& column : built) columns.push_back(std::move(*column));
  return columns;
}

}  // namespace causeway::data
