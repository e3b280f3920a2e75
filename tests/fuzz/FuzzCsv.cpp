// libFuzzer target: readCsvString on arbitrary bytes, once on one thread and once split across
// three threads in tiny chunks (the parallel path that real files take above 1 MB).
// Checks: never throws; errors are MalformedData with the source name and a line inside the
// text; the serial and the parallel read agree exactly (same Dataset, or the same error); every
// column has rowCount() cells and a name.
#include <cstddef>
#include <cstdint>

#include "FuzzCheck.hpp"
#include "causeway/data/CsvReader.hpp"

using namespace causeway;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::asText(data, size);
  data::CsvOptions serialOptions;
  serialOptions.threads = 1;
  serialOptions.sourceName = "fuzz.csv";
  data::CsvOptions parallelOptions = serialOptions;
  parallelOptions.threads = 3;
  parallelOptions.minBytesPerThread = 16;

  auto serial = fuzz::noThrow("readCsvString", [&] { return data::readCsvString(text, serialOptions); });
  auto parallel = fuzz::noThrow("readCsvString (parallel)", [&] { return data::readCsvString(text, parallelOptions); });

  if (!serial) {
    const Error& e = serial.error();
    fuzz::checkError(e, {ErrorCode::MalformedData});
    fuzz::check(e.context.file == "fuzz.csv", "error does not name the source: " + e.describe());
    // Lines end in LF (or CRLF); a text without LF has its lines ended by CR alone.
    const char lineEnd = text.find('\n') == std::string_view::npos ? '\r' : '\n';
    std::size_t lines = 1;
    for (char c : text) lines += c == lineEnd ? 1U : 0U;
    fuzz::check(e.context.line <= lines, "error line is past the end of the text: " + e.describe());
    fuzz::check(!parallel.ok(), "serial read failed but the parallel read succeeded: " + e.describe());
    fuzz::check(parallel.error().code == e.code && parallel.error().context.line == e.context.line &&
                    parallel.error().message == e.message,
                "serial and parallel reads report different errors:\n  serial:   " + e.describe() +
                    "\n  parallel: " + parallel.error().describe());
    return 0;
  }
  fuzz::check(parallel.ok(), "serial read succeeded but the parallel read failed: " +
                                 (parallel ? std::string() : parallel.error().describe()));
  const data::Dataset& d = *serial;
  for (const data::Column& column : d.columns()) {
    fuzz::check(column.size() == d.rowCount(), "column '" + column.name() + "' has the wrong number of cells");
    fuzz::check(!column.name().empty(), "a column without a name");
    fuzz::check(column.missingCount() <= column.size(), "more missing cells than cells");
  }
  fuzz::check(*parallel == d, "serial and parallel reads give different datasets");
  return 0;
}
