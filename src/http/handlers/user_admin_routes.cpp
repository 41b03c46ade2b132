// v1 user and team administration for the settings page (admins only, like `pipecrm user` and
// `pipecrm team`): add a user, change a role or disable a user; list, add and fill teams.
#include "auth/credentials.hpp"
#include "domain/user_service.hpp"
#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"

namespace pipecrm::http {
namespace {

struct UserAndWorkspace {
    domain::User user;
    domain::Workspace workspace;
};

Response UserAnswer(const UserAndWorkspace& found, Id caller, int status) {
    JsonWriter w;
    WriteUserV1(w, found.user, found.workspace, found.user.id == caller);
    return SuccessResponse(w.Take(), status);
}

Result<UserAndWorkspace> WithWorkspace(domain::Repositories& repos, Result<domain::User> user) {
    if (!user.ok()) {
        return user.status();
    }
    auto workspace = repos.Workspaces().Get(user->workspace_id);
    if (!workspace.ok()) {
        return workspace.status();
    }
    return UserAndWorkspace{std::move(*user), std::move(*workspace)};
}

Result<domain::NewUser> ParseNewUser(const Request& request) {
    auto body = JsonBody::Parse(request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields({"email", "name", "role", "password"}));
    std::optional<std::string> email, name, role, password;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("email"), email));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("name"), name));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("role"), role));
    PIPECRM_RETURN_IF_ERROR(Take(body->String("password"), password));
    if (!email) {
        return InvalidArgument("email is required", "email");
    }
    domain::NewUser user;
    user.email = *email;
    user.name = name.value_or("");
    if (role) {
        auto parsed = domain::ParseRole(*role);
        if (!parsed.ok()) {
            return InvalidArgument(parsed.status().message(), "role");
        }
        user.role = *parsed;
    }
    if (password) {
        auto hash = auth::HashPassword(*password);
        if (!hash.ok()) {
            return InvalidArgument(hash.status().message(), "password");
        }
        user.password_hash = std::move(*hash);
    }
    return user;
}

struct UserUpdate {
    Id id = 0;
    std::optional<domain::Role> role;
    bool disable = false;
};

Result<UserUpdate> ParseUserUpdate(const RouteContext& ctx) {
    UserUpdate update;
    PIPECRM_RETURN_IF_ERROR(Take(ctx.IdParam(0), update.id));
    auto body = JsonBody::Parse(ctx.request.body);
    if (!body.ok()) {
        return body.status();
    }
    PIPECRM_RETURN_IF_ERROR(body->OnlyKnownFields({"role", "active_flag"}));
    std::optional<std::string> role;
    std::optional<bool> active;
    PIPECRM_RETURN_IF_ERROR(Take(body->String("role"), role));
    PIPECRM_RETURN_IF_ERROR(Take(body->Bool("active_flag"), active));
    if (role) {
        auto parsed = domain::ParseRole(*role);
        if (!parsed.ok()) {
            return InvalidArgument(parsed.status().message(), "role");
        }
        update.role = *parsed;
    }
    if (active == true) {
        return InvalidArgument(
            "active_flag can only be false: a disabled user is enabled again from the command "
            "line",
            "active_flag");
    }
    update.disable = active == false;
    if (!update.role && !update.disable) {
        return InvalidArgument("nothing to change: give role or active_flag", "role");
    }
    return update;
}

void WriteTeam(JsonWriter& w,
               const domain::Team& team,
               const std::vector<domain::TeamMembership>& memberships) {
    w.StartObject();
    w.Key("id").Int(team.id);
    w.Key("name").String(team.name);
    w.Key("manager_id").OptionalId(team.manager_user_id);
    w.Key("users").StartArray();
    for (const domain::TeamMembership& m : memberships) {
        if (m.team_id == team.id) {
            w.Int(m.user_id);
        }
    }
    w.EndArray();
    w.Key("add_time").String(FormatSqlTime(team.add_time));
    w.EndObject();
}

struct Teams {
    std::vector<domain::Team> teams;
    std::vector<domain::TeamMembership> memberships;
};

Result<Teams> LoadTeams(domain::Repositories& repos, Id workspace_id) {
    auto teams = repos.Teams().List(workspace_id);
    auto memberships = repos.Teams().ListMemberships(workspace_id);
    if (!teams.ok() || !memberships.ok()) {
        return !teams.ok() ? teams.status() : memberships.status();
    }
    return Teams{std::move(*teams), std::move(*memberships)};
}

Response TeamsAnswer(const Teams& found, OptionalId only, int status) {
    JsonWriter w;
    if (!only) {
        w.StartArray();
    }
    for (const domain::Team& team : found.teams) {
        if (!only || team.id == *only) {
            WriteTeam(w, team, found.memberships);
        }
    }
    if (!only) {
        w.EndArray();
    }
    return SuccessResponse(w.Take(), status);
}

struct NewTeam {
    std::string name;
    OptionalId manager_id;
};

struct TeamMembers {
    Id team_id = 0;
    std::vector<Id> users;
};

}  // namespace

void AddUserAdminRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    const Clock& clock = services.clock;
    for (const std::string prefix : {"/api/v1", "/v1"}) {
        router.Add(
            "POST", prefix + "/users",
            [&store, &clock](const RouteContext& ctx, Responder respond) {
                // Parsed (and the password hashed) before the write, off the writer thread.
                auto input = ParseNewUser(ctx.request);
                if (!input.ok()) {
                    respond(ErrorResponse(input.status()));
                    return;
                }
                const Id caller = ctx.principal->user.id;
                WriteThen<UserAndWorkspace>(
                    store,
                    [actor = ActorOf(ctx), user = std::move(*input),
                     now = clock.Now()](domain::Repositories& repos) {
                        return WithWorkspace(repos, domain::AddUser(repos, actor, user, now));
                    },
                    [caller](const UserAndWorkspace& found) {
                        return UserAnswer(found, caller, 201);
                    },
                    std::move(respond));
            },
            Access::kAdmin);
        router.Add(
            "PUT", prefix + "/users/{id}",
            [&store, &clock](const RouteContext& ctx, Responder respond) {
                auto input = ParseUserUpdate(ctx);
                if (!input.ok()) {
                    respond(ErrorResponse(input.status()));
                    return;
                }
                const Id caller = ctx.principal->user.id;
                WriteThen<UserAndWorkspace>(
                    store,
                    [actor = ActorOf(ctx), update = *input,
                     now = clock.Now()](domain::Repositories& repos) -> Result<UserAndWorkspace> {
                        if (update.role) {
                            PIPECRM_RETURN_IF_ERROR(
                                domain::SetUserRole(repos, actor, update.id, *update.role, now)
                                    .status());
                        }
                        if (update.disable) {
                            PIPECRM_RETURN_IF_ERROR(
                                domain::DisableUser(repos, actor, update.id, now).status());
                        }
                        return WithWorkspace(repos,
                                             repos.Users().Get(actor.workspace_id, update.id));
                    },
                    [caller](const UserAndWorkspace& found) {
                        return UserAnswer(found, caller, 200);
                    },
                    std::move(respond));
            },
            Access::kAdmin);
        router.Add("GET", prefix + "/teams", [&store](const RouteContext& ctx, Responder respond) {
            const Id workspace_id = ctx.principal->user.workspace_id;
            ReadThen<Teams>(
                store, [&](domain::Repositories& repos) { return LoadTeams(repos, workspace_id); },
                [](const Teams& found) { return TeamsAnswer(found, std::nullopt, 200); }, respond);
        });
        router.Add(
            "POST", prefix + "/teams",
            [&store, &clock](const RouteContext& ctx, Responder respond) {
                auto body = JsonBody::Parse(ctx.request.body);
                NewTeam team;
                std::optional<std::string> name;
                std::optional<std::int64_t> manager;
                Status parsed = body.status();
                if (parsed.ok()) {
                    parsed = body->OnlyKnownFields({"name", "manager_id"});
                }
                if (parsed.ok()) {
                    parsed = Take(body->String("name"), name);
                }
                if (parsed.ok()) {
                    parsed = Take(body->Int("manager_id"), manager);
                }
                if (!parsed.ok()) {
                    respond(ErrorResponse(parsed));
                    return;
                }
                team.name = name.value_or("");
                team.manager_id = manager ? OptionalId(*manager) : std::nullopt;
                WriteThen<Teams>(
                    store,
                    [actor = ActorOf(ctx), team,
                     now = clock.Now()](domain::Repositories& repos) -> Result<Teams> {
                        auto created =
                            domain::CreateTeam(repos, actor, team.name, team.manager_id, now);
                        if (!created.ok()) {
                            return created.status();
                        }
                        auto all = LoadTeams(repos, actor.workspace_id);
                        if (all.ok()) {
                            all->teams = {*created};
                        }
                        return all;
                    },
                    [](const Teams& found) { return TeamsAnswer(found, found.teams[0].id, 201); },
                    std::move(respond));
            },
            Access::kAdmin);
        router.Add(
            "POST", prefix + "/teams/{id}/users",
            [&store, &clock](const RouteContext& ctx, Responder respond) {
                TeamMembers members;
                Status parsed = Take(ctx.IdParam(0), members.team_id);
                auto body = JsonBody::Parse(ctx.request.body);
                std::optional<std::vector<std::int64_t>> users;
                if (parsed.ok()) {
                    parsed = body.status();
                }
                if (parsed.ok()) {
                    parsed = body->OnlyKnownFields({"users"});
                }
                if (parsed.ok()) {
                    parsed = Take(body->Ints("users"), users);
                }
                if (parsed.ok() && (!users || users->empty())) {
                    parsed =
                        InvalidArgument("users is required: the ids of the users to add", "users");
                }
                if (!parsed.ok()) {
                    respond(ErrorResponse(parsed));
                    return;
                }
                members.users.assign(users->begin(), users->end());
                WriteThen<Teams>(
                    store,
                    [actor = ActorOf(ctx), members,
                     now = clock.Now()](domain::Repositories& repos) -> Result<Teams> {
                        auto all = LoadTeams(repos, actor.workspace_id);
                        if (!all.ok()) {
                            return all.status();
                        }
                        auto team = std::find_if(
                            all->teams.begin(), all->teams.end(),
                            [&](const domain::Team& t) { return t.id == members.team_id; });
                        if (team == all->teams.end()) {
                            return NotFound("team " + std::to_string(members.team_id) +
                                            " not found");
                        }
                        for (Id user_id : members.users) {
                            auto user = repos.Users().Get(actor.workspace_id, user_id);
                            if (!user.ok()) {
                                return InvalidArgument(
                                    "user " + std::to_string(user_id) + " does not exist", "users");
                            }
                            PIPECRM_RETURN_IF_ERROR(
                                domain::AddTeamMember(repos, actor, *team, *user, now));
                        }
                        return LoadTeams(repos, actor.workspace_id);
                    },
                    [team_id = members.team_id](const Teams& found) {
                        return TeamsAnswer(found, team_id, 200);
                    },
                    std::move(respond));
            },
            Access::kAdmin);
    }
}

}  // namespace pipecrm::http
