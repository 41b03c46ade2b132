// pipecrm merge persons|organizations: two contacts into one, keeping everything of both.
#include <ostream>

#include "cli/commands.hpp"
#include "domain/contact_merge.hpp"

namespace pipecrm::cli {

Status RunMerge(const Arguments& args, Environment& env) {
    const std::string& kind = args.Get("KIND");
    if (kind != "persons" && kind != "organizations") {
        return InvalidArgument(
            "what to merge must be persons or organizations, not \"" + kind + "\"", "KIND");
    }
    auto id = PositiveIntOption(args, "id", 1LL << 62);
    auto with = PositiveIntOption(args, "merge-with-id", 1LL << 62);
    if (!id.ok() || !with.ok()) {
        return !id.ok() ? id.status() : with.status();
    }
    std::string kept_name;
    PIPECRM_RETURN_IF_ERROR(WriteInWorkspace(
        args, env, [&](domain::Repositories& repos, const domain::Actor& actor) -> Status {
            const Instant now = env.clock().Now();
            if (kind == "persons") {
                auto kept = domain::MergePersons(repos, actor, static_cast<Id>(*id),
                                                 static_cast<Id>(*with), now);
                kept_name = kept.ok() ? kept->name : "";
                return kept.status();
            }
            auto kept = domain::MergeOrganizations(repos, actor, static_cast<Id>(*id),
                                                   static_cast<Id>(*with), now);
            kept_name = kept.ok() ? kept->name : "";
            return kept.status();
        }));
    env.out() << "Merged " << (kind == "persons" ? "person " : "organization ") << *id << " into "
              << *with << " (" << kept_name << ").\n";
    return Status::Ok();
}

}  // namespace pipecrm::cli
