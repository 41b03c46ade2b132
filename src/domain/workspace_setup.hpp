// Setting up a new workspace: its admin, the default sales pipeline with the five stages of
// the product brief (named in the workspace's language), and the default activity types.
#pragma once

#include <string>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/repositories.hpp"
#include "domain/workspace.hpp"

namespace pipecrm::domain {

struct NewWorkspace {
    std::string name;
    Language language = Language::kEnglish;
    std::string admin_email;
    std::string admin_name;
    std::string admin_password_hash;
};

struct CreatedWorkspace {
    Id workspace_id = 0;
    Id admin_user_id = 0;
    Id pipeline_id = 0;
};

/// The stages of the default sales pipeline: name, win probability, rotting days.
struct StageTemplate {
    std::string_view name_en;
    std::string_view name_vi;
    int deal_probability;
    int days_to_rotten;
};
const std::vector<StageTemplate>& DefaultSalesStages();

/// Creates the workspace and everything a new one needs. kInvalidArgument("email") for an
/// address without '@'.
Result<CreatedWorkspace> SetUpWorkspace(Repositories& repos,
                                        const NewWorkspace& request,
                                        Instant now);

/// Lower-cases and trims an email; kInvalidArgument("email") if it is not an address.
Result<std::string> NormalizeEmail(const std::string& email);

}  // namespace pipecrm::domain
