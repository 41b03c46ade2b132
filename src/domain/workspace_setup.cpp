#include "domain/workspace_setup.hpp"

#include "domain/actor.hpp"
#include "domain/audit.hpp"
#include "domain/pipeline_service.hpp"

namespace pipecrm::domain {

const std::vector<StageTemplate>& DefaultSalesStages() {
    static const std::vector<StageTemplate> kStages = {
        {"Prospecting", "Tìm kiếm khách hàng", 10, 14},
        {"Nurturing", "Chăm sóc, giữ chân khách hàng", 25, 21},
        {"Segmenting", "Đề xuất nhóm khách hàng quan tâm", 40, 21},
        {"Relationship & negotiation", "Xây dựng mối quan hệ", 60, 14},
        {"Closing", "Chốt đơn", 80, 7},
    };
    return kStages;
}

Result<std::string> NormalizeEmail(const std::string& email) {
    auto begin = email.find_first_not_of(" \t");
    auto end = email.find_last_not_of(" \t");
    if (begin == std::string::npos) {
        return InvalidArgument("email is required", "email");
    }
    std::string normalized = email.substr(begin, end - begin + 1);
    for (char& c : normalized) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    auto at = normalized.find('@');
    if (at == std::string::npos || at == 0 || at + 1 == normalized.size() ||
        normalized.find('@', at + 1) != std::string::npos ||
        normalized.find_first_of(" \t\r\n,;<>") != std::string::npos) {
        return InvalidArgument("\"" + email + "\" is not an email address", "email");
    }
    return normalized;
}

Result<CreatedWorkspace> SetUpWorkspace(Repositories& repos,
                                        const NewWorkspace& request,
                                        Instant now) {
    auto email = NormalizeEmail(request.admin_email);
    if (!email.ok()) {
        return email.status();
    }
    const bool vietnamese = request.language == Language::kVietnamese;
    Workspace workspace;
    workspace.name = request.name;
    workspace.language = request.language;
    workspace.add_time = now;
    auto workspace_id = repos.Workspaces().Insert(workspace);
    if (!workspace_id.ok()) {
        return workspace_id.status();
    }

    User admin;
    admin.workspace_id = *workspace_id;
    admin.email = *email;
    admin.name = request.admin_name.empty() ? *email : request.admin_name;
    admin.role = Role::kAdmin;
    admin.password_hash = request.admin_password_hash;
    admin.locale = vietnamese ? "vi_VN" : "en_US";
    admin.add_time = now;
    admin.update_time = now;
    auto admin_id = repos.Users().Insert(admin);
    if (!admin_id.ok()) {
        return admin_id.status();
    }

    Actor actor{*workspace_id, *admin_id, workspace.default_currency};
    PipelineChange pipeline_change;
    pipeline_change.name = vietnamese ? "Bán hàng" : "Sales";
    auto pipeline = CreatePipeline(repos, actor, pipeline_change, now);
    if (!pipeline.ok()) {
        return pipeline.status();
    }
    for (const StageTemplate& tmpl : DefaultSalesStages()) {
        StageChange stage;
        stage.name = std::string(vietnamese ? tmpl.name_vi : tmpl.name_en);
        stage.pipeline_id = pipeline->id;
        stage.deal_probability = tmpl.deal_probability;
        stage.is_deal_rot_enabled = true;
        stage.days_to_rotten = tmpl.days_to_rotten;
        auto created = CreateStage(repos, actor, stage, now);
        if (!created.ok()) {
            return created.status();
        }
    }

    struct TypeTemplate {
        const char* key;
        const char* en;
        const char* vi;
    };
    static constexpr TypeTemplate kTypes[] = {
        {"call", "Call", "Gọi điện"},  {"meeting", "Meeting", "Gặp mặt"},
        {"task", "Task", "Công việc"}, {"deadline", "Deadline", "Hạn chót"},
        {"email", "Email", "Email"},   {"lunch", "Lunch", "Ăn trưa"},
    };
    int order = 0;
    for (const TypeTemplate& t : kTypes) {
        ActivityType type;
        type.workspace_id = *workspace_id;
        type.key_string = t.key;
        type.name = vietnamese ? t.vi : t.en;
        type.icon_key = t.key;
        type.order_nr = ++order;
        auto id = repos.Activities().InsertType(type);
        if (!id.ok()) {
            return id.status();
        }
    }
    // By the operator who ran the command (no actor), naming the first admin.
    Actor operator_actor;
    operator_actor.workspace_id = *workspace_id;
    PIPECRM_RETURN_IF_ERROR(
        AppendAudit(repos, AuditBy(operator_actor, AuditEvent::kWorkspaceCreated, "workspace",
                                   *workspace_id, request.name + ", admin " + *email, now)));
    return CreatedWorkspace{*workspace_id, *admin_id, pipeline->id};
}

}  // namespace pipecrm::domain
