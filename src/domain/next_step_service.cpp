#include "domain/next_step_service.hpp"

#include <algorithm>
#include <map>

#include "domain/pipeline_service.hpp"
#include "domain/references.hpp"

namespace pipecrm::domain {
namespace {

Result<Language> LanguageOf(Repositories& repos,
                            Id workspace_id,
                            std::optional<Language> language) {
    if (language) {
        return *language;
    }
    auto workspace = repos.Workspaces().Get(workspace_id);
    if (!workspace.ok()) {
        return workspace.status();
    }
    return workspace->language;
}

Result<Playbook> PlaybookFor(Repositories& repos,
                             Id workspace_id,
                             const Stage& stage,
                             Language language) {
    auto configured = repos.Playbooks().Get(workspace_id, stage.id);
    if (!configured.ok()) {
        return configured.status();
    }
    if (configured->has_value()) {
        return **configured;
    }
    return DefaultPlaybook(stage.id, stage.order_nr, language);
}

Result<std::vector<Suggestion>> Suggest(Repositories& repos,
                                        Id workspace_id,
                                        const Deal& deal,
                                        Date today,
                                        Language language,
                                        std::map<Id, Playbook>& playbooks) {
    auto known = playbooks.find(deal.stage_id);
    if (known == playbooks.end()) {
        auto stage = repos.Stages().Get(workspace_id, deal.stage_id);
        if (!stage.ok()) {
            return stage.status();
        }
        auto playbook = PlaybookFor(repos, workspace_id, *stage, language);
        if (!playbook.ok()) {
            return playbook.status();
        }
        known = playbooks.emplace(deal.stage_id, *playbook).first;
    }
    auto activities = repos.Activities().ListForDeal(workspace_id, deal.id);
    if (!activities.ok()) {
        return activities.status();
    }
    return SuggestNextSteps(deal, known->second, *activities, today, language);
}

}  // namespace

Result<Playbook> StagePlaybook(Repositories& repos,
                               Id workspace_id,
                               Id stage_id,
                               std::optional<Language> language) {
    auto stage = GetLiveStage(repos, workspace_id, stage_id);
    if (!stage.ok()) {
        return stage.status();
    }
    auto lang = LanguageOf(repos, workspace_id, language);
    if (!lang.ok()) {
        return lang.status();
    }
    return PlaybookFor(repos, workspace_id, *stage, *lang);
}

Result<Playbook> SetStagePlaybook(Repositories& repos,
                                  const Actor& actor,
                                  const Playbook& input,
                                  Instant now) {
    auto stage = GetLiveStage(repos, actor.workspace_id, input.stage_id);
    if (!stage.ok()) {
        return stage.status();
    }
    if (input.subject.empty() || input.subject.size() > 255) {
        return InvalidArgument("subject is required (up to 255 bytes)", "subject");
    }
    if (input.due_in_days < 0 || input.due_in_days > 365) {
        return InvalidArgument("due_in_days must be between 0 and 365", "due_in_days");
    }
    auto type = repos.Activities().FindType(actor.workspace_id, input.activity_type);
    if (!type.ok()) {
        return type.status();
    }
    if (!type->has_value()) {
        return InvalidArgument("unknown activity type \"" + input.activity_type + "\"",
                               "activity_type");
    }
    Playbook playbook = input;
    playbook.is_default = false;
    PIPECRM_RETURN_IF_ERROR(repos.Playbooks().Put(actor.workspace_id, playbook, now));
    return playbook;
}

Result<DealSuggestions> SuggestForDeal(Repositories& repos,
                                       Id workspace_id,
                                       Id deal_id,
                                       Date today,
                                       std::optional<Language> language) {
    auto deal = GetLiveDeal(repos, workspace_id, deal_id);
    if (!deal.ok()) {
        return deal.status();
    }
    auto lang = LanguageOf(repos, workspace_id, language);
    if (!lang.ok()) {
        return lang.status();
    }
    std::map<Id, Playbook> playbooks;
    auto suggestions = Suggest(repos, workspace_id, *deal, today, *lang, playbooks);
    if (!suggestions.ok()) {
        return suggestions.status();
    }
    return DealSuggestions{std::move(*deal), std::move(*suggestions)};
}

Result<std::vector<DealSuggestions>> SuggestForRep(Repositories& repos,
                                                   Id workspace_id,
                                                   Id user_id,
                                                   Date today,
                                                   std::optional<Language> language) {
    auto lang = LanguageOf(repos, workspace_id, language);
    if (!lang.ok()) {
        return lang.status();
    }
    DealQuery query;
    query.workspace_id = workspace_id;
    query.owner_id = user_id;
    query.statuses = {DealStatus::kOpen};
    query.options.limit = 500;
    auto deals = repos.Deals().List(query);
    if (!deals.ok()) {
        return deals.status();
    }
    std::map<Id, Playbook> playbooks;
    std::vector<DealSuggestions> out;
    for (Deal& deal : *deals) {
        auto suggestions = Suggest(repos, workspace_id, deal, today, *lang, playbooks);
        if (!suggestions.ok()) {
            return suggestions.status();
        }
        if (!suggestions->empty()) {
            out.push_back({std::move(deal), std::move(*suggestions)});
        }
        if (out.size() == 500) {
            break;
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const DealSuggestions& a, const DealSuggestions& b) {
                         const Suggestion& x = a.suggestions.front();
                         const Suggestion& y = b.suggestions.front();
                         if (x.kind != y.kind) {
                             return x.kind < y.kind;
                         }
                         return x.due_date < y.due_date;
                     });
    return out;
}

}  // namespace pipecrm::domain
