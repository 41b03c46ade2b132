// The managed list of deal labels (admins change it; the API checks the role), and the check
// of the labels a deal is given.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/actor.hpp"
#include "domain/deal_label.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// A requested label, or a change of one: empty fields stay as they are.
struct DealLabelChange {
    std::optional<std::string> name;
    std::optional<std::string> color;
};

/// Adds a label (color defaults to gray). The name is trimmed; a missing, empty or longer than
/// 255 bytes name, or the name of a live label, is kInvalidArgument / kAlreadyExists naming
/// "name"; a colour outside kDealLabelColors is kInvalidArgument naming "color".
Result<DealLabel> AddDealLabel(Repositories& repos,
                               const Actor& actor,
                               const DealLabelChange& change,
                               Instant now);
/// Renames or recolours a live label, with AddDealLabel's checks; kNotFound when there is none.
Result<DealLabel> UpdateDealLabel(
    Repositories& repos, const Actor& actor, Id id, const DealLabelChange& change, Instant now);
/// Removes a live label and takes it off every deal; kNotFound when there is none.
Result<DealLabel> DeleteDealLabel(Repositories& repos, const Actor& actor, Id id, Instant now);

/// The label ids a deal is given, ascending and each once; kInvalidArgument naming "label_ids"
/// when one is not a live label of the workspace.
Result<std::vector<Id>> CheckDealLabelIds(Repositories& repos,
                                          Id workspace_id,
                                          const std::vector<Id>& ids);

}  // namespace pipecrm::domain
