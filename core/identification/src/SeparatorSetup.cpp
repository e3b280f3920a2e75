#include "SeparatorSetup.hpp"

namespace causeway::identification::detail {

std::optional<NodeSet> closestMinimalSet(const SeparatorSetup* setup, const NodeSet& forced) {
  if (setup == nullptr) return std::nullopt;
  auto separator = closestMinimalSeparator(setup->problem);
  if (!separator) return std::nullopt;
  return setUnion(setup->moral.toOriginal(*separator), forced);
}

EnumerationOutcome listMinimalSets(const SeparatorSetup* setup, const NodeSet& forced, const SetCallback& onSet,
                                   std::size_t maxSets, const Progress& progress) {
  if (setup == nullptr) return {};
  return listMinimalSeparators(
      setup->problem, [&](const NodeSet& separator) { return onSet(setUnion(setup->moral.toOriginal(separator), forced)); },
      maxSets, progress);
}

}  // namespace causeway::identification::detail
