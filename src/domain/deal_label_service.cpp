#include "domain/deal_label_service.hpp"

#include <algorithm>

#include "base/encoding.hpp"
#include "domain/references.hpp"

namespace pipecrm::domain {
namespace {

// Applies the change to `label` with the checks every write of a label shares.
Status ApplyChange(Repositories& repos, DealLabel& label, const DealLabelChange& change) {
    if (change.name) {
        label.name = std::string(TrimSpaces(*change.name));
        if (label.name.empty()) {
            return InvalidArgument("name must not be empty", "name");
        }
        if (label.name.size() > 255) {
            return InvalidArgument("name must be at most 255 bytes", "name");
        }
        auto existing = repos.DealLabels().List(label.workspace_id);
        if (!existing.ok()) {
            return existing.status();
        }
        for (const DealLabel& other : *existing) {
            if (other.id != label.id && other.name == label.name) {
                return AlreadyExists("the label \"" + label.name + "\" already exists", "name");
            }
        }
    }
    if (change.color) {
        if (std::find(kDealLabelColors.begin(), kDealLabelColors.end(), *change.color) ==
            kDealLabelColors.end()) {
            return InvalidArgument("color must be one of green, blue, red, yellow, purple, gray",
                                   "color");
        }
        label.color = *change.color;
    }
    return Status::Ok();
}

Result<DealLabel> LiveLabel(Repositories& repos, Id workspace_id, Id id) {
    return LiveOnly(repos.DealLabels().Get(workspace_id, id), NotDeleted<DealLabel>, "label", id);
}

}  // namespace

Result<DealLabel> AddDealLabel(Repositories& repos,
                               const Actor& actor,
                               const DealLabelChange& change,
                               Instant now) {
    if (!change.name) {
        return InvalidArgument("name is required", "name");
    }
    DealLabel label;
    label.workspace_id = actor.workspace_id;
    PIPECRM_RETURN_IF_ERROR(ApplyChange(repos, label, change));
    label.add_time = now;
    label.update_time = now;
    auto id = repos.DealLabels().Insert(label);
    if (!id.ok()) {
        return id.status();
    }
    label.id = *id;
    return label;
}

Result<DealLabel> UpdateDealLabel(
    Repositories& repos, const Actor& actor, Id id, const DealLabelChange& change, Instant now) {
    auto label = LiveLabel(repos, actor.workspace_id, id);
    if (!label.ok()) {
        return label.status();
    }
    PIPECRM_RETURN_IF_ERROR(ApplyChange(repos, *label, change));
    label->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.DealLabels().Update(*label));
    return label;
}

Result<DealLabel> DeleteDealLabel(Repositories& repos, const Actor& actor, Id id, Instant now) {
    auto deleted = SoftDelete(LiveLabel(repos, actor.workspace_id, id), now,
                              [&](const DealLabel& l) { return repos.DealLabels().Update(l); });
    if (!deleted.ok()) {
        return deleted;
    }
    auto removed = repos.DealLabels().RemoveFromDeals(actor.workspace_id, id);
    if (!removed.ok()) {
        return removed.status();
    }
    return deleted;
}

Result<std::vector<Id>> CheckDealLabelIds(Repositories& repos,
                                          Id workspace_id,
                                          const std::vector<Id>& ids) {
    std::vector<Id> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    if (sorted.empty()) {
        return sorted;
    }
    auto live = repos.DealLabels().List(workspace_id);
    if (!live.ok()) {
        return live.status();
    }
    for (Id id : sorted) {
        const bool known = std::any_of(live->begin(), live->end(),
                                       [&](const DealLabel& label) { return label.id == id; });
        if (!known) {
            return InvalidArgument("label " + std::to_string(id) + " does not exist", "label_ids");
        }
    }
    return sorted;
}

}  // namespace pipecrm::domain
