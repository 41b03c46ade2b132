// pipecrm token create|list|revoke: API tokens. `create` prints the new token and nothing
// else; nothing ever prints a stored token's hash.
#include <ostream>

#include "auth/authenticator.hpp"
#include "cli/commands.hpp"
#include "domain/user_service.hpp"

namespace pipecrm::cli {

Status RunTokenCreate(const Arguments& args, Environment& env) {
    auto session = OpenWorkspace(args, env);
    if (!session.ok()) {
        return session.status();
    }
    auth::Authenticator authenticator(*session->store, env.clock());
    auto token = authenticator.CreateToken(session->actor, args.Get("email"), args.Get("name"),
                                           env.clock().Now());
    if (!token.ok()) {
        return token.status();
    }
    env.out() << *token << "\n";
    return Status::Ok();
}

Status RunTokenList(const Arguments& args, Environment& env) {
    std::vector<std::vector<std::string>> rows;
    PIPECRM_RETURN_IF_ERROR(ReadInWorkspace(
        args, env, [&](domain::Repositories& repos, const domain::Actor& actor) -> Status {
            OptionalId user_id;
            if (args.Has("email")) {
                auto user = domain::GetUserByEmail(repos, actor.workspace_id, args.Get("email"));
                if (!user.ok()) {
                    return user.status();
                }
                user_id = user->id;
            }
            auto tokens = repos.Tokens().List(actor.workspace_id, user_id);
            if (!tokens.ok()) {
                return tokens.status();
            }
            auto when = [](const std::optional<Instant>& t) { return t ? FormatSqlTime(*t) : "-"; };
            for (const domain::TokenInfo& token : *tokens) {
                rows.push_back({std::to_string(token.id), token.user_email,
                                token.name.empty() ? "-" : token.name,
                                FormatSqlTime(token.add_time), when(token.last_used_time),
                                when(token.revoked_time)});
            }
            return Status::Ok();
        }));
    PrintTable(env.out(), {"id", "user", "name", "created", "last used", "revoked"}, rows);
    return Status::Ok();
}

Status RunTokenRevoke(const Arguments& args, Environment& env) {
    auto id = PositiveIntOption(args, "id", 1LL << 62);
    if (!id.ok()) {
        return id.status();
    }
    auto session = OpenWorkspace(args, env);
    if (!session.ok()) {
        return session.status();
    }
    auth::Authenticator authenticator(*session->store, env.clock());
    PIPECRM_RETURN_IF_ERROR(authenticator.RevokeToken(session->actor, *id, env.clock().Now()));
    env.out() << "Revoked API token " << *id << "; it stops working at once.\n";
    return Status::Ok();
}

}  // namespace pipecrm::cli
