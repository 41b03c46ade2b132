#include "sample/sample_data.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/actor.hpp"
#include "domain/deal_service.hpp"
#include "domain/exchange_rate.hpp"
#include "domain/workspace_setup.hpp"
#include "text/search_text.hpp"

namespace pipecrm::sample {
namespace {

using namespace std::chrono_literals;

// splitmix64: small, fast and the same on every platform (std distributions are not).
class Random {
  public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t Next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n).
    int Below(int n) { return static_cast<int>(Next() % static_cast<std::uint64_t>(n)); }
    /// Uniform in [lo, hi].
    int Between(int lo, int hi) { return lo + Below(hi - lo + 1); }
    bool Chance(int percent) { return Below(100) < percent; }
    template <typename T, std::size_t N>
    const T& Pick(const std::array<T, N>& items) {
        return items[static_cast<std::size_t>(Below(static_cast<int>(N)))];
    }

  private:
    std::uint64_t state_;
};

constexpr std::array<const char*, 14> kVietFamily = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng",
                                                     "Huỳnh",  "Phan", "Vũ", "Võ",   "Đặng",
                                                     "Bùi",    "Đỗ",   "Hồ", "Ngô"};
constexpr std::array<const char*, 10> kVietMiddle = {"Văn",  "Thị", "Minh",  "Thu", "Quốc",
                                                     "Ngọc", "Hữu", "Thanh", "Đức", "Hoài"};
constexpr std::array<const char*, 16> kVietGiven = {"An",  "Bình",  "Châu", "Dũng", "Giang", "Hà",
                                                    "Hải", "Hương", "Khoa", "Lan",  "Long",  "Mai",
                                                    "Nam", "Phúc",  "Tâm",  "Trang"};
constexpr std::array<const char*, 12> kEnglishGiven = {"James", "Emily", "Oliver", "Sophia",
                                                       "Liam",  "Grace", "Noah",   "Chloe",
                                                       "Lucas", "Ava",   "Henry",  "Ella"};
constexpr std::array<const char*, 12> kEnglishFamily = {"Smith",  "Johnson", "Carter", "Walker",
                                                        "Brown",  "Taylor",  "Clark",  "Lewis",
                                                        "Hughes", "Wright",  "Green",  "Baker"};
constexpr std::array<const char*, 12> kVietCompanyCore = {
    "Minh Phát", "Hoà Bình", "Sao Việt",  "Đại Dương", "Thành Công", "Phú Thịnh",
    "An Khang",  "Tân Tiến", "Hưng Long", "Việt Tín",  "Nam Á",      "Kim Cương"};
constexpr std::array<const char*, 4> kVietCompanyKind = {"Công ty TNHH", "Công ty Cổ phần",
                                                         "Tập đoàn", "Doanh nghiệp tư nhân"};
constexpr std::array<const char*, 10> kEnglishCompanyCore = {
    "Acme", "Northwind",  "Blue River", "Summit", "Greenfield",
    "Apex", "Lighthouse", "Redwood",    "Harbor", "Pioneer"};
constexpr std::array<const char*, 4> kEnglishCompanyKind = {"Ltd", "Inc", "Group", "Trading"};
constexpr std::array<const char*, 8> kCities = {"Hà Nội",    "TP. Hồ Chí Minh", "Đà Nẵng",
                                                "Hải Phòng", "Cần Thơ",         "Singapore",
                                                "Bangkok",   "Sydney"};

struct ProductSeed {
    const char* name;
    const char* code;
    std::int64_t price_vnd;
};
constexpr std::array<ProductSeed, 6> kProducts = {{
    {"Phần mềm CRM - gói Cơ bản", "CRM-BASIC", 12'000'000},
    {"CRM license - Professional", "CRM-PRO", 45'000'000},
    {"Đào tạo nhân viên bán hàng", "TRAIN-01", 8'000'000},
    {"Onboarding & data migration", "SVC-MIG", 25'000'000},
    {"Tổng đài VoIP", "VOIP-10", 6'500'000},
    {"Support plan (12 months)", "SUP-12", 18'000'000},
}};

constexpr std::array<const char*, 5> kLostReasonsEn = {"Price too high", "Chose a competitor",
                                                       "No budget this year", "No response",
                                                       "Timing not right"};
constexpr std::array<const char*, 5> kLostReasonsVi = {"Giá quá cao", "Chọn đối thủ khác",
                                                       "Không có ngân sách", "Không phản hồi",
                                                       "Chưa đúng thời điểm"};
constexpr std::array<const char*, 6> kActivityTypes = {"call", "meeting", "email",
                                                       "task", "call",    "meeting"};
constexpr std::array<const char*, 6> kActivitySubjects = {"Gọi điện giới thiệu sản phẩm",
                                                          "Follow-up call",
                                                          "Demo sản phẩm tại văn phòng khách",
                                                          "Send proposal",
                                                          "Gửi báo giá",
                                                          "Contract review meeting"};
constexpr std::array<const char*, 5> kNotes = {
    "Khách quan tâm gói Professional, cần báo giá trước thứ Sáu.",
    "Decision maker is the CFO; budget approved for Q3.",
    "Đã gửi tài liệu, khách hẹn phản hồi sau cuộc họp nội bộ.",
    "Asked for a reference customer in the same industry.",
    "Khách muốn dùng thử 14 ngày trước khi ký hợp đồng."};

std::string PersonName(Random& rng, bool viet) {
    if (viet) {
        return std::string(rng.Pick(kVietFamily)) + " " + rng.Pick(kVietMiddle) + " " +
               rng.Pick(kVietGiven);
    }
    return std::string(rng.Pick(kEnglishGiven)) + " " + rng.Pick(kEnglishFamily);
}

// ASCII local part for an email: keeps letters, digits and dots; Vietnamese letters are
// replaced by their base letter where simple, or dropped.
// "Võ Hồi Bình", 1 -> "vo.hoi.binh1": diacritics folded away (đ as d), spaces as dots.
std::string EmailLocal(const std::string& name, int n) {
    std::string local;
    for (char ch : text::FoldForSearch(name)) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            local += static_cast<char>(c);
        } else if (c >= 'A' && c <= 'Z') {
            local += static_cast<char>(c - 'A' + 'a');
        } else if (c == ' ') {
            local += '.';
        }
    }
    return local + std::to_string(n);
}

Instant AddDays(Instant t, int days) {
    return t + std::chrono::days{days};
}

struct World {
    std::vector<Id> reps;
    std::vector<Id> organizations;
    std::vector<Id> persons;
    std::vector<Id> person_orgs;        // the org of persons[i], or 0
    std::vector<domain::Stage> stages;  // of the first pipeline, in order
    std::vector<Id> products;
};

Status CreatePeople(domain::Repositories& repos,
                    const SampleOptions& o,
                    Random& rng,
                    World& w,
                    SampleSummary& summary) {
    const Instant start = AddDays(o.now, -o.history_days - 30);
    w.reps.push_back(o.admin_user_id);
    for (int i = 0; i < o.reps; ++i) {
        domain::User rep;
        rep.workspace_id = o.workspace_id;
        rep.name = PersonName(rng, i % 2 == 0);
        rep.email = EmailLocal(rep.name, i + 1) + "@sales.example.com";
        rep.role = i == 0 ? domain::Role::kManager : domain::Role::kMember;
        rep.locale = o.vietnamese ? "vi_VN" : "en_US";
        rep.add_time = start;
        rep.update_time = start;
        auto id = repos.Users().Insert(rep);
        if (!id.ok()) {
            return id.status();
        }
        w.reps.push_back(*id);
        ++summary.users;
    }
    // The first rep manages one team of the others, so visibility has teams to work with.
    if (o.reps > 0) {
        domain::Team team;
        team.workspace_id = o.workspace_id;
        team.name = o.vietnamese ? "Đội bán hàng" : "Sales team";
        team.manager_user_id = w.reps[1];
        team.add_time = start;
        team.update_time = start;
        auto team_id = repos.Teams().Insert(team);
        if (!team_id.ok()) {
            return team_id.status();
        }
        for (std::size_t i = 2; i < w.reps.size(); ++i) {
            PIPECRM_RETURN_IF_ERROR(
                repos.Teams().AddMember(o.workspace_id, *team_id, w.reps[i], start));
        }
    }
    const int org_count = std::max(5, o.deals / 5);
    for (int i = 0; i < org_count; ++i) {
        const bool viet = rng.Chance(60);
        domain::Organization org;
        org.workspace_id = o.workspace_id;
        org.name =
            viet ? std::string(rng.Pick(kVietCompanyKind)) + " " + rng.Pick(kVietCompanyCore)
                 : std::string(rng.Pick(kEnglishCompanyCore)) + " " + rng.Pick(kEnglishCompanyKind);
        org.name += " " + std::to_string(i + 1);
        org.owner_id = w.reps[static_cast<std::size_t>(rng.Below(static_cast<int>(w.reps.size())))];
        org.address = std::to_string(rng.Between(1, 300)) + " " + rng.Pick(kCities);
        org.add_time = start;
        org.update_time = start;
        auto id = repos.Organizations().Insert(org);
        if (!id.ok()) {
            return id.status();
        }
        w.organizations.push_back(*id);
        ++summary.organizations;
    }
    const int person_count = std::max(8, o.deals * 3 / 5);
    for (int i = 0; i < person_count; ++i) {
        const bool viet = rng.Chance(65);
        domain::Person person;
        person.workspace_id = o.workspace_id;
        person.name = PersonName(rng, viet);
        person.owner_id =
            w.reps[static_cast<std::size_t>(rng.Below(static_cast<int>(w.reps.size())))];
        if (rng.Chance(85)) {
            person.org_id = w.organizations[static_cast<std::size_t>(
                rng.Below(static_cast<int>(w.organizations.size())))];
        }
        person.emails.push_back({EmailLocal(person.name, i + 1) + "@example.com", "work", true});
        if (rng.Chance(30)) {
            person.emails.push_back(
                {EmailLocal(person.name, i + 101) + "@mail.example.org", "home", false});
        }
        person.phones.push_back({"+84 9" + std::to_string(rng.Between(10, 99)) + " " +
                                     std::to_string(rng.Between(100, 999)) + " " +
                                     std::to_string(rng.Between(100, 999)),
                                 "mobile", true});
        person.add_time = start;
        person.update_time = start;
        auto id = repos.Persons().Insert(person);
        if (!id.ok()) {
            return id.status();
        }
        w.persons.push_back(*id);
        w.person_orgs.push_back(person.org_id.value_or(0));
        ++summary.persons;
    }
    for (const ProductSeed& seed : kProducts) {
        domain::Product product;
        product.workspace_id = o.workspace_id;
        product.name = seed.name;
        product.code = seed.code;
        product.unit = "gói";
        product.prices.push_back({Money{seed.price_vnd, "VND"}, seed.price_vnd / 2});
        product.owner_id = o.admin_user_id;
        product.add_time = start;
        product.update_time = start;
        auto id = repos.Products().Insert(product);
        if (!id.ok()) {
            return id.status();
        }
        w.products.push_back(*id);
        ++summary.products;
    }
    return Status::Ok();
}

// The currencies of sample deals besides VND, with a plausible VND rate and the range of a
// deal's value in whole units.
struct ForeignCurrency {
    const char* code;
    std::int64_t rate_vnd_cents;  ///< VND for one unit, in hundredths, on the first day
    int low;
    int high;
};
constexpr std::array<ForeignCurrency, 3> kForeignCurrencies = {{
    {"USD", 2'540'050, 500, 40'000},
    {"EUR", 2'765'025, 500, 35'000},
    {"SGD", 1'902'075, 800, 50'000},
}};

Status ApplyChange(domain::Repositories& repos,
                   const domain::Actor& actor,
                   Id deal_id,
                   const domain::DealChange& change,
                   Instant at) {
    auto changed = domain::UpdateDeal(repos, actor, deal_id, change, at);
    return changed.ok() ? Status::Ok() : changed.status();
}

// A deal's value as it is quoted again: 85-125% of the last quote, rounded (to 100,000 VND or
// 10 units of another currency).
std::int64_t Requote(Random& rng, std::int64_t value, const std::string& currency) {
    const std::int64_t step = currency == "VND" ? 100'000 : 10;
    const std::int64_t quoted = value * rng.Between(85, 125) / 100;
    return std::max<std::int64_t>(step, quoted / step * step);
}

// Moves a new deal through the stages while there is time left: mostly one stage forward,
// sometimes skipping one, sometimes back one. Most moves come with a new quote of the value
// (value_changed), and a quarter of the deals are handed to another rep on the way
// (owner_changed): about five events per deal in all, as issue 7's benchmark asks. Returns the
// index of the stage it ends in and advances `t` to its last move.
Result<int> WalkStages(domain::Repositories& repos,
                       const SampleOptions& o,
                       Random& rng,
                       const World& w,
                       domain::Actor& actor,
                       Id deal_id,
                       std::int64_t value,
                       const std::string& currency,
                       Instant& t) {
    bool handed_over = !rng.Chance(25);  // true: this deal keeps its rep
    const int last = static_cast<int>(w.stages.size()) - 1;
    const int target = rng.Below(last + 1);
    int stage = 0;
    for (int moves = 0; stage < target && moves < 10; ++moves) {
        Instant next = AddDays(t, rng.Between(1, 18)) + std::chrono::seconds{rng.Between(0, 7200)};
        if (next >= o.now) {
            break;
        }
        t = next;
        int to = stage + 1;
        if (stage > 0 && rng.Chance(10)) {
            to = stage - 1;
        } else if (stage + 2 <= target && rng.Chance(15)) {
            to = stage + 2;
        }
        domain::DealChange move;
        move.stage_id = w.stages[static_cast<std::size_t>(to)].id;
        if (rng.Chance(90)) {
            value = Requote(rng, value, currency);
            move.value = std::to_string(value);
        }
        if (!handed_over && w.reps.size() > 1 && rng.Chance(50)) {
            Id rep = actor.user_id;
            while (rep == actor.user_id) {
                rep = w.reps[static_cast<std::size_t>(rng.Below(static_cast<int>(w.reps.size())))];
            }
            move.owner_id = rep;
            handed_over = true;
        }
        PIPECRM_RETURN_IF_ERROR(ApplyChange(repos, actor, deal_id, move, t));
        if (move.owner_id) {
            actor.user_id = *move.owner_id;  // the new rep works the deal from here
        }
        stage = to;
    }
    return stage;
}

// Closes the deal (won from the third stage on, else lost) with a lost reason when lost.
domain::DealChange Closing(const SampleOptions& o, Random& rng, bool won) {
    domain::DealChange change;
    change.status = won ? domain::DealStatus::kWon : domain::DealStatus::kLost;
    if (!won) {
        change.lost_reason = o.vietnamese ? rng.Pick(kLostReasonsVi) : rng.Pick(kLostReasonsEn);
    }
    return change;
}

// One deal from its creation to today: stage moves on the way (forward, skipping, back), then
// won, lost or still open, sometimes reopened and closed again, with its activities, notes and
// products.
Status CreateDealWithHistory(domain::Repositories& repos,
                             const SampleOptions& o,
                             Random& rng,
                             const World& w,
                             int index,
                             SampleSummary& summary) {
    const Id owner = w.reps[static_cast<std::size_t>(rng.Below(static_cast<int>(w.reps.size())))];
    domain::Actor actor{o.workspace_id, owner, "VND"};
    const std::size_t person_index =
        static_cast<std::size_t>(rng.Below(static_cast<int>(w.persons.size())));
    const std::size_t product_index =
        static_cast<std::size_t>(rng.Below(static_cast<int>(kProducts.size())));

    Instant t = AddDays(o.now, -rng.Between(1, o.history_days)) +
                std::chrono::seconds{rng.Between(8 * 3600, 17 * 3600)};
    domain::DealChange create;
    create.title = std::string(kProducts[product_index].name) + " #" + std::to_string(index + 1);
    const int currency_pick = rng.Below(100);  // 75% VND, then USD, EUR, SGD
    if (currency_pick < 75) {
        create.currency = "VND";
        create.value = std::to_string(static_cast<std::int64_t>(rng.Between(5, 500)) * 1'000'000);
    } else {
        const ForeignCurrency& foreign =
            kForeignCurrencies[currency_pick < 88 ? 0 : (currency_pick < 95 ? 1 : 2)];
        create.currency = foreign.code;
        create.value = std::to_string(rng.Between(foreign.low / 100, foreign.high / 100) * 100);
    }
    create.owner_id = owner;
    create.person_id = OptionalId(w.persons[person_index]);
    if (w.person_orgs[person_index] != 0) {
        create.org_id = OptionalId(w.person_orgs[person_index]);
    }
    create.stage_id = w.stages.front().id;
    create.expected_close_date = std::optional<Date>(
        std::chrono::floor<std::chrono::days>(AddDays(t, rng.Between(20, 120))));
    auto deal = domain::CreateDeal(repos, actor, create, t);
    if (!deal.ok()) {
        return deal.status();
    }

    auto stage = WalkStages(repos, o, rng, w, actor, deal->id, std::stoll(*create.value),
                            *create.currency, t);
    if (!stage.ok()) {
        return stage.status();
    }
    const int outcome = rng.Below(100);
    Instant close = AddDays(t, rng.Between(1, 20));
    if (close < o.now && outcome < 40) {
        const bool won = outcome < 22 && *stage >= 2;
        PIPECRM_RETURN_IF_ERROR(ApplyChange(repos, actor, deal->id, Closing(o, rng, won), close));
        t = close;
        // Some closed deals are reopened later, and about half of those closed again.
        const Instant reopen = AddDays(t, rng.Between(1, 15));
        if (rng.Chance(8) && reopen < o.now) {
            domain::DealChange reopening;
            reopening.status = domain::DealStatus::kOpen;
            PIPECRM_RETURN_IF_ERROR(ApplyChange(repos, actor, deal->id, reopening, reopen));
            t = reopen;
            const Instant again = AddDays(t, rng.Between(1, 20));
            if (rng.Chance(50) && again < o.now) {
                PIPECRM_RETURN_IF_ERROR(ApplyChange(repos, actor, deal->id,
                                                    Closing(o, rng, !won && *stage >= 2), again));
                t = again;
            }
        }
    }

    // Activities: some done in the past, some overdue, some upcoming (for open deals).
    const int activity_count = rng.Between(1, 3);
    for (int a = 0; a < activity_count; ++a) {
        domain::Activity activity;
        activity.workspace_id = o.workspace_id;
        activity.subject = rng.Pick(kActivitySubjects);
        activity.type = rng.Pick(kActivityTypes);
        activity.owner_id = owner;
        activity.creator_user_id = owner;
        activity.deal_id = deal->id;
        activity.person_id = w.persons[person_index];
        const int kind = rng.Below(3);  // 0 done, 1 overdue, 2 upcoming
        const int offset = kind == 2 ? rng.Between(0, 14) : -rng.Between(1, 30);
        activity.due_date = std::chrono::floor<std::chrono::days>(AddDays(o.now, offset));
        activity.due_time_minutes = rng.Between(8, 17) * 60;
        activity.duration_minutes = 30;
        activity.done = kind == 0;
        if (activity.done) {
            activity.marked_as_done_time = Instant{*activity.due_date} + std::chrono::hours{10};
        }
        activity.add_time = t;
        activity.update_time = t;
        auto id = repos.Activities().Insert(activity);
        if (!id.ok()) {
            return id.status();
        }
        ++summary.activities;
    }
    if (rng.Chance(50)) {
        domain::Note note;
        note.workspace_id = o.workspace_id;
        note.user_id = owner;
        note.content = rng.Pick(kNotes);
        note.deal_id = deal->id;
        note.add_time = t;
        note.update_time = t;
        auto id = repos.Notes().Insert(note);
        if (!id.ok()) {
            return id.status();
        }
        ++summary.notes;
    }
    if (rng.Chance(40)) {
        domain::DealProduct line;
        line.workspace_id = o.workspace_id;
        line.deal_id = deal->id;
        line.product_id = w.products[product_index];
        line.item_price = kProducts[product_index].price_vnd;
        line.quantity = rng.Between(1, 5);
        line.add_time = t;
        line.update_time = t;
        auto id = repos.Products().InsertDealProduct(line);
        if (!id.ok()) {
            return id.status();
        }
    }
    ++summary.deals;
    return Status::Ok();
}

// Everything generation carries from one write to the next.
// Everything generation carries from one write to the next besides the world, which stays as
// the first step made it.
struct Progress {
    Random rng;
    SampleSummary summary;
};

// A rate for each foreign sample currency on the first of every month of the history, when the
// workspace counts in VND and has none for that currency yet (so reports convert every deal).
Status AddExchangeRates(domain::Repositories& repos, const SampleOptions& o) {
    auto workspace = repos.Workspaces().Get(o.workspace_id);
    if (!workspace.ok()) {
        return workspace.status();
    }
    if (workspace->default_currency != "VND") {
        return Status::Ok();
    }
    auto existing = repos.Reports().Rates(o.workspace_id);
    if (!existing.ok()) {
        return existing.status();
    }
    using namespace std::chrono;
    const year_month_day first_day{floor<days>(AddDays(o.now, -o.history_days - 30))};
    const year_month first_month = first_day.year() / first_day.month();
    const int month_count = o.history_days / 30 + 2;
    for (const ForeignCurrency& foreign : kForeignCurrencies) {
        bool has_rate = false;
        for (const domain::ExchangeRate& rate : *existing) {
            has_rate = has_rate || rate.currency == foreign.code;
        }
        if (has_rate) {
            continue;
        }
        for (int m = 0; m < month_count; ++m) {
            const std::int64_t cents = foreign.rate_vnd_cents + m * 1'375;
            const std::string fraction = std::to_string(100 + cents % 100).substr(1);
            domain::ExchangeRate rate;
            rate.workspace_id = o.workspace_id;
            rate.currency = foreign.code;
            rate.rate_date = sys_days{(first_month + months{m}) / 1};
            rate.rate = std::to_string(cents / 100) + "." + fraction;
            rate.entered_by = o.admin_user_id;
            rate.entered_time = AddDays(o.now, -o.history_days - 30);
            auto id = repos.Reports().AddRate(rate);
            if (!id.ok()) {
                return id.status();
            }
        }
    }
    return Status::Ok();
}

// Runs `step` on a copy of `progress` inside a write and keeps the copy once it is committed:
// a store may run a job more than once, and each run must start from the same state.
template <typename Step>
Status CommitStep(domain::Store& store, Progress& progress, Step&& step) {
    std::optional<Progress> committed;
    Status status = store.WriteAndWait([&](domain::Repositories& repos) -> Status {
        Progress attempt = progress;
        PIPECRM_RETURN_IF_ERROR(step(repos, attempt));
        committed = std::move(attempt);
        return Status::Ok();
    });
    if (status.ok()) {
        progress = std::move(*committed);
    }
    return status;
}

Status LoadStages(domain::Repositories& repos, const SampleOptions& options, World& world) {
    domain::ListOptions first;
    first.sort = domain::SortField::kOrderNr;
    first.limit = 1;
    auto pipelines = repos.Pipelines().List(options.workspace_id, first);
    if (!pipelines.ok()) {
        return pipelines.status();
    }
    if (pipelines->empty()) {
        return FailedPrecondition("the workspace has no pipeline");
    }
    domain::ListOptions all;
    all.sort = domain::SortField::kOrderNr;
    all.limit = 1000;
    auto stages = repos.Stages().List(options.workspace_id, pipelines->front().id, all);
    if (!stages.ok()) {
        return stages.status();
    }
    if (stages->empty()) {
        return FailedPrecondition("the first pipeline has no stages");
    }
    world.stages = *stages;
    return Status::Ok();
}

}  // namespace

Result<SampleSummary> GenerateSampleData(domain::Store& store, const SampleOptions& options) {
    Progress progress{Random(options.seed), {}};
    World world;
    PIPECRM_RETURN_IF_ERROR(
        CommitStep(store, progress, [&](domain::Repositories& repos, Progress& p) -> Status {
            world = World{};
            PIPECRM_RETURN_IF_ERROR(LoadStages(repos, options, world));
            PIPECRM_RETURN_IF_ERROR(AddExchangeRates(repos, options));
            return CreatePeople(repos, options, p.rng, world, p.summary);
        }));
    const int batch = std::max(1, options.batch);
    for (int done = 0; done < options.deals; done += batch) {
        const int end = std::min(options.deals, done + batch);
        PIPECRM_RETURN_IF_ERROR(
            CommitStep(store, progress, [&](domain::Repositories& repos, Progress& p) -> Status {
                for (int i = done; i < end; ++i) {
                    PIPECRM_RETURN_IF_ERROR(
                        CreateDealWithHistory(repos, options, p.rng, world, i, p.summary));
                }
                return Status::Ok();
            }));
        if (options.progress) {
            options.progress(end, options.deals);
        }
    }
    return progress.summary;
}

}  // namespace pipecrm::sample
