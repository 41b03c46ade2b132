// v2 search: /itemSearch across deals, persons, organizations and products, and
// /deals/search and /persons/search. Case and Vietnamese diacritics are folded ("nguyen van a"
// finds "Nguyễn Văn A"); a phone typed in any common form finds the same person.
#include <algorithm>
#include <map>

#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"
#include "text/search_text.hpp"

namespace pipecrm::http {
namespace {

// One search result, rendered into `json` while the read snapshot is open.
struct Hit {
    double score = 0;
    Id id = 0;
    std::string json;
};

struct SearchRequest {
    domain::SearchTerm term;
    std::string raw;  ///< as typed, to be read as a phone number in the workspace's region
    std::vector<std::string> types;
};

Result<SearchRequest> ParseSearch(const RouteContext& ctx, std::vector<std::string> types) {
    SearchRequest search;
    const domain::User& user = ctx.principal->user;
    search.term.workspace_id = user.workspace_id;
    const std::string* term = ctx.request.Query("term");
    const std::string folded = term ? text::FoldForSearch(*term) : std::string();
    const auto begin = folded.find_first_not_of(' ');
    search.term.folded = begin == std::string::npos
                             ? std::string()
                             : folded.substr(begin, folded.find_last_not_of(' ') - begin + 1);
    if (search.term.folded.size() < 2) {
        return InvalidArgument("term must have at least 2 characters", "term");
    }
    search.raw = *term;
    auto options = QueryListOptions(ctx.request, {{"id", domain::SortField::kId}});
    if (!options.ok()) {
        return options.status();
    }
    search.term.limit = options->limit;
    if (const std::string* exact = ctx.request.Query("exact_match");
        exact != nullptr && *exact == "true") {
        return InvalidArgument("exact_match is not supported yet", "exact_match");
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

// 1 for an exact match, 0.75 for a prefix, 0.5 anywhere else.
double Score(const std::string& candidate, const std::string& folded_term) {
    const std::string folded = text::FoldForSearch(candidate);
    if (folded == folded_term) {
        return 1.0;
    }
    return folded.rfind(folded_term, 0) == 0 ? 0.75 : 0.5;
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

Status SearchDeals(domain::Repositories& repos,
                   const domain::SearchTerm& term,
                   std::vector<Hit>& hits) {
    auto deals = repos.Deals().Search(term);
    if (!deals.ok()) {
        return deals.status();
    }
    for (const domain::Deal& d : *deals) {
        JsonWriter w;
        w.StartObject();
        w.Key("id").Int(d.id);
        w.Key("type").String("deal");
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
            w.StartObject().Key("id").Int(person->id).Key("name").String(person->name).EndObject();
        } else {
            w.Null();
        }
        WriteOrgRef(w, repos, d.workspace_id, d.org_id);
        w.Key("custom_fields").StartArray().EndArray();
        w.Key("notes").StartArray().EndArray();
        w.EndObject();
        hits.push_back({Score(d.title, term.folded), d.id, w.Take()});
    }
    return Status::Ok();
}

void WriteValues(JsonWriter& w, const char* key, const std::vector<domain::ContactPoint>& points) {
    w.Key(key).StartArray();
    for (const domain::ContactPoint& point : points) {
        w.String(point.value);
    }
    w.EndArray();
}

Status SearchPersons(domain::Repositories& repos,
                     const domain::SearchTerm& term,
                     std::vector<Hit>& hits) {
    auto persons = repos.Persons().Search(term);
    if (!persons.ok()) {
        return persons.status();
    }
    for (const domain::Person& p : *persons) {
        JsonWriter w;
        w.StartObject();
        w.Key("id").Int(p.id);
        w.Key("type").String("person");
        w.Key("name").String(p.name);
        WriteValues(w, "phones", p.phones);
        WriteValues(w, "emails", p.emails);
        w.Key("visible_to").Int(static_cast<int>(p.visible_to));
        WriteOwner(w, p.owner_id);
        WriteOrgRef(w, repos, p.workspace_id, p.org_id);
        w.Key("custom_fields").StartArray().EndArray();
        w.Key("notes").StartArray().EndArray();
        w.EndObject();
        hits.push_back({Score(p.name, term.folded), p.id, w.Take()});
    }
    return Status::Ok();
}

Status SearchOrganizations(domain::Repositories& repos,
                           const domain::SearchTerm& term,
                           std::vector<Hit>& hits) {
    auto orgs = repos.Organizations().Search(term);
    if (!orgs.ok()) {
        return orgs.status();
    }
    for (const domain::Organization& o : *orgs) {
        JsonWriter w;
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
        hits.push_back({Score(o.name, term.folded), o.id, w.Take()});
    }
    return Status::Ok();
}

Status SearchProducts(domain::Repositories& repos,
                      const domain::SearchTerm& term,
                      std::vector<Hit>& hits) {
    auto products = repos.Products().Search(term);
    if (!products.ok()) {
        return products.status();
    }
    for (const domain::Product& p : *products) {
        JsonWriter w;
        w.StartObject();
        w.Key("id").Int(p.id);
        w.Key("type").String("product");
        w.Key("name").String(p.name);
        w.Key("code").String(p.code);
        w.Key("visible_to").Int(static_cast<int>(p.visible_to));
        WriteOwner(w, p.owner_id);
        w.Key("custom_fields").StartArray().EndArray();
        w.EndObject();
        hits.push_back(
            {std::max(Score(p.name, term.folded), Score(p.code, term.folded)), p.id, w.Take()});
    }
    return Status::Ok();
}

RouteHandler SearchRoute(domain::Store& store, std::vector<std::string> fixed_types) {
    return [&store, fixed_types](const RouteContext& ctx, Responder respond) {
        auto search = ParseSearch(ctx, fixed_types);
        if (!search.ok()) {
            respond(ErrorResponse(search.status()));
            return;
        }
        ReadThen<std::vector<Hit>>(
            store,
            [&](domain::Repositories& repos) -> Result<std::vector<Hit>> {
                using SearchFn =
                    Status (*)(domain::Repositories&, const domain::SearchTerm&, std::vector<Hit>&);
                static const std::map<std::string, SearchFn> kSearches = {
                    {"deal", SearchDeals},
                    {"person", SearchPersons},
                    {"organization", SearchOrganizations},
                    {"product", SearchProducts}};
                auto workspace = repos.Workspaces().Get(search->term.workspace_id);
                if (!workspace.ok()) {
                    return workspace.status();
                }
                search->term.phone = text::NormalizePhone(search->raw, workspace->phone_region);
                std::vector<Hit> hits;
                for (const std::string& type : search->types) {
                    PIPECRM_RETURN_IF_ERROR(kSearches.at(type)(repos, search->term, hits));
                }
                std::stable_sort(hits.begin(), hits.end(),
                                 [](const Hit& a, const Hit& b) { return a.score > b.score; });
                if (hits.size() > static_cast<std::size_t>(search->term.limit)) {
                    hits.resize(static_cast<std::size_t>(search->term.limit));
                }
                return hits;
            },
            [](const std::vector<Hit>& hits) {
                JsonWriter w;
                w.StartObject().Key("items").StartArray();
                for (const Hit& hit : hits) {
                    w.StartObject();
                    w.Key("result_score").Raw(FormatNumber(hit.score));
                    w.Key("item").Raw(hit.json);
                    w.EndObject();
                }
                w.EndArray().Key("related_items").StartArray().EndArray().EndObject();
                return SuccessResponse(w.Take(), 200, "{\"next_cursor\":null}");
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
