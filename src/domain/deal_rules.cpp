#include "domain/deal_rules.hpp"

#include <algorithm>

namespace pipecrm::domain {
namespace {

DealEvent EventFor(const Deal& deal, DealEventKind kind, Id actor, Instant now) {
    DealEvent event;
    event.workspace_id = deal.workspace_id;
    event.deal_id = deal.id;
    event.kind = kind;
    event.actor_user_id = actor;
    event.at = now;
    return event;
}

std::string Trimmed(const std::string& text) {
    auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) {
        return {};
    }
    auto end = text.find_last_not_of(" \t\r\n");
    return text.substr(begin, end - begin + 1);
}

Status CheckTitle(const std::string& title) {
    if (title.empty()) {
        return InvalidArgument("title must not be empty", "title");
    }
    if (title.size() > 255) {
        return InvalidArgument("title is longer than 255 bytes", "title");
    }
    return Status::Ok();
}

// Sets status and its times; returns the event of the transition, if there was one.
std::optional<DealEvent> ChangeStatus(
    Deal& deal, DealStatus to, const std::string& reason, Id actor, Instant now) {
    if (deal.status == to) {
        if (to == DealStatus::kLost && reason != deal.lost_reason) {
            deal.lost_reason = reason;
        }
        return std::nullopt;
    }
    deal.status = to;
    switch (to) {
        case DealStatus::kWon: {
            deal.won_time = now;
            deal.close_time = now;
            deal.lost_time.reset();
            deal.lost_reason.clear();
            return EventFor(deal, DealEventKind::kWon, actor, now);
        }
        case DealStatus::kLost: {
            deal.lost_time = now;
            deal.close_time = now;
            deal.won_time.reset();
            deal.lost_reason = reason;
            DealEvent event = EventFor(deal, DealEventKind::kLost, actor, now);
            event.lost_reason = reason;
            return event;
        }
        case DealStatus::kOpen: {
            deal.won_time.reset();
            deal.lost_time.reset();
            deal.close_time.reset();
            deal.lost_reason.clear();
            return EventFor(deal, DealEventKind::kReopened, actor, now);
        }
        case DealStatus::kDeleted:
            break;
    }
    return std::nullopt;
}

Status CheckStatusFields(const Deal& deal, const ResolvedDealChange& change) {
    if (change.status == DealStatus::kDeleted) {
        return InvalidArgument("use DELETE to delete a deal", "status");
    }
    const DealStatus target = change.status.value_or(deal.status);
    if (change.lost_reason && !change.lost_reason->empty() && target != DealStatus::kLost) {
        return InvalidArgument("lost_reason can only be set on a lost deal", "lost_reason");
    }
    if (change.probability && change.probability->has_value() &&
        (**change.probability < 0 || **change.probability > 100)) {
        return InvalidArgument("probability must be between 0 and 100", "probability");
    }
    return Status::Ok();
}

}  // namespace

Result<std::vector<DealEvent>> BuildNewDeal(Deal& deal,
                                            const ResolvedDealChange& change,
                                            Id actor_user_id,
                                            Instant now) {
    deal.title = Trimmed(change.title.value_or(""));
    PIPECRM_RETURN_IF_ERROR(CheckTitle(deal.title));
    PIPECRM_RETURN_IF_ERROR(CheckStatusFields(deal, change));
    if (!change.stage || !change.owner_id || !change.value) {
        return Internal("a new deal needs its stage, owner and value resolved");
    }
    deal.stage_id = change.stage->id;
    deal.pipeline_id = change.stage->pipeline_id;
    deal.owner_id = *change.owner_id;
    deal.creator_user_id = actor_user_id;
    deal.value = *change.value;
    deal.person_id = change.person_id.value_or(std::nullopt);
    deal.org_id = change.org_id.value_or(std::nullopt);
    deal.expected_close_date = change.expected_close_date.value_or(std::nullopt);
    deal.probability = change.probability.value_or(std::nullopt);
    deal.visible_to = change.visible_to.value_or(deal.visible_to);
    deal.label_ids = change.label_ids.value_or(std::vector<Id>{});
    deal.status = DealStatus::kOpen;
    deal.add_time = now;
    deal.update_time = now;
    deal.stage_change_time.reset();

    std::vector<DealEvent> events;
    DealEvent created = EventFor(deal, DealEventKind::kCreated, actor_user_id, now);
    created.to_stage_id = deal.stage_id;
    created.to_pipeline_id = deal.pipeline_id;
    created.to_value = deal.value.minor_units;
    created.currency = deal.value.currency;
    created.to_owner_id = deal.owner_id;
    events.push_back(created);
    if (change.status && *change.status != DealStatus::kOpen) {
        if (auto event = ChangeStatus(deal, *change.status, change.lost_reason.value_or(""),
                                      actor_user_id, now)) {
            events.push_back(*event);
        }
    }
    return events;
}

Result<DealChangeOutcome> ApplyDealChange(Deal& deal,
                                          const ResolvedDealChange& change,
                                          Id actor_user_id,
                                          Instant now) {
    if (deal.status == DealStatus::kDeleted) {
        return NotFound("deal " + std::to_string(deal.id) + " was deleted");
    }
    PIPECRM_RETURN_IF_ERROR(CheckStatusFields(deal, change));
    std::vector<DealEvent> events;
    bool changed = false;

    if (change.title) {
        std::string title = Trimmed(*change.title);
        PIPECRM_RETURN_IF_ERROR(CheckTitle(title));
        changed |= title != deal.title;
        deal.title = std::move(title);
    }
    if (change.stage && change.stage->id != deal.stage_id) {
        DealEvent moved = EventFor(deal, DealEventKind::kStageMoved, actor_user_id, now);
        moved.from_stage_id = deal.stage_id;
        moved.to_stage_id = change.stage->id;
        moved.from_pipeline_id = deal.pipeline_id;
        moved.to_pipeline_id = change.stage->pipeline_id;
        events.push_back(moved);
        deal.stage_id = change.stage->id;
        deal.pipeline_id = change.stage->pipeline_id;
        deal.stage_change_time = now;
    }
    if (change.value && *change.value != deal.value) {
        DealEvent event = EventFor(deal, DealEventKind::kValueChanged, actor_user_id, now);
        event.from_value = deal.value.minor_units;
        event.to_value = change.value->minor_units;
        event.currency = change.value->currency;
        events.push_back(event);
        deal.value = *change.value;
    }
    if (change.owner_id && *change.owner_id != deal.owner_id) {
        DealEvent event = EventFor(deal, DealEventKind::kOwnerChanged, actor_user_id, now);
        event.from_owner_id = deal.owner_id;
        event.to_owner_id = *change.owner_id;
        events.push_back(event);
        deal.owner_id = *change.owner_id;
    }
    if (change.status || change.lost_reason) {
        const DealStatus target = change.status.value_or(deal.status);
        const std::string reason = change.lost_reason.value_or(
            target == DealStatus::kLost && deal.status == DealStatus::kLost ? deal.lost_reason
                                                                            : "");
        const std::string previous_reason = deal.lost_reason;
        if (auto event = ChangeStatus(deal, target, reason, actor_user_id, now)) {
            events.push_back(*event);
        }
        changed |= previous_reason != deal.lost_reason;
    }
    if (change.person_id) {
        changed |= *change.person_id != deal.person_id;
        deal.person_id = *change.person_id;
    }
    if (change.org_id) {
        changed |= *change.org_id != deal.org_id;
        deal.org_id = *change.org_id;
    }
    if (change.expected_close_date) {
        changed |= *change.expected_close_date != deal.expected_close_date;
        deal.expected_close_date = *change.expected_close_date;
    }
    if (change.probability) {
        changed |= *change.probability != deal.probability;
        deal.probability = *change.probability;
    }
    if (change.visible_to) {
        changed |= *change.visible_to != deal.visible_to;
        deal.visible_to = *change.visible_to;
    }
    if (change.label_ids) {
        changed |= *change.label_ids != deal.label_ids;
        deal.label_ids = *change.label_ids;
    }
    changed |= !events.empty();
    if (changed) {
        deal.update_time = now;
    }
    return DealChangeOutcome{changed, std::move(events)};
}

Result<DealEvent> MarkDealDeleted(Deal& deal, Id actor_user_id, Instant now) {
    if (deal.status == DealStatus::kDeleted) {
        return NotFound("deal " + std::to_string(deal.id) + " was already deleted");
    }
    deal.status = DealStatus::kDeleted;
    deal.update_time = now;
    return EventFor(deal, DealEventKind::kDeleted, actor_user_id, now);
}

}  // namespace pipecrm::domain
