// v1 notes (under /api/v1 and /v1): list by offset, get, add, update (PUT), delete.
#include "domain/note_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"
#include "http/renderers.hpp"

namespace pipecrm::http {
namespace {

// A note with the names Pipedrive's v1 shape embeds.
struct NoteView {
    domain::Note note;
    std::optional<std::string> deal_title;
    std::optional<std::string> person_name;
    std::optional<std::string> org_name;
    domain::User author;
};

Result<NoteView> ViewOf(domain::Repositories& repos, domain::Note note) {
    NoteView view;
    if (note.deal_id) {
        if (auto deal = repos.Deals().Get(note.workspace_id, *note.deal_id); deal.ok()) {
            view.deal_title = deal->title;
        }
    }
    if (note.person_id) {
        if (auto person = repos.Persons().Get(note.workspace_id, *note.person_id); person.ok()) {
            view.person_name = person->name;
        }
    }
    if (note.org_id) {
        if (auto org = repos.Organizations().Get(note.workspace_id, *note.org_id); org.ok()) {
            view.org_name = org->name;
        }
    }
    auto author = repos.Users().Get(note.workspace_id, note.user_id);
    if (!author.ok()) {
        return author.status();
    }
    view.author = std::move(*author);
    view.note = std::move(note);
    return view;
}

void WriteNamed(JsonWriter& w,
                const char* key,
                const char* field,
                const std::optional<std::string>& value) {
    w.Key(key);
    if (value) {
        w.StartObject().Key(field).String(*value).EndObject();
    } else {
        w.Null();
    }
}

void WriteNoteV1(JsonWriter& w, const NoteView& view, Id caller_id) {
    const domain::Note& n = view.note;
    w.StartObject();
    w.Key("id").Int(n.id);
    w.Key("user_id").Int(n.user_id);
    w.Key("content").String(n.content);
    w.Key("add_time").String(FormatSqlTime(n.add_time));
    w.Key("update_time").String(FormatSqlTime(n.update_time));
    w.Key("active_flag").Bool(!n.is_deleted);
    w.Key("deal_id").OptionalId(n.deal_id);
    w.Key("person_id").OptionalId(n.person_id);
    w.Key("org_id").OptionalId(n.org_id);
    w.Key("lead_id").Null();
    w.Key("last_update_user_id").Int(n.user_id);
    w.Key("visible_to").Int(static_cast<int>(n.visible_to));
    for (const char* flag :
         {"pinned_to_deal_flag", "pinned_to_person_flag", "pinned_to_organization_flag"}) {
        w.Key(flag).Bool(false);
    }
    WriteNamed(w, "deal", "title", view.deal_title);
    WriteNamed(w, "person", "name", view.person_name);
    WriteNamed(w, "organization", "name", view.org_name);
    w.Key("user").StartObject();
    w.Key("email").String(view.author.email);
    w.Key("name").String(view.author.name);
    w.Key("icon_url").Null();
    w.Key("is_you").Bool(view.author.id == caller_id);
    w.EndObject();
    w.EndObject();
}

Result<domain::NoteChange> ParseNoteBody(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields(
        {"content", "deal_id", "person_id", "org_id", "user_id", "visible_to"}));
    domain::NoteChange change;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("content"), change.content));
    PIPECRM_RETURN_IF_ERROR(Take(VisibilityField(*body), change.visible_to));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableInt("deal_id"), change.deal_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableInt("person_id"), change.person_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->NullableInt("org_id"), change.org_id));
    PIPECRM_RETURN_IF_ERROR(Take(body->Int("user_id"), change.user_id));
    return change;
}

Response OneNote(const NoteView& view, Id caller_id, int status = 200) {
    JsonWriter w;
    WriteNoteV1(w, view, caller_id);
    return SuccessResponse(w.Take(), status);
}

}  // namespace

void AddNoteRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;
    for (const std::string prefix : {"/api/v1", "/v1"}) {
        router.Add("GET", prefix + "/notes", [&store](const RouteContext& ctx, Responder respond) {
            domain::NoteQuery query;
            query.workspace_id = ctx.principal->user.workspace_id;
            Status parsed = [&]() -> Status {
                PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "deal_id"), query.deal_id));
                PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "person_id"), query.person_id));
                PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "org_id"), query.org_id));
                PIPECRM_RETURN_IF_ERROR(Take(QueryId(ctx.request, "user_id"), query.user_id));
                std::pair<int, int> page;
                PIPECRM_RETURN_IF_ERROR(Take(QueryOffsetPage(ctx.request), page));
                query.offset = page.first;
                query.limit = page.second;
                return Status::Ok();
            }();
            if (!parsed.ok()) {
                respond(ErrorResponse(parsed));
                return;
            }
            const Id caller = ctx.principal->user.id;
            ReadThen<std::vector<NoteView>>(
                store,
                [&](domain::Repositories& repos) -> Result<std::vector<NoteView>> {
                    auto notes = repos.Notes().List(query);
                    if (!notes.ok()) {
                        return notes.status();
                    }
                    std::vector<NoteView> views;
                    for (domain::Note& note : *notes) {
                        auto view = ViewOf(repos, std::move(note));
                        if (!view.ok()) {
                            return view.status();
                        }
                        views.push_back(std::move(*view));
                    }
                    return views;
                },
                [&](std::vector<NoteView>& views) {
                    const bool more = views.size() > static_cast<std::size_t>(query.limit);
                    views.resize(std::min(views.size(), static_cast<std::size_t>(query.limit)));
                    JsonWriter w;
                    w.StartArray();
                    for (const NoteView& view : views) {
                        WriteNoteV1(w, view, caller);
                    }
                    w.EndArray();
                    return SuccessResponse(w.Take(), 200,
                                           OffsetPagination(query.offset, query.limit, more));
                },
                respond);
        });

        router.Add(
            "GET", prefix + "/notes/{id}", [&store](const RouteContext& ctx, Responder respond) {
                auto id = ctx.IdParam(0);
                if (!id.ok()) {
                    respond(ErrorResponse(id.status()));
                    return;
                }
                const Id workspace_id = ctx.principal->user.workspace_id;
                const Id caller = ctx.principal->user.id;
                ReadThen<NoteView>(
                    store,
                    [&](domain::Repositories& repos) -> Result<NoteView> {
                        auto note = domain::GetLiveNote(repos, workspace_id, *id);
                        if (!note.ok()) {
                            return note.status();
                        }
                        return ViewOf(repos, std::move(*note));
                    },
                    [caller](const NoteView& view) { return OneNote(view, caller); }, respond);
            });

        // Writes answer with the note and its embedded names, read in the same transaction.
        auto write = [&store, &clock](auto apply, int status) {
            return [&store, &clock, apply, status](const RouteContext& ctx, Responder respond) {
                auto input = apply.parse(ctx);
                if (!input.ok()) {
                    respond(ErrorResponse(input.status()));
                    return;
                }
                const Id caller = ctx.principal->user.id;
                WriteThen<NoteView>(
                    store,
                    [apply, actor = ActorOf(ctx), input = std::move(*input),
                     now = clock.Now()](domain::Repositories& repos) -> Result<NoteView> {
                        auto note = apply.run(repos, actor, input, now);
                        if (!note.ok()) {
                            return note.status();
                        }
                        return ViewOf(repos, std::move(*note));
                    },
                    [caller, status](const NoteView& view) {
                        return OneNote(view, caller, status);
                    },
                    std::move(respond));
            };
        };
        struct Add {
            static Result<domain::NoteChange> parse(const RouteContext& ctx) {
                return ParseNoteBody(ctx.request);
            }
            static Result<domain::Note> run(domain::Repositories& repos,
                                            const domain::Actor& actor,
                                            const domain::NoteChange& change,
                                            Instant now) {
                return domain::CreateNote(repos, actor, change, now);
            }
        };
        struct Put {
            static Result<IdAndChange<domain::NoteChange>> parse(const RouteContext& ctx) {
                return ParseIdAndBody<domain::NoteChange>(ctx, ParseNoteBody);
            }
            static Result<domain::Note> run(domain::Repositories& repos,
                                            const domain::Actor& actor,
                                            const IdAndChange<domain::NoteChange>& input,
                                            Instant now) {
                return domain::UpdateNote(repos, actor, input.id, input.change, now);
            }
        };
        router.Add("POST", prefix + "/notes", write(Add{}, 201));
        router.Add("PUT", prefix + "/notes/{id}", write(Put{}, 200));
        router.Add(
            "DELETE", prefix + "/notes/{id}",
            WriteRoute<domain::Note>(
                store, clock, [](const RouteContext& ctx) { return ctx.IdParam(0); },
                domain::DeleteNote, [](const domain::Note&) { return SuccessResponse("true"); }));
    }
}

}  // namespace pipecrm::http
