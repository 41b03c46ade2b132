// pipecrm token create: prints a new API token and nothing else.
#include <ostream>

#include "auth/authenticator.hpp"
#include "cli/commands.hpp"

namespace pipecrm::cli {

Status RunTokenCreate(const Arguments& args, Environment& env) {
    if (!env.FileExists(args.Get("db"))) {
        return NotFound("no database at " + args.Get("db"));
    }
    auto store = env.OpenStore(args.Get("db"), /*create=*/false);
    if (!store.ok()) {
        return store.status();
    }
    auth::Authenticator authenticator(**store);
    auto token = authenticator.CreateToken(args.Get("email"), args.Get("name"), env.clock().Now());
    if (!token.ok()) {
        return token.status();
    }
    env.out() << *token << "\n";
    return Status::Ok();
}

}  // namespace pipecrm::cli
