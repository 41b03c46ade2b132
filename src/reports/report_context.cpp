#include "reports/report_context.hpp"

#include <algorithm>

namespace pipecrm::reports {

ReportContext::ReportContext(const ReportData& data,
                             const ReportRequest& request,
                             text::ZoneDays zone)
    : data_(&data),
      request_(&request),
      converter_(request.base_currency, data.rates),
      zone_(std::move(zone)) {}

Result<ReportContext> ReportContext::Build(const ReportData& data, const ReportRequest& request) {
    auto zone = text::ZoneDays::Open(request.time_zone);
    if (!zone.ok()) {
        return InvalidArgument("unknown time zone \"" + request.time_zone + "\"", "time_zone");
    }
    ReportContext context(data, request, std::move(*zone));
    if (request.from) {
        context.from_ = context.StartOfDay(*request.from);
    }
    if (request.to) {
        if (request.from && *request.to < *request.from) {
            return InvalidArgument("the period ends (to) before it begins (from)", "to");
        }
        context.until_ = context.StartOfDay(*request.to + std::chrono::days{1});
    }
    if (request.owner_id && request.team_id) {
        return InvalidArgument("give an owner or a team, not both", "team_id");
    }
    if (request.owner_id) {
        const bool known = std::any_of(data.users.begin(), data.users.end(),
                                       [&](const auto& u) { return u.id == *request.owner_id; });
        if (!known) {
            return InvalidArgument("no user " + std::to_string(*request.owner_id), "owner_id");
        }
        context.owners_ = std::set<Id>{*request.owner_id};
    }
    if (request.team_id) {
        const bool known = std::any_of(data.teams.begin(), data.teams.end(),
                                       [&](const auto& t) { return t.id == *request.team_id; });
        if (!known) {
            return InvalidArgument("no team " + std::to_string(*request.team_id), "team_id");
        }
        context.owners_.emplace();
        for (const domain::TeamMembership& m : data.memberships) {
            if (m.team_id == *request.team_id) {
                context.owners_->insert(m.user_id);
            }
        }
    }
    std::vector<const domain::Pipeline*> pipelines;
    for (const domain::Pipeline& p : data.pipelines) {
        if (!p.is_deleted) {
            pipelines.push_back(&p);
        }
    }
    std::stable_sort(pipelines.begin(), pipelines.end(),
                     [](const auto* a, const auto* b) { return a->order_nr < b->order_nr; });
    if (request.pipeline_id) {
        for (const domain::Pipeline* p : pipelines) {
            if (p->id == *request.pipeline_id) {
                context.pipeline_ = p;
            }
        }
        if (context.pipeline_ == nullptr) {
            return InvalidArgument("no pipeline " + std::to_string(*request.pipeline_id),
                                   "pipeline_id");
        }
    } else if (!pipelines.empty()) {
        context.pipeline_ = pipelines.front();
    }
    for (const domain::Stage& s : data.stages) {
        if (s.is_deleted) {
            continue;
        }
        context.all_stages_[s.id] = &s;
        if (context.pipeline_ != nullptr && s.pipeline_id == context.pipeline_->id) {
            context.stages_.push_back(&s);
        }
    }
    std::stable_sort(context.stages_.begin(), context.stages_.end(),
                     [](const auto* a, const auto* b) { return a->order_nr < b->order_nr; });
    for (DealHistory& h : BuildHistories(data.deals, data.events)) {
        if (h.deal->status != domain::DealStatus::kDeleted &&
            context.OwnerInScope(h.deal->owner_id)) {
            context.histories_.push_back(std::move(h));
        }
    }
    return context;
}

bool ReportContext::InPeriod(Instant t) const {
    return (!from_ || t >= *from_) && (!until_ || t < *until_);
}

bool ReportContext::OwnerInScope(Id user_id) const {
    return !owners_ || owners_->count(user_id) > 0;
}

std::optional<std::size_t> ReportContext::StageIndex(Id stage_id) const {
    for (std::size_t i = 0; i < stages_.size(); ++i) {
        if (stages_[i]->id == stage_id) {
            return i;
        }
    }
    return std::nullopt;
}

bool ReportContext::DealInPipelineScope(const domain::Deal& deal) const {
    return !request_->pipeline_id || deal.pipeline_id == *request_->pipeline_id;
}

const domain::Stage* ReportContext::Stage(Id stage_id) const {
    const auto it = all_stages_.find(stage_id);
    return it == all_stages_.end() ? nullptr : it->second;
}

std::optional<std::int64_t> ReportContext::Value(const domain::Deal& deal) {
    std::optional<ClosedOn> closed;
    if (deal.status != domain::DealStatus::kOpen && deal.close_time) {
        closed = ClosedOn{*deal.close_time, LocalDay(*deal.close_time)};
    }
    auto value = converter_.ToBase(deal.value, closed);
    if (!value) {
        unconverted_.insert(deal.id);
    }
    return value;
}

void ReportContext::CountUnconverted(Id deal_id, const std::string& currency) {
    unconverted_.insert(deal_id);
    missing_.insert(currency);
}

Instant ReportContext::StartOfDay(Date day) const {
    return zone_.StartOfLocalDay(day);
}

Date ReportContext::LocalDay(Instant t) const {
    return zone_.LocalDay(t);
}

std::string ReportContext::UserName(Id user_id) const {
    for (const domain::User& u : data_->users) {
        if (u.id == user_id) {
            return u.name;
        }
    }
    return "user " + std::to_string(user_id);
}

ReportTable ReportContext::StartTable(const std::string& report,
                                      std::vector<std::string> columns,
                                      Scope scope) const {
    ReportTable table;
    table.report = report;
    table.base_currency = request_->base_currency;
    table.columns = std::move(columns);
    const domain::Pipeline* named =
        scope == Scope::kOnePipeline || request_->pipeline_id ? pipeline_ : nullptr;
    table.summary.emplace_back("pipeline_id", named ? Cell::Int(named->id) : Cell::Null());
    table.summary.emplace_back("pipeline", named ? Cell::Text(named->name) : Cell::Null());
    table.summary.emplace_back(
        "from", request_->from ? Cell::Text(FormatDate(*request_->from)) : Cell::Null());
    table.summary.emplace_back("to",
                               request_->to ? Cell::Text(FormatDate(*request_->to)) : Cell::Null());
    table.summary.emplace_back("time_zone", Cell::Text(request_->time_zone));
    return table;
}

void ReportContext::FinishTable(ReportTable& table) const {
    table.summary.emplace_back("unconverted_deals",
                               Cell::Int(static_cast<std::int64_t>(unconverted_.size())));
    std::set<std::string> currencies = missing_;
    currencies.insert(converter_.missing().begin(), converter_.missing().end());
    std::string missing;
    for (const std::string& currency : currencies) {
        missing += (missing.empty() ? "" : ",") + currency;
    }
    table.summary.emplace_back("missing_rates", Cell::Text(missing));
}

std::int64_t Percentile(const std::vector<std::int64_t>& sorted, int percent) {
    if (sorted.empty()) {
        return 0;
    }
    // rank = ceil(percent/100 * n), 1-based.
    const std::size_t n = sorted.size();
    std::size_t rank = (static_cast<std::size_t>(percent) * n + 99) / 100;
    rank = std::clamp<std::size_t>(rank, 1, n);
    return sorted[rank - 1];
}

double Days(std::int64_t seconds) {
    return static_cast<double>(seconds) / 86400.0;
}

Cell Ratio(std::int64_t part, std::int64_t whole) {
    if (whole == 0) {
        return Cell::Null();
    }
    return Cell::Number(static_cast<double>(part) / static_cast<double>(whole));
}

}  // namespace pipecrm::reports
