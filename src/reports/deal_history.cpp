#include "reports/deal_history.hpp"

#include <unordered_map>

namespace pipecrm::reports {
namespace {

using domain::DealEventKind;

// Replays one deal's events in order.
void Replay(DealHistory& history, const domain::DealEvent* begin, const domain::DealEvent* end) {
    bool open = true;
    Id stage = 0;
    auto enter = [&](Id stage_id, Instant at) {
        stage = stage_id;
        history.entries.push_back({stage_id, at});
        if (open) {
            history.visits.push_back({stage_id, at, std::nullopt});
        }
    };
    auto leave = [&](Instant at) {
        if (open && !history.visits.empty() && !history.visits.back().left) {
            history.visits.back().left = at;
        }
    };
    for (const domain::DealEvent* e = begin; e != end; ++e) {
        switch (e->kind) {
            case DealEventKind::kCreated:
                open = true;
                enter(e->to_stage_id.value_or(history.deal->stage_id), e->at);
                break;
            case DealEventKind::kStageMoved:
                leave(e->at);
                enter(e->to_stage_id.value_or(stage), e->at);
                break;
            case DealEventKind::kWon:
            case DealEventKind::kLost:
                leave(e->at);
                open = false;
                break;
            case DealEventKind::kReopened:
                if (!open) {
                    open = true;
                    history.visits.push_back({stage, e->at, std::nullopt});
                }
                break;
            case DealEventKind::kValueChanged:
            case DealEventKind::kOwnerChanged:
            case DealEventKind::kDeleted:
                break;
        }
    }
}

}  // namespace

std::vector<DealHistory> BuildHistories(const std::vector<domain::Deal>& deals,
                                        const std::vector<domain::DealEvent>& events) {
    std::unordered_map<Id, std::pair<std::size_t, std::size_t>> ranges;  // deal -> [begin, end)
    for (std::size_t i = 0; i < events.size();) {
        std::size_t j = i;
        while (j < events.size() && events[j].deal_id == events[i].deal_id) {
            ++j;
        }
        ranges[events[i].deal_id] = {i, j};
        i = j;
    }
    std::vector<DealHistory> out;
    out.reserve(deals.size());
    for (const domain::Deal& deal : deals) {
        DealHistory history;
        history.deal = &deal;
        const auto range = ranges.find(deal.id);
        if (range == ranges.end()) {
            history.entries.push_back({deal.stage_id, deal.add_time});
            const bool open = deal.status == domain::DealStatus::kOpen;
            history.visits.push_back(
                {deal.stage_id, deal.add_time,
                 open ? std::nullopt
                      : std::optional<Instant>(deal.close_time.value_or(deal.add_time))});
        } else {
            Replay(history, events.data() + range->second.first,
                   events.data() + range->second.second);
        }
        out.push_back(std::move(history));
    }
    return out;
}

}  // namespace pipecrm::reports
