#pragma once

#include <QString>

#include "causeway/ui/analysis/IdentificationResult.hpp"

// Plain-words sentences of the identification panel about the user's adjusted set.
namespace causeway::ui::wording {

// The names of the adjusted nodes that are colliders on `path` (both path edges point into
// them), in path order: conditioning on them is what opens the path.
[[nodiscard]] QStringList adjustedColliders(const PathInfo& path, const NodeGroup& adjusted);

// "Adjusting for M opens the biasing path X <- A -> M <- B -> Y: M is a collider on it (both
// arrows point into M), and adjusting for a collider opens the path through it." Empty when no
// adjusted node is a collider on the path (then a descendant of one, or an unadjusted confounder,
// leaves it open).
[[nodiscard]] QString colliderSentence(const PathInfo& path, const NodeGroup& adjusted);

// The headline when nodes are marked adjusted: the answer without them first ("{} is
// sufficient..."), then plainly what the listed sets are: the minimal sets containing them.
// Empty when nothing is marked adjusted.
[[nodiscard]] QString adjustedHeadline(const IdentificationResult& r);

}  // namespace causeway::ui::wording
