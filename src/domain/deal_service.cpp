#include "domain/deal_service.hpp"

#include "domain/change_events.hpp"
#include "domain/custom_field_service.hpp"
#include "domain/deal_label_service.hpp"
#include "domain/deal_rules.hpp"
#include "domain/references.hpp"

namespace pipecrm::domain {
namespace {

std::string IdText(Id id) {
    return std::to_string(id);
}

Result<Stage> LiveStage(Repositories& repos, Id workspace_id, Id stage_id) {
    return Referenced(repos.Stages().Get(workspace_id, stage_id), NotDeleted<Stage>, "stage",
                      stage_id, "stage_id");
}

Result<Stage> FirstStageOf(Repositories& repos, Id workspace_id, OptionalId pipeline_id) {
    auto stage = repos.Stages().FirstStage(workspace_id, pipeline_id);
    if (!stage.ok()) {
        return stage.status();
    }
    if (stage->has_value()) {
        return **stage;
    }
    if (!pipeline_id) {
        return FailedPrecondition("the workspace has no pipeline with stages; create one first");
    }
    auto pipeline = Referenced(repos.Pipelines().Get(workspace_id, *pipeline_id),
                               NotDeleted<Pipeline>, "pipeline", *pipeline_id, "pipeline_id");
    if (!pipeline.ok()) {
        return pipeline.status();
    }
    return InvalidArgument("pipeline " + IdText(*pipeline_id) + " has no stages", "pipeline_id");
}

Result<std::string> CheckCurrency(const std::string& code) {
    std::string upper = code;
    for (char& c : upper) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    if (!IsKnownCurrency(upper)) {
        return InvalidArgument("unknown currency \"" + code + "\"", "currency");
    }
    return upper;
}

// Resolves the target stage: the stage itself (checked against pipeline_id when both are
// given), or the first stage of a newly chosen pipeline.
Result<std::optional<Stage>> ResolveStage(Repositories& repos,
                                          Id workspace_id,
                                          const DealChange& change,
                                          Id current_pipeline) {
    if (change.stage_id) {
        auto stage = LiveStage(repos, workspace_id, *change.stage_id);
        if (!stage.ok()) {
            return stage.status();
        }
        if (change.pipeline_id && *change.pipeline_id != stage->pipeline_id) {
            return InvalidArgument("stage " + IdText(stage->id) + " belongs to pipeline " +
                                       IdText(stage->pipeline_id) + ", not " +
                                       IdText(*change.pipeline_id),
                                   "stage_id");
        }
        return std::optional<Stage>(*stage);
    }
    if (change.pipeline_id && *change.pipeline_id != current_pipeline) {
        auto stage = FirstStageOf(repos, workspace_id, *change.pipeline_id);
        if (!stage.ok()) {
            return stage.status();
        }
        return std::optional<Stage>(*stage);
    }
    return std::optional<Stage>();
}

// Checks every reference of the change and converts it for the rules. With `references`, the
// caller already checked them: its stage is taken and the ids are not looked up.
Result<ResolvedDealChange> Resolve(Repositories& repos,
                                   const Actor& actor,
                                   const DealChange& change,
                                   const Deal* current,
                                   const CheckedDealReferences* references = nullptr) {
    ResolvedDealChange resolved;
    resolved.title = change.title;
    if (references) {
        resolved.stage = references->stage;
    } else {
        auto stage =
            ResolveStage(repos, actor.workspace_id, change, current ? current->pipeline_id : 0);
        if (!stage.ok()) {
            return stage.status();
        }
        resolved.stage = *stage;
    }
    if (!resolved.stage && !current) {
        auto fallback = FirstStageOf(repos, actor.workspace_id, std::nullopt);
        if (!fallback.ok()) {
            return fallback.status();
        }
        resolved.stage = *fallback;
    }
    if (change.owner_id) {
        if (!references) {
            PIPECRM_RETURN_IF_ERROR(CheckOwner(repos, actor.workspace_id, *change.owner_id));
        }
        resolved.owner_id = change.owner_id;
    } else if (!current) {
        resolved.owner_id = actor.user_id;
    }
    if (change.person_id) {
        if (!references) {
            PIPECRM_RETURN_IF_ERROR(CheckPerson(repos, actor.workspace_id, *change.person_id));
        }
        resolved.person_id = change.person_id;
    }
    if (change.org_id) {
        if (!references) {
            PIPECRM_RETURN_IF_ERROR(CheckOrganization(repos, actor.workspace_id, *change.org_id));
        }
        resolved.org_id = change.org_id;
    }
    if (change.value || change.currency || !current) {
        std::string currency = current ? current->value.currency : actor.default_currency;
        if (change.currency) {
            auto checked = CheckCurrency(*change.currency);
            if (!checked.ok()) {
                return checked.status();
            }
            currency = *checked;
        }
        Money value{current ? current->value.minor_units : 0, currency};
        if (change.value) {
            auto amount = ParseAmount(*change.value, currency);
            if (!amount.ok()) {
                return InvalidArgument(amount.status().message(), "value");
            }
            value.minor_units = *amount;
        } else if (current && change.currency && currency != current->value.currency) {
            // Same amount of money in decimal terms, expressed in the new currency's units.
            auto amount = ParseAmount(
                FormatAmount(current->value.minor_units, current->value.currency), currency);
            if (!amount.ok()) {
                return InvalidArgument(amount.status().message(), "currency");
            }
            value.minor_units = *amount;
        }
        if (value.minor_units < 0) {
            return InvalidArgument("value must not be negative", "value");
        }
        resolved.value = value;
    }
    resolved.status = change.status;
    resolved.lost_reason = change.lost_reason;
    resolved.expected_close_date = change.expected_close_date;
    resolved.probability = change.probability;
    resolved.visible_to = change.visible_to;
    if (change.label_ids) {
        auto labels = CheckDealLabelIds(repos, actor.workspace_id, *change.label_ids);
        if (!labels.ok()) {
            return labels.status();
        }
        resolved.label_ids = std::move(*labels);
    }
    return resolved;
}

Status AppendAll(Repositories& repos, const std::vector<DealEvent>& events, Id deal_id) {
    for (DealEvent event : events) {
        event.deal_id = deal_id;
        auto id = repos.DealEvents().Append(event);
        if (!id.ok()) {
            return id.status();
        }
    }
    return Status::Ok();
}

// AppendAll, or the events kept in `bulk` for its Flush.
Status AppendOrDefer(Repositories& repos,
                     const std::vector<DealEvent>& events,
                     Id deal_id,
                     BulkWrites* bulk) {
    if (bulk == nullptr) {
        return AppendAll(repos, events, deal_id);
    }
    bulk->AddEvents(events, deal_id);
    return Status::Ok();
}

}  // namespace

Result<Deal> CreateDeal(Repositories& repos,
                        const Actor& actor,
                        const DealChange& change,
                        Instant now) {
    if (!change.title || change.title->empty()) {
        return InvalidArgument("title is required", "title");
    }
    auto resolved = Resolve(repos, actor, change, nullptr);
    if (!resolved.ok()) {
        return resolved.status();
    }
    auto fields =
        CheckFieldAssignments(repos, actor.workspace_id, FieldEntity::kDeal, change.custom_fields);
    if (!fields.ok()) {
        return fields.status();
    }
    Deal deal;
    deal.workspace_id = actor.workspace_id;
    deal.visible_to = actor.default_visibility;
    auto events = BuildNewDeal(deal, *resolved, actor.user_id, now);
    if (!events.ok()) {
        return events.status();
    }
    auto id = repos.Deals().Insert(deal);
    if (!id.ok()) {
        return id.status();
    }
    deal.id = *id;
    PIPECRM_RETURN_IF_ERROR(AppendAll(repos, *events, deal.id));
    PIPECRM_RETURN_IF_ERROR(
        WriteFieldValues(repos, actor.workspace_id, FieldEntity::kDeal, deal.id, *fields));
    PIPECRM_RETURN_IF_ERROR(
        PublishDealChange(repos, ChangeAction::kCreate, actor, nullptr, &deal, now));
    return deal;
}

Result<Deal> CreateDealWithHistory(Repositories& repos,
                                   const Actor& actor,
                                   const DealChange& change,
                                   const CheckedDealReferences& checked,
                                   Instant add_time,
                                   const std::optional<DealClosing>& closing,
                                   BulkWrites* bulk) {
    if (!change.title || change.title->empty()) {
        return InvalidArgument("title is required", "title");
    }
    auto resolved = Resolve(repos, actor, change, nullptr, &checked);
    if (!resolved.ok()) {
        return resolved.status();
    }
    auto fields =
        CheckFieldAssignments(repos, actor.workspace_id, FieldEntity::kDeal, change.custom_fields);
    if (!fields.ok()) {
        return fields.status();
    }
    Deal deal;
    deal.workspace_id = actor.workspace_id;
    deal.visible_to = actor.default_visibility;
    auto events = BuildNewDeal(deal, *resolved, actor.user_id, add_time);
    if (!events.ok()) {
        return events.status();
    }
    // The closing is applied to the deal in memory, as UpdateDeal would apply it to the stored
    // one, so the deal is inserted once, already in its final state.
    std::vector<DealEvent> closing_events;
    if (closing) {
        // Resolve looks nothing up for a change of status and lost reason alone.
        auto close = Resolve(repos, actor, closing->change, &deal);
        if (!close.ok()) {
            return close.status();
        }
        auto outcome = ApplyDealChange(deal, *close, actor.user_id, closing->at);
        if (!outcome.ok()) {
            return outcome.status();
        }
        closing_events = std::move(outcome->events);
    }
    if (bulk != nullptr && bulk->reserved()) {
        deal.id = bulk->AddDeal(deal);
    } else {
        auto id = repos.Deals().Insert(deal);
        if (!id.ok()) {
            return id.status();
        }
        deal.id = *id;
    }
    PIPECRM_RETURN_IF_ERROR(AppendOrDefer(repos, *events, deal.id, bulk));
    PIPECRM_RETURN_IF_ERROR(
        WriteFieldValues(repos, actor.workspace_id, FieldEntity::kDeal, deal.id, *fields));
    PIPECRM_RETURN_IF_ERROR(AppendOrDefer(repos, closing_events, deal.id, bulk));
    return deal;
}

Result<Deal> UpdateDeal(
    Repositories& repos, const Actor& actor, Id deal_id, const DealChange& change, Instant now) {
    auto deal = GetLiveDeal(repos, actor.workspace_id, deal_id);
    if (!deal.ok()) {
        return deal.status();
    }
    auto resolved = Resolve(repos, actor, change, &*deal);
    if (!resolved.ok()) {
        return resolved.status();
    }
    auto fields =
        CheckFieldAssignments(repos, actor.workspace_id, FieldEntity::kDeal, change.custom_fields);
    if (!fields.ok()) {
        return fields.status();
    }
    const Deal previous = *deal;
    auto outcome = ApplyDealChange(*deal, *resolved, actor.user_id, now);
    if (!outcome.ok()) {
        return outcome.status();
    }
    if (!fields->empty()) {
        // Custom field values are part of the deal: they move its update_time, not its events.
        deal->update_time = now;
        PIPECRM_RETURN_IF_ERROR(
            WriteFieldValues(repos, actor.workspace_id, FieldEntity::kDeal, deal->id, *fields));
    }
    if (outcome->changed || !fields->empty()) {
        PIPECRM_RETURN_IF_ERROR(repos.Deals().Update(*deal, previous));
        PIPECRM_RETURN_IF_ERROR(AppendAll(repos, outcome->events, deal->id));
        PIPECRM_RETURN_IF_ERROR(
            PublishDealChange(repos, ChangeAction::kChange, actor, &previous, &*deal, now));
    }
    return deal;
}

Result<Deal> DeleteDeal(Repositories& repos, const Actor& actor, Id deal_id, Instant now) {
    auto deal = GetLiveDeal(repos, actor.workspace_id, deal_id);
    if (!deal.ok()) {
        return deal.status();
    }
    const Deal previous = *deal;
    auto event = MarkDealDeleted(*deal, actor.user_id, now);
    if (!event.ok()) {
        return event.status();
    }
    PIPECRM_RETURN_IF_ERROR(repos.Deals().Update(*deal, previous));
    PIPECRM_RETURN_IF_ERROR(AppendAll(repos, {*event}, deal->id));
    PIPECRM_RETURN_IF_ERROR(
        PublishDealChange(repos, ChangeAction::kDelete, actor, &previous, nullptr, now));
    const std::string title = deal->title;
    return AuditDeletion(std::move(deal), repos, actor, "deal", title, now);
}

}  // namespace pipecrm::domain
