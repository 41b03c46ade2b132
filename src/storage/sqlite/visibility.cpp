#include "storage/sqlite/visibility.hpp"

#include <string>

#include "storage/sql/visibility_views.hpp"

namespace pipecrm::storage::sqlite {
namespace {

enum class Part { kUser, kWorkspace, kRole };

template <Part kPart>
void ViewerPart(sqlite3_context* context, int, sqlite3_value**) {
    const auto& viewer = *static_cast<const ViewerSlot*>(sqlite3_user_data(context));
    if (!viewer) {
        sqlite3_result_null(context);
        return;
    }
    switch (kPart) {
        case Part::kUser:
            sqlite3_result_int64(context, viewer->user_id);
            return;
        case Part::kWorkspace:
            sqlite3_result_int64(context, viewer->workspace_id);
            return;
        case Part::kRole: {
            const std::string_view role = domain::RoleName(viewer->role);
            sqlite3_result_text(context, role.data(), static_cast<int>(role.size()), SQLITE_STATIC);
            return;
        }
    }
}

}  // namespace

Status InstallVisibility(Connection& db, ViewerSlot& slot) {
    struct Function {
        const char* name;
        void (*fn)(sqlite3_context*, int, sqlite3_value**);
    };
    // Not deterministic (the viewer changes between jobs), but innocuous: no side effects,
    // so views may call them.
    for (const Function& f : {Function{"pipecrm_viewer_user", ViewerPart<Part::kUser>},
                              Function{"pipecrm_viewer_workspace", ViewerPart<Part::kWorkspace>},
                              Function{"pipecrm_viewer_role", ViewerPart<Part::kRole>}}) {
        const int rc =
            sqlite3_create_function_v2(db.raw(), f.name, 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, &slot,
                                       f.fn, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) {
            return FromSqlite(rc, db.raw(), std::string("cannot register ") + f.name);
        }
    }
    return db.Exec(sql::VisibilityViewsSql());
}

}  // namespace pipecrm::storage::sqlite
