// Shared plumbing for handlers: run a job on the store, then render or report its error.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "domain/actor.hpp"
#include "domain/custom_field_service.hpp"
#include "domain/filter_service.hpp"
#include "domain/included_fields.hpp"
#include "domain/list_options.hpp"
#include "domain/store.hpp"
#include "http/errors.hpp"
#include "http/json.hpp"
#include "http/query_params.hpp"
#include "http/renderers.hpp"
#include "http/router.hpp"

namespace pipecrm::http {

/// Moves a successful result into `out`, or returns its error.
template <typename T>
Status Take(Result<T>&& result, T& out) {
    if (!result.ok()) {
        return result.status();
    }
    out = std::move(*result);
    return Status::Ok();
}

/// Runs `job` (Result<T>(Repositories&)) on a read snapshot and answers with `render(T)`.
template <typename T, typename Job, typename Render>
void ReadThen(domain::Store& store, Job&& job, Render&& render, const Responder& respond) {
    std::optional<T> out;
    Status status = store.Read([&](domain::Repositories& repos) -> Status {
        Result<T> result = job(repos);
        if (!result.ok()) {
            return result.status();
        }
        out = std::move(*result);
        return Status::Ok();
    });
    respond(status.ok() ? render(*out) : ErrorResponse(status));
}

/// Queues `job` (Result<T>(Repositories&)) for the writer and answers with `render(T)` once
/// it is committed, or with the error.
template <typename T, typename Job, typename Render>
void WriteThen(domain::Store& store, Job job, Render render, Responder respond) {
    auto out = std::make_shared<std::optional<T>>();
    store.Write(
        [out, job = std::move(job)](domain::Repositories& repos) -> Status {
            Result<T> result = job(repos);
            if (!result.ok()) {
                return result.status();
            }
            *out = std::move(*result);
            return Status::Ok();
        },
        [out, render = std::move(render), respond = std::move(respond)](Status status) {
            respond(status.ok() ? render(**out) : ErrorResponse(status));
        });
}

/// A page of rows fetched with limit + 1: trims the extra row and gives v2's additional_data.
template <typename T, typename KeyFn>
std::string TrimPage(std::vector<T>& rows, const domain::ListOptions& options, KeyFn&& key) {
    if (rows.size() <= static_cast<std::size_t>(options.limit)) {
        return "{\"next_cursor\":null}";
    }
    rows.resize(static_cast<std::size_t>(options.limit));
    const T& last = rows.back();
    return "{\"next_cursor\":\"" + EncodeCursor({key(last, options.sort), last.id}) + "\"}";
}

/// The sort key of a row for the keyset cursor.
template <typename T>
std::int64_t SortKeyOf(const T& row, domain::SortField field) {
    switch (field) {
        case domain::SortField::kAddTime:
            return ToUnixSeconds(row.add_time);
        case domain::SortField::kUpdateTime:
            return ToUnixSeconds(row.update_time);
        case domain::SortField::kOrderNr:
            if constexpr (requires { row.order_nr; }) {
                return row.order_nr;
            }
            return row.id;
        case domain::SortField::kId:
            return row.id;
    }
    return row.id;
}

/// The signed-in user as the actor of a change.
inline domain::Actor ActorOf(const RouteContext& ctx) {
    const domain::User& user = ctx.principal->user;
    domain::Actor actor{user.workspace_id, user.id, user.default_currency,
                        ctx.principal->default_visibility};
    actor.remote_address = ctx.request.remote_address;
    return actor;
}

/// "open", "won" or "lost" (never "deleted": that is DELETE's job); kInvalidArgument naming
/// status otherwise.
inline Result<domain::DealStatus> OpenWonOrLost(std::string_view text) {
    auto status = domain::ParseDealStatus(text);
    if (!status || *status == domain::DealStatus::kDeleted) {
        return InvalidArgument("status must be open, won or lost", "status");
    }
    return *status;
}

/// The body's visible_to (1, 3, 5 or 7), if present; kInvalidArgument naming it otherwise.
inline Result<std::optional<domain::Visibility>> VisibilityField(const JsonBody& body) {
    std::optional<std::int64_t> value;
    PIPECRM_RETURN_IF_ERROR(Take(body.Int("visible_to"), value));
    if (!value) {
        return std::optional<domain::Visibility>();
    }
    auto visibility = domain::VisibilityFromInt(*value);
    if (!visibility) {
        return InvalidArgument("visible_to must be 1, 3, 5 or 7", "visible_to");
    }
    return visibility;
}

/// {"id": id} — what a delete answers.
inline std::string IdObject(Id id) {
    return "{\"id\":" + std::to_string(id) + "}";
}

/// A request's id path parameter and its parsed body.
template <typename Change>
struct IdAndChange {
    Id id = 0;
    Change change;
};

/// Parses the {id} parameter and then the body with `parse_body(request)`.
template <typename Change, typename ParseBody>
Result<IdAndChange<Change>> ParseIdAndBody(const RouteContext& ctx, ParseBody&& parse_body) {
    auto id = ctx.IdParam(0);
    if (!id.ok()) {
        return id.status();
    }
    Result<Change> change = parse_body(ctx.request);
    if (!change.ok()) {
        return change.status();
    }
    return IdAndChange<Change>{*id, std::move(*change)};
}

/// v2's `custom_fields` query parameter (a comma list of keys): keeps only those keys in the
/// row's custom_fields. Rows without custom fields pass unchanged.
template <typename T>
void KeepRequestedCustomFields(const Request& request, T& row) {
    if constexpr (requires { row.custom_fields; }) {
        if (request.Query("custom_fields") == nullptr) {
            return;
        }
        const std::vector<std::string> keys = QueryWords(request, "custom_fields");
        std::erase_if(row.custom_fields, [&keys](const auto& field) {
            return std::find(keys.begin(), keys.end(), field.key) == keys.end();
        });
    }
}

/// v2's `include_fields` query parameter (a comma list) for rows of T, checked against T's
/// catalog (domain::ParseIncludeFields). Kinds without optional fields ignore it.
template <typename T>
Result<std::vector<std::string_view>> ReadIncludeFields(const Request& request) {
    auto parse = [&request](domain::FieldEntity entity) {
        return domain::ParseIncludeFields(entity, QueryWords(request, "include_fields"));
    };
    if constexpr (std::is_same_v<T, domain::Deal>) {
        return parse(domain::FieldEntity::kDeal);
    } else if constexpr (std::is_same_v<T, domain::Person>) {
        return parse(domain::FieldEntity::kPerson);
    } else if constexpr (std::is_same_v<T, domain::Organization>) {
        return parse(domain::FieldEntity::kOrganization);
    } else if constexpr (std::is_same_v<T, domain::Activity>) {
        // Pipedrive's one optional activity field, attendees, is always in PipeCRM's shape.
        for (const std::string& name : QueryWords(request, "include_fields")) {
            if (name != "attendees") {
                return InvalidArgument("include_fields takes only attendees for activities",
                                       "include_fields");
            }
        }
        return std::vector<std::string_view>{};
    } else {
        return std::vector<std::string_view>{};
    }
}

/// Fills the rows' included_fields with `names` (domain::LoadIncludedFields): one query per
/// family of figures for the whole page. Kinds without optional fields pass unchanged.
template <typename T>
Status LoadIncludeFields(domain::Repositories& repos,
                         Id workspace_id,
                         const std::vector<std::string_view>& names,
                         std::vector<T>& rows) {
    if constexpr (requires { domain::LoadIncludedFields(repos, workspace_id, names, rows); }) {
        return domain::LoadIncludedFields(repos, workspace_id, names, rows);
    } else {
        return Status::Ok();
    }
}

/// GET …/{id}: `get(repos, workspace_id, id)` (Result<T>) on a read snapshot, then `render`.
/// Takes `custom_fields` and, for deals, persons and organizations, `include_fields`.
template <typename T, typename Get, typename Render>
RouteHandler GetByIdRoute(domain::Store& store, Get get, Render render) {
    return [&store, get, render](const RouteContext& ctx, Responder respond) {
        auto id = ctx.IdParam(0);
        auto include = ReadIncludeFields<T>(ctx.request);
        for (const Status& status : {id.status(), include.status()}) {
            if (!status.ok()) {
                respond(ErrorResponse(status));
                return;
            }
        }
        const Id workspace_id = ctx.principal->user.workspace_id;
        ReadThen<T>(
            store,
            [&](domain::Repositories& repos) -> Result<T> {
                Result<T> row = get(repos, workspace_id, *id);
                if (!row.ok()) {
                    return row;
                }
                KeepRequestedCustomFields(ctx.request, *row);
                std::vector<T> one{std::move(*row)};
                PIPECRM_RETURN_IF_ERROR(LoadIncludeFields(repos, workspace_id, *include, one));
                return std::move(one.front());
            },
            render, respond);
    };
}

/// A write: `parse(ctx)` reads the request (Result<Input>, answered with 4xx on error), then
/// `apply(repos, actor, input, now)` (Result<T>) runs in the writer's transaction, then
/// `render(T)` answers once it is committed.
template <typename T, typename Parse, typename Apply, typename Render>
RouteHandler WriteRoute(
    domain::Store& store, const Clock& clock, Parse parse, Apply apply, Render render) {
    return [&store, &clock, parse, apply, render](const RouteContext& ctx, Responder respond) {
        auto input = parse(ctx);
        if (!input.ok()) {
            respond(ErrorResponse(input.status()));
            return;
        }
        WriteThen<T>(
            store,
            [apply, actor = ActorOf(ctx), input = std::move(*input), now = clock.Now()](
                domain::Repositories& repos) { return apply(repos, actor, input, now); },
            render, std::move(respond));
    };
}

/// Reads into `query` the parameters every v2 list of records shares: sort_by (id,
/// update_time, add_time), sort_direction, limit, cursor, owner_id, ids, updated_since and
/// updated_until. Sets the workspace. (filter_id is read by CursorListRoute.)
template <typename Query>
Status ReadCommonListParams(const RouteContext& ctx, Query& query) {
    const Request& request = ctx.request;
    query.workspace_id = ctx.principal->user.workspace_id;
    PIPECRM_RETURN_IF_ERROR(
        Take(QueryListOptions(request, {{"id", domain::SortField::kId},
                                        {"update_time", domain::SortField::kUpdateTime},
                                        {"add_time", domain::SortField::kAddTime}}),
             query.options));
    PIPECRM_RETURN_IF_ERROR(Take(QueryId(request, "owner_id"), query.owner_id));
    PIPECRM_RETURN_IF_ERROR(Take(QueryIdList(request, "ids"), query.ids));
    PIPECRM_RETURN_IF_ERROR(Take(QueryInstant(request, "updated_since"), query.updated_since));
    PIPECRM_RETURN_IF_ERROR(Take(QueryInstant(request, "updated_until"), query.updated_until));
    return Status::Ok();
}

/// The `filter_id` query parameter: a saved filter to narrow a list with.
struct FilterParam {
    OptionalId filter_id;
    domain::FilterType type = domain::FilterType::kDeals;  ///< the type the list needs

    /// Reads filter_id from the request; kInvalidArgument naming it when it is not an id.
    static Result<FilterParam> Read(const Request& request, domain::FilterType type) {
        auto id = QueryId(request, "filter_id");
        if (!id.ok()) {
            return id.status();
        }
        return FilterParam{*id, type};
    }
    /// Sets query.filter from the saved filter, if one was named (domain::ApplyFilter).
    template <typename Query>
    Status ApplyTo(domain::Repositories& repos, Query& query) const {
        if constexpr (requires { query.filter; }) {
            if (filter_id) {
                return domain::ApplyFilter(repos, type, *filter_id, query);
            }
        }
        return Status::Ok();
    }
};

/// GET on a v2 collection: `parse(ctx)` gives the query (Result<Query>, with `options`),
/// `list(repos, query)` the rows (Result<std::vector<T>>), each rendered with `write_json`,
/// with additional_data.next_cursor. With `filter_type`, the list takes `filter_id`, a saved
/// filter of that type. Deals, persons and organizations take `include_fields`.
template <typename T, typename Parse, typename List>
RouteHandler CursorListRoute(domain::Store& store,
                             Parse parse,
                             List list,
                             void (*write_json)(JsonWriter&, const T&),
                             std::optional<domain::FilterType> filter_type = std::nullopt) {
    return
        [&store, parse, list, write_json, filter_type](const RouteContext& ctx, Responder respond) {
            auto query = parse(ctx);
            Result<FilterParam> filter =
                filter_type ? FilterParam::Read(ctx.request, *filter_type) : FilterParam{};
            auto include = ReadIncludeFields<T>(ctx.request);
            for (const Status& status : {query.status(), filter.status(), include.status()}) {
                if (!status.ok()) {
                    respond(ErrorResponse(status));
                    return;
                }
            }
            ReadThen<std::vector<T>>(
                store,
                [&](domain::Repositories& repos) -> Result<std::vector<T>> {
                    PIPECRM_RETURN_IF_ERROR(filter->ApplyTo(repos, *query));
                    Result<std::vector<T>> rows = list(repos, *query);
                    if (rows.ok()) {
                        PIPECRM_RETURN_IF_ERROR(LoadIncludeFields(
                            repos, ctx.principal->user.workspace_id, *include, *rows));
                    }
                    return rows;
                },
                [&](std::vector<T>& rows) {
                    for (T& row : rows) {
                        KeepRequestedCustomFields(ctx.request, row);
                    }
                    std::string more = TrimPage(rows, query->options, SortKeyOf<T>);
                    return SuccessResponse(ToJsonArray(rows, write_json), 200, more);
                },
                respond);
        };
}

/// `kFn(repos, args...)`, the get, create or update of a record with custom fields, and then
/// the record's custom fields loaded for the response. Usable as an ItemRoutes function.
template <auto kFn, typename... Args>
auto AndCustomFields(domain::Repositories& repos, Args... args) {
    return domain::WithCustomFields(repos, kFn(repos, args...));
}

/// The single-item routes of a v2 resource: GET, PATCH and DELETE on `path`/{id} and POST on
/// `path`, each item rendered with `write_json` in the success envelope.
template <typename T, typename Change>
struct ItemRoutes {
    std::string path;  ///< e.g. "/api/v2/pipelines"
    Result<Change> (*parse)(const Request& request);
    Result<T> (*get)(domain::Repositories& repos, Id workspace_id, Id id);
    Result<T> (*create)(domain::Repositories& repos,
                        const domain::Actor& actor,
                        const Change& change,
                        Instant now);
    Result<T> (*update)(domain::Repositories& repos,
                        const domain::Actor& actor,
                        Id id,
                        const Change& change,
                        Instant now);
    Result<T> (*remove)(domain::Repositories& repos,
                        const domain::Actor& actor,
                        Id id,
                        Instant now);
    void (*write_json)(JsonWriter& w, const T& item);
    Access write_access = Access::kSignedIn;  ///< who may POST, PATCH and DELETE
};

template <typename T, typename Change>
void AddItemRoutes(Router& router,
                   domain::Store& store,
                   const Clock& clock,
                   const ItemRoutes<T, Change>& item) {
    auto one = [write = item.write_json](int status) {
        return [write, status](const T& value) {
            return SuccessResponse(ToJson(value, write), status);
        };
    };
    router.Add("GET", item.path + "/{id}", GetByIdRoute<T>(store, item.get, one(200)));
    router.Add("POST", item.path,
               WriteRoute<T>(
                   store, clock,
                   [parse = item.parse](const RouteContext& ctx) { return parse(ctx.request); },
                   item.create, one(201)),
               item.write_access);
    router.Add("PATCH", item.path + "/{id}",
               WriteRoute<T>(
                   store, clock,
                   [parse = item.parse](const RouteContext& ctx) {
                       return ParseIdAndBody<Change>(ctx, parse);
                   },
                   [update = item.update](domain::Repositories& repos, const domain::Actor& actor,
                                          const IdAndChange<Change>& input, Instant now) {
                       return update(repos, actor, input.id, input.change, now);
                   },
                   one(200)),
               item.write_access);
    router.Add("DELETE", item.path + "/{id}",
               WriteRoute<T>(
                   store, clock, [](const RouteContext& ctx) { return ctx.IdParam(0); },
                   item.remove, [](const T& value) { return SuccessResponse(IdObject(value.id)); }),
               item.write_access);
}

}  // namespace pipecrm::http
