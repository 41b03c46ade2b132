// v2 search: /itemSearch across deals, persons, organizations and products, and
// /deals/search and /persons/search. Case and Vietnamese diacritics are folded ("nguyen van a"
// finds "Nguyễn Văn A"); a phone typed in any common form finds the same person.
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"
#include "text/search_text.hpp"

namespace pipecrm::http {
namespace {

// Rows fetched per kind before scoring; the best `limit` of them are answered.
constexpr int kCandidates = 2000;

// What a search compares: the folded term, the term read as a phone number, whether only
// whole-field matches count, and which fields (all when empty).
struct Matching {
    std::string folded;
    std::string raw;  ///< as typed, read as a phone number in the workspace's region
    std::optional<std::string> phone;
    std::string phone_region;
    bool exact = false;
    std::set<std::string> fields;
    std::set<std::string> include;  ///< deal.cc_email, person.picture, product.price
    bool related = false;           ///< search_for_related_items
};

struct SearchRequest {
    domain::SearchTerm term;
    Matching matching;
    std::vector<std::string> types;
};

// One result: its score, and how to render it once it makes the page.
struct Hit {
    double score = 0;
    std::string_view type;  ///< "deal", "person", "organization" or "product"
    Id id = 0;
    std::function<void(JsonWriter&)> render;
};

const std::set<std::string>& SearchableFields() {
    static const std::set<std::string> kFields = {"title", "name",    "email",
                                                  "phone", "address", "code"};
    return kFields;
}

Result<SearchRequest> ParseSearch(const RouteContext& ctx, std::vector<std::string> types) {
    SearchRequest search;
    const domain::User& user = ctx.principal->user;
    search.term.workspace_id = user.workspace_id;
    std::optional<bool> exact;
    PIPECRM_RETURN_IF_ERROR(Take(QueryBool(ctx.request, "exact_match"), exact));
    search.matching.exact = exact.value_or(false);
    const std::string* term = ctx.request.Query("term");
    const std::string folded = term ? text::FoldForSearch(*term) : std::string();
    const auto begin = folded.find_first_not_of(' ');
    search.matching.folded = begin == std::string::npos
                                 ? std::string()
                                 : folded.substr(begin, folded.find_last_not_of(' ') - begin + 1);
    if (search.matching.folded.size() < (search.matching.exact ? 1u : 2u)) {
        return InvalidArgument(search.matching.exact
                                   ? "term must not be empty"
                                   : "term must have at least 2 characters (1 with exact_match)",
                               "term");
    }
    search.matching.raw = *term;
    search.term.folded = search.matching.folded;
    auto options = QueryListOptions(ctx.request, {{"id", domain::SortField::kId}});
    if (!options.ok()) {
        return options.status();
    }
    search.term.limit = options->limit;
    for (const std::string& field : QueryWords(ctx.request, "fields")) {
        if (!SearchableFields().count(field)) {
            return InvalidArgument(
                "fields takes title, name, email, phone, address and code (notes and custom "
                "fields are not searched yet)",
                "fields");
        }
        search.matching.fields.insert(field);
    }
    std::optional<bool> related;
    PIPECRM_RETURN_IF_ERROR(Take(QueryBool(ctx.request, "search_for_related_items"), related));
    search.matching.related = related.value_or(false);
    for (const std::string& name : QueryWords(ctx.request, "include_fields")) {
        if (name != "deal.cc_email" && name != "person.picture" && name != "product.price") {
            return InvalidArgument(
                "include_fields takes deal.cc_email, person.picture and product.price",
                "include_fields");
        }
        search.matching.include.insert(name);
    }
    search.types = std::move(types);
    if (search.types.empty()) {
        search.types = QueryWords(ctx.request, "item_types");
        if (search.types.empty()) {
            search.types = {"deal", "person", "organization", "product"};
        }
        for (const std::string& type : search.types) {
            if (type != "deal" && type != "person" && type != "organization" && type != "product") {
                return InvalidArgument("item_types takes deal, person, organization and product",
                                       "item_types");
            }
        }
    }
    return search;
}

// How well one field's value matches: 1 for the whole value, 0.75 for a prefix, 0.5 anywhere
// inside; 0 for no match, a field not searched, or less than a whole value with exact_match.
double FieldScore(const Matching& m, const char* field, std::string_view value) {
    if (!m.fields.empty() && !m.fields.count(field)) {
        return 0;
    }
    const std::string folded = text::FoldForSearch(value);
    if (folded == m.folded) {
        return 1.0;
    }
    if (m.exact) {
        return 0;
    }
    if (folded.rfind(m.folded, 0) == 0) {
        return 0.75;
    }
    return folded.find(m.folded) != std::string::npos ? 0.5 : 0;
}

// A phone matches the same number in any form; otherwise it is compared as text.
double PhoneScore(const Matching& m, std::string_view value) {
    if (m.phone && (m.fields.empty() || m.fields.count("phone")) &&
        text::NormalizePhone(value, m.phone_region) == m.phone) {
        return 1.0;
    }
    return FieldScore(m, "phone", value);
}

void WriteOwner(JsonWriter& w, Id owner_id) {
    w.Key("owner").StartObject().Key("id").Int(owner_id).EndObject();
}

void WriteOrgRef(JsonWriter& w,
                 domain::Repositories& repos,
                 Id workspace_id,
                 const OptionalId& org_id) {
    w.Key("organization");
    auto org = org_id ? repos.Organizations().Get(workspace_id, *org_id)
                      : Result<domain::Organization>(NotFound("none"));
    if (!org.ok()) {
        w.Null();
        return;
    }
    w.StartObject();
    w.Key("id").Int(org->id);
    w.Key("name").String(org->name);
    w.Key("address").String(org->address);
    w.EndObject();
}

void WriteValues(JsonWriter& w, const char* key, const std::vector<domain::ContactPoint>& points) {
    w.Key(key).StartArray();
    for (const domain::ContactPoint& point : points) {
        w.String(point.value);
    }
    w.EndArray();
}

// A deal as search answers it.
void WriteDealItem(JsonWriter& w,
                   domain::Repositories& repos,
                   const domain::Deal& d,
                   bool cc_email) {
    w.StartObject();
    w.Key("id").Int(d.id);
    w.Key("type").String("deal");
    if (cc_email) {
        w.Key("cc_email").Null();  // PipeCRM has no Smart BCC mailbox
    }
    w.Key("title").String(d.title);
    w.Key("value").Raw(FormatAmount(d.value.minor_units, d.value.currency));
    w.Key("currency").String(d.value.currency);
    w.Key("status").String(domain::DealStatusName(d.status));
    w.Key("visible_to").Int(static_cast<int>(d.visible_to));
    WriteOwner(w, d.owner_id);
    auto stage = repos.Stages().Get(d.workspace_id, d.stage_id);
    w.Key("stage").StartObject().Key("id").Int(d.stage_id);
    w.Key("name").String(stage.ok() ? stage->name : "").EndObject();
    w.Key("person");
    auto person = d.person_id ? repos.Persons().Get(d.workspace_id, *d.person_id)
                              : Result<domain::Person>(NotFound("none"));
    if (person.ok()) {
        w.StartObject().Key("id").Int(person->id).Key("name").String(person->name);
        w.EndObject();
    } else {
        w.Null();
    }
    WriteOrgRef(w, repos, d.workspace_id, d.org_id);
    w.Key("custom_fields").StartArray().EndArray();
    w.Key("notes").StartArray().EndArray();
    w.EndObject();
}

// A person as search answers it.
void WritePersonItem(JsonWriter& w,
                     domain::Repositories& repos,
                     const domain::Person& p,
                     bool picture) {
    w.StartObject();
    w.Key("id").Int(p.id);
    w.Key("type").String("person");
    if (picture) {
        w.Key("picture").Null();  // PipeCRM keeps no pictures
    }
    w.Key("name").String(p.name);
    WriteValues(w, "phones", p.phones);
    WriteValues(w, "emails", p.emails);
    w.Key("visible_to").Int(static_cast<int>(p.visible_to));
    WriteOwner(w, p.owner_id);
    WriteOrgRef(w, repos, p.workspace_id, p.org_id);
    w.Key("custom_fields").StartArray().EndArray();
    w.Key("notes").StartArray().EndArray();
    w.EndObject();
}

// Scores every row the repository found and keeps those that match.
template <typename Row, typename ScoreFn, typename RenderFn>
Status Collect(std::string_view type,
               Result<std::vector<Row>>&& rows,
               ScoreFn&& score,
               RenderFn render,
               std::vector<Hit>& hits) {
    if (!rows.ok()) {
        return rows.status();
    }
    for (Row& row : *rows) {
        const double best = score(row);
        if (best > 0) {
            const Id id = row.id;
            hits.push_back({best, type, id,
                            [render, row = std::move(row)](JsonWriter& w) { render(w, row); }});
        }
    }
    return Status::Ok();
}

Status SearchDeals(domain::Repositories& repos,
                   const domain::SearchTerm& term,
                   const Matching& m,
                   std::vector<Hit>& hits) {
    return Collect(
        "deal", repos.Deals().Search(term),
        [&](const domain::Deal& d) { return FieldScore(m, "title", d.title); },
        [&repos, cc_email = m.include.count("deal.cc_email") > 0](
            JsonWriter& w, const domain::Deal& d) { WriteDealItem(w, repos, d, cc_email); },
        hits);
}

Status SearchPersons(domain::Repositories& repos,
                     const domain::SearchTerm& term,
                     const Matching& m,
                     std::vector<Hit>& hits) {
    return Collect(
        "person", repos.Persons().Search(term),
        [&](const domain::Person& p) {
            double best = FieldScore(m, "name", p.name);
            for (const domain::ContactPoint& email : p.emails) {
                best = std::max(best, FieldScore(m, "email", email.value));
            }
            for (const domain::ContactPoint& phone : p.phones) {
                best = std::max(best, PhoneScore(m, phone.value));
            }
            return best;
        },
        [&repos, picture = m.include.count("person.picture") > 0](
            JsonWriter& w, const domain::Person& p) { WritePersonItem(w, repos, p, picture); },
        hits);
}

Status SearchOrganizations(domain::Repositories& repos,
                           const domain::SearchTerm& term,
                           const Matching& m,
                           std::vector<Hit>& hits) {
    return Collect(
        "organization", repos.Organizations().Search(term),
        [&](const domain::Organization& o) {
            return std::max(FieldScore(m, "name", o.name), FieldScore(m, "address", o.address));
        },
        [](JsonWriter& w, const domain::Organization& o) {
            w.StartObject();
            w.Key("id").Int(o.id);
            w.Key("type").String("organization");
            w.Key("name").String(o.name);
            w.Key("address").String(o.address);
            w.Key("visible_to").Int(static_cast<int>(o.visible_to));
            WriteOwner(w, o.owner_id);
            w.Key("custom_fields").StartArray().EndArray();
            w.Key("notes").StartArray().EndArray();
            w.EndObject();
        },
        hits);
}

Status SearchProducts(domain::Repositories& repos,
                      const domain::SearchTerm& term,
                      const Matching& m,
                      std::vector<Hit>& hits) {
    return Collect(
        "product", repos.Products().Search(term),
        [&](const domain::Product& p) {
            return std::max(FieldScore(m, "name", p.name), FieldScore(m, "code", p.code));
        },
        [price = m.include.count("product.price") > 0](JsonWriter& w, const domain::Product& p) {
            w.StartObject();
            w.Key("id").Int(p.id);
            w.Key("type").String("product");
            if (price) {
                // The first price, in its own currency; null for a product without prices.
                w.Key("price");
                if (p.prices.empty()) {
                    w.Null();
                } else {
                    w.Raw(FormatAmount(p.prices.front().price.minor_units,
                                       p.prices.front().price.currency));
                }
            }
            w.Key("name").String(p.name);
            w.Key("code").String(p.code);
            w.Key("visible_to").Int(static_cast<int>(p.visible_to));
            WriteOwner(w, p.owner_id);
            w.Key("custom_fields").StartArray().EndArray();
            w.EndObject();
        },
        hits);
}

// Up to 100 newest deals of each person and organization found, and up to 100 newest persons
// of each organization found (Pipedrive's search_for_related_items), leaving out what is
// already among the items. Only what the caller may see, like every read.
Status AddRelated(domain::Repositories& repos,
                  Id workspace_id,
                  const Matching& m,
                  const std::vector<Hit>& items,
                  std::vector<Hit>& related) {
    std::set<std::pair<std::string_view, Id>> seen;
    for (const Hit& hit : items) {
        seen.insert({hit.type, hit.id});
    }
    auto newest = [](domain::ListOptions& options) {
        options.descending = true;
        options.limit = 100;
    };
    for (const Hit& hit : items) {
        if (hit.type != "person" && hit.type != "organization") {
            continue;
        }
        domain::DealQuery deals;
        deals.workspace_id = workspace_id;
        (hit.type == "person" ? deals.person_id : deals.org_id) = hit.id;
        newest(deals.options);
        PIPECRM_RETURN_IF_ERROR(Collect(
            "deal", repos.Deals().List(deals),
            [&](const domain::Deal& d) {
                return seen.insert({"deal", d.id}).second ? 1.0 : 0.0;
            },
            [&repos, cc_email = m.include.count("deal.cc_email") > 0](
                JsonWriter& w, const domain::Deal& d) { WriteDealItem(w, repos, d, cc_email); },
            related));
        if (hit.type != "organization") {
            continue;
        }
        domain::ContactQuery persons;
        persons.workspace_id = workspace_id;
        persons.org_id = hit.id;
        newest(persons.options);
        PIPECRM_RETURN_IF_ERROR(Collect(
            "person", repos.Persons().List(persons),
            [&](const domain::Person& p) {
                return seen.insert({"person", p.id}).second ? 1.0 : 0.0;
            },
            [&repos, picture = m.include.count("person.picture") > 0](
                JsonWriter& w, const domain::Person& p) { WritePersonItem(w, repos, p, picture); },
            related));
    }
    for (Hit& hit : related) {
        hit.score = 0;  // related, not matched by the term
    }
    return Status::Ok();
}

void WriteHits(JsonWriter& w, const std::vector<Hit>& hits) {
    w.StartArray();
    for (const Hit& hit : hits) {
        w.StartObject();
        w.Key("result_score").Raw(FormatNumber(hit.score));
        w.Key("item");
        hit.render(w);
        w.EndObject();
    }
    w.EndArray();
}

RouteHandler SearchRoute(domain::Store& store, std::vector<std::string> fixed_types) {
    return [&store, fixed_types](const RouteContext& ctx, Responder respond) {
        auto search = ParseSearch(ctx, fixed_types);
        if (!search.ok()) {
            respond(ErrorResponse(search.status()));
            return;
        }
        ReadThen<std::string>(
            store,
            [&](domain::Repositories& repos) -> Result<std::string> {
                using SearchFn = Status (*)(domain::Repositories&, const domain::SearchTerm&,
                                            const Matching&, std::vector<Hit>&);
                static const std::map<std::string, SearchFn> kSearches = {
                    {"deal", SearchDeals},
                    {"person", SearchPersons},
                    {"organization", SearchOrganizations},
                    {"product", SearchProducts}};
                auto workspace = repos.Workspaces().Get(search->term.workspace_id);
                if (!workspace.ok()) {
                    return workspace.status();
                }
                Matching& m = search->matching;
                m.phone_region = workspace->phone_region;
                m.phone = text::NormalizePhone(m.raw, m.phone_region);
                domain::SearchTerm candidates = search->term;
                candidates.phone = m.phone;
                candidates.limit = kCandidates;
                std::vector<Hit> hits;
                for (const std::string& type : search->types) {
                    PIPECRM_RETURN_IF_ERROR(kSearches.at(type)(repos, candidates, m, hits));
                }
                std::stable_sort(hits.begin(), hits.end(),
                                 [](const Hit& a, const Hit& b) { return a.score > b.score; });
                JsonWriter w;
                const auto limit = static_cast<std::size_t>(search->term.limit);
                if (hits.size() > limit) {
                    hits.resize(limit);
                }
                std::vector<Hit> related;
                if (m.related) {
                    PIPECRM_RETURN_IF_ERROR(
                        AddRelated(repos, search->term.workspace_id, m, hits, related));
                }
                w.StartObject().Key("items");
                WriteHits(w, hits);
                w.Key("related_items");
                WriteHits(w, related);
                w.EndObject();
                return w.Take();
            },
            [](const std::string& data) {
                return SuccessResponse(data, 200, "{\"next_cursor\":null}");
            },
            respond);
    };
}

}  // namespace

void AddSearchRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    router.Add("GET", "/api/v2/itemSearch", SearchRoute(store, {}));
    // Registered before the /{id} routes so that "search" is not read as an id.
    router.Add("GET", "/api/v2/deals/search", SearchRoute(store, {"deal"}));
    router.Add("GET", "/api/v2/persons/search", SearchRoute(store, {"person"}));
}

}  // namespace pipecrm::http
