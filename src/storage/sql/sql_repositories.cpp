#include "storage/sql/sql_repositories.hpp"

#include <array>
#include <string>
#include <unordered_map>
#include <variant>

#include "storage/sql/automation_table.hpp"
#include "storage/sql/bulk_insert.hpp"
#include "storage/sql/call_list_table.hpp"
#include "storage/sql/campaign_table.hpp"
#include "storage/sql/deal_event_append.hpp"
#include "storage/sql/deal_event_row.hpp"
#include "storage/sql/deal_label_table.hpp"
#include "storage/sql/dialect.hpp"
#include "storage/sql/filter_sql.hpp"
#include "storage/sql/forecast_fact_table.hpp"
#include "storage/sql/import_job_table.hpp"
#include "storage/sql/lost_reason_table.hpp"
#include "storage/sql/playbook_table.hpp"
#include "storage/sql/project_table.hpp"
#include "storage/sql/query.hpp"
#include "storage/sql/report_fact_table.hpp"
#include "storage/sql/report_source.hpp"
#include "storage/sql/segment_table.hpp"
#include "storage/sql/stage_time_fact_table.hpp"
#include "storage/sql/webhook_outbox_table.hpp"
#include "text/search_text.hpp"

namespace pipecrm::storage::sql {
namespace {

using namespace pipecrm::domain;

// `row` (or a new row's id) once `then(row)` has written or read its child rows (contacts,
// prices, conditions); the first error otherwise.
template <typename T, typename ThenFn>
Result<T> WithChildren(Result<T> row, ThenFn&& then) {
    if (row.ok()) {
        PIPECRM_RETURN_IF_ERROR(then(*row));
    }
    return row;
}

std::optional<Instant> OptionalInstant(const Statement& s, int column) {
    auto value = s.OptionalInt(column);
    if (!value) {
        return std::nullopt;
    }
    return FromUnixSeconds(*value);
}

std::optional<std::int64_t> OptionalSeconds(const std::optional<Instant>& t) {
    if (!t) {
        return std::nullopt;
    }
    return ToUnixSeconds(*t);
}

// A WHERE clause built from optional filters, with its parameters in the same order.
class Where {
  public:
    explicit Where(Id workspace_id) : sql_(" WHERE workspace_id = ?") {
        values_.push_back(workspace_id);
    }

    /// A condition with no parameter, e.g. "is_deleted = 0".
    Where& Always(const char* condition) {
        sql_ += " AND ";
        sql_ += condition;
        return *this;
    }
    /// "column = ?" when the value is set.
    Where& Equals(const char* column, const std::optional<std::int64_t>& value) {
        if (value) {
            sql_ += std::string(" AND ") + column + " = ?";
            values_.push_back(*value);
        }
        return *this;
    }
    /// `column` (a name from the code, never from input) within [from, until).
    Where& Between(std::string_view column, std::int64_t from, std::int64_t until) {
        sql_ += " AND " + std::string(column) + " >= ? AND " + std::string(column) + " < ?";
        values_.push_back(from);
        values_.push_back(until);
        return *this;
    }
    /// "expression LIKE pattern" (`expression` from the code, never from input).
    Where& Contains(const char* expression, std::string pattern) {
        sql_ += std::string(" AND ") + expression + " LIKE ?";
        values_.push_back(std::move(pattern));
        return *this;
    }
    /// update_time within [since, until).
    Where& UpdatedBetween(const std::optional<Instant>& since,
                          const std::optional<Instant>& until) {
        if (since) {
            sql_ += " AND update_time >= ?";
            values_.push_back(ToUnixSeconds(*since));
        }
        if (until) {
            sql_ += " AND update_time < ?";
            values_.push_back(ToUnixSeconds(*until));
        }
        return *this;
    }
    /// "column IN (...)" when the list is not empty.
    template <typename T>
    Where& In(const char* column, const std::vector<T>& values) {
        if (values.empty()) {
            return *this;
        }
        sql_ += std::string(" AND ") + column + " IN (";
        for (std::size_t i = 0; i < values.size(); ++i) {
            sql_ += i ? ",?" : "?";
            values_.push_back(values[i]);
        }
        sql_ += ")";
        return *this;
    }

    /// The rows a saved filter's conditions match, when there is one (CompileFilter).
    Status Matches(FilterType type, const std::optional<FilterConditions>& filter) {
        if (!filter) {
            return Status::Ok();
        }
        auto compiled = CompileFilter(type, *filter);
        if (!compiled.ok()) {
            return compiled.status();
        }
        if (!compiled->sql.empty()) {
            sql_ += " AND " + compiled->sql;
            for (SqlValue& value : compiled->values) {
                std::visit([&](auto& v) { values_.emplace_back(std::move(v)); }, value);
            }
        }
        return Status::Ok();
    }

    const std::string& sql() const { return sql_; }
    /// Binds the parameters from index 1; returns the next free index.
    int Bind(Statement& s) const {
        int next = 1;
        for (const auto& value : values_) {
            std::visit([&](const auto& v) { s.Bind(next++, v); }, value);
        }
        return next;
    }

  private:
    std::string sql_;
    // Views point into the query being built from; strings and doubles come from filters.
    std::vector<std::variant<std::int64_t, std::string_view, double, std::string>> values_;
};

// "%term%" for LIKE, with LIKE's own characters escaped (ESCAPE '\').
std::string ContainsPattern(std::string_view term) {
    return "%" + EscapeLike(term) + "%";
}

// Rows of `select` in the workspace, live by `live`, whose search_text contains the term (or
// that match `extra`, a condition taking the phone as its third parameter), by id.
template <typename T, typename ReadFn>
Result<std::vector<T>> SearchRows(Connection& db,
                                  const char* select,
                                  const char* live,
                                  const SearchTerm& term,
                                  const char* extra,
                                  ReadFn&& read) {
    std::string sql = std::string(select) + " WHERE workspace_id = ?1 AND " + live +
                      " AND (search_text LIKE ?2 ESCAPE '\\'";
    if (extra != nullptr && term.phone) {
        sql += std::string(" OR ") + extra;
    }
    sql += ") ORDER BY id LIMIT ?4";
    std::vector<T> out;
    Status status = Query(
        db, sql,
        [&](Statement& s) {
            s.Bind(1, term.workspace_id).Bind(2, ContainsPattern(term.folded));
            if (extra != nullptr && term.phone) {
                s.Bind(3, *term.phone);
            }
            s.Bind(4, term.limit);
        },
        [&](Statement& s) { out.push_back(read(s)); });
    if (!status.ok()) {
        return status;
    }
    return out;
}

const char* SortColumn(SortField field) {
    switch (field) {
        case SortField::kId:
            return "id";
        case SortField::kAddTime:
            return "add_time";
        case SortField::kUpdateTime:
            return "update_time";
        case SortField::kOrderNr:
            return "order_nr";
    }
    return "id";
}

// Appends the keyset condition and ORDER BY/LIMIT for `options`. The cursor's values are
// bound at `next_index` (key, then id) and the limit after them; returns the next free index.
std::string PageClause(const ListOptions& options) {
    const std::string column = SortColumn(options.sort);
    const char* cmp = options.descending ? "<" : ">";
    const char* dir = options.descending ? " DESC" : "";
    std::string sql;
    if (options.after) {
        if (options.sort == SortField::kId) {
            sql += " AND id " + std::string(cmp) + " ?";
        } else {
            sql +=
                " AND (" + column + " " + cmp + " ? OR (" + column + " = ? AND id " + cmp + " ?))";
        }
    }
    sql += " ORDER BY ";
    if (options.sort != SortField::kId) {
        sql += column + dir + ", ";
    }
    sql += "id" + std::string(dir) + " LIMIT ? OFFSET ?";
    return sql;
}

int BindPage(Statement& s, int index, const ListOptions& options) {
    if (options.after) {
        if (options.sort == SortField::kId) {
            s.Bind(index++, options.after->id);
        } else {
            s.Bind(index++, options.after->key);
            s.Bind(index++, options.after->key);
            s.Bind(index++, options.after->id);
        }
    }
    s.Bind(index++, static_cast<std::int64_t>(options.limit) + 1);
    s.Bind(index++, options.offset);
    return index;
}

// A page of rows: `select` (a SELECT ... FROM table) filtered by `where`, sorted and paged.
template <typename T, typename ReadFn>
Result<std::vector<T>> ListRows(Connection& db,
                                const char* select,
                                const Where& where,
                                const ListOptions& options,
                                ReadFn&& read) {
    std::vector<T> out;
    Status status = Query(
        db, std::string(select) + where.sql() + PageClause(options),
        [&](Statement& s) { BindPage(s, where.Bind(s), options); },
        [&](Statement& s) { out.push_back(read(s)); });
    if (!status.ok()) {
        return status;
    }
    return out;
}

// RecordExtras of the records `ids`, found in the other tables through their `link` column
// ("deal_id", "person_id" or "org_id"; a name from the code, never from input): one grouped
// query per family in `which`, each bound to the workspace (?1) and the ids (?2).
Result<std::vector<RecordExtras>> ComputeExtras(Connection& db,
                                                const std::string& link,
                                                Id workspace_id,
                                                const std::vector<Id>& ids,
                                                const ExtrasWanted& which) {
    std::vector<RecordExtras> out(ids.size());
    std::unordered_map<Id, std::size_t> index;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        out[i].id = ids[i];
        index.emplace(ids[i], i);
    }
    if (ids.empty()) {
        return out;
    }
    const std::string json = IdListValue(db.dialect(), ids);
    const std::string in = link + " IN (" + IdListSubquery(db.dialect(), "?2") + ")";
    const std::string group = " GROUP BY " + link;
    auto run = [&](const std::string& sql, auto&& read) {
        return Query(
            db, sql, [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, json); },
            [&](Statement& s) {
                auto found = index.find(s.Int(0));
                if (found != index.end()) {
                    read(out[found->second], s);
                }
            });
    };
    if (which.activities) {
        // The next activity is the undone one due soonest, the last the done one most recently
        // due; undated activities come last either way.
        const std::string pick = "(SELECT b.id FROM activities b WHERE b.workspace_id = ?1 AND b." +
                                 link + " = a." + link + " AND b.is_deleted = 0 AND b.done = ";
        PIPECRM_RETURN_IF_ERROR(
            run("SELECT a." + link + ", COUNT(*), SUM(a.done), " + pick +
                    "0 ORDER BY b.due_date IS NULL, b.due_date, b.due_time_minutes IS NULL, "
                    "b.due_time_minutes, b.id LIMIT 1), " +
                    pick +
                    "1 ORDER BY b.due_date IS NULL, b.due_date DESC, b.due_time_minutes IS NULL, "
                    "b.due_time_minutes DESC, b.id DESC LIMIT 1) FROM activities a WHERE "
                    "a.workspace_id = ?1 AND a.is_deleted = 0 AND a." +
                    in + " GROUP BY a." + link,
                [](RecordExtras& e, const Statement& s) {
                    e.activities_count = s.Int(1);
                    e.done_activities_count = s.Int(2);
                    e.undone_activities_count = e.activities_count - e.done_activities_count;
                    e.next_activity_id = s.OptionalInt(3);
                    e.last_activity_id = s.OptionalInt(4);
                }));
    }
    if (which.notes) {
        PIPECRM_RETURN_IF_ERROR(
            run("SELECT " + link +
                    ", COUNT(*) FROM notes WHERE workspace_id = ?1 AND is_deleted = 0 "
                    "AND " +
                    in + group,
                [](RecordExtras& e, const Statement& s) { e.notes_count = s.Int(1); }));
    }
    if (which.products) {
        PIPECRM_RETURN_IF_ERROR(
            run("SELECT " + link +
                    ", COUNT(*) FROM deal_products WHERE workspace_id = ?1 AND "
                    "is_enabled = 1 AND " +
                    in + group,
                [](RecordExtras& e, const Statement& s) { e.products_count = s.Int(1); }));
    }
    if (which.first_won) {
        PIPECRM_RETURN_IF_ERROR(
            run("SELECT " + link +
                    ", MIN(at) FROM deal_events WHERE workspace_id = ?1 AND kind = "
                    "'won' AND " +
                    in + group,
                [](RecordExtras& e, const Statement& s) {
                    e.first_won_time = FromUnixSeconds(s.Int(1));
                }));
    }
    if (which.deals) {
        PIPECRM_RETURN_IF_ERROR(
            run("SELECT " + link +
                    ", SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END), SUM(CASE WHEN "
                    "status = 'won' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'lost' THEN 1 "
                    "ELSE 0 END) FROM deals WHERE workspace_id = ?1 AND status <> 'deleted' AND " +
                    in + group,
                [](RecordExtras& e, const Statement& s) {
                    e.open_deals_count = s.Int(1);
                    e.won_deals_count = s.Int(2);
                    e.lost_deals_count = s.Int(3);
                }));
    }
    if (which.people) {
        PIPECRM_RETURN_IF_ERROR(
            run("SELECT " + link +
                    ", COUNT(*) FROM persons WHERE workspace_id = ?1 AND is_deleted = "
                    "0 AND " +
                    in + group,
                [](RecordExtras& e, const Statement& s) { e.people_count = s.Int(1); }));
    }
    return out;
}

// ---------------------------------------------------------------------------------------

class WorkspaceTable final : public WorkspaceRepository {
  public:
    explicit WorkspaceTable(Connection& db) : db_(db) {}

    Result<Id> Insert(const Workspace& w) override {
        auto id = InsertRow(
            db_,
            "INSERT INTO workspaces(name, language, default_currency, "
            "phone_region, time_zone, add_time, default_visibility) VALUES(?,?,?,?,?,?,?)",
            [&](Statement& s) {
                s.Bind(1, w.name)
                    .Bind(2, std::string_view(w.language == Language::kVietnamese ? "vi" : "en"))
                    .Bind(3, w.default_currency)
                    .Bind(4, w.phone_region)
                    .Bind(5, w.time_zone)
                    .Bind(6, ToUnixSeconds(w.add_time))
                    .Bind(7, static_cast<int>(w.default_visibility));
            });
        if (!id.ok()) {
            return id;
        }
        PIPECRM_RETURN_IF_ERROR(Execute(db_, "UPDATE workspaces SET workspace_id = id WHERE id = ?",
                                        [&](Statement& s) { s.Bind(1, *id); }));
        return id;
    }

    Result<Workspace> Get(Id id) override {
        return One<Workspace>(
            db_, std::string(kSelect) + " WHERE id = ?", [&](Statement& s) { s.Bind(1, id); }, Read,
            "workspace " + std::to_string(id));
    }

    Status SetDefaultVisibility(Id id, Visibility visibility) override {
        return Execute(db_, "UPDATE workspaces SET default_visibility = ? WHERE id = ?",
                       [&](Statement& s) { s.Bind(1, static_cast<int>(visibility)).Bind(2, id); });
    }

    Result<std::vector<Workspace>> List() override {
        std::vector<Workspace> out;
        Status status = Query(
            db_, std::string(kSelect) + " ORDER BY id", [](Statement&) {},
            [&](Statement& s) { out.push_back(Read(s)); });
        if (!status.ok()) {
            return status;
        }
        return out;
    }

  private:
    static constexpr const char* kSelect =
        "SELECT id, name, language, default_currency, phone_region, time_zone, add_time, "
        "default_visibility FROM workspaces";
    static Workspace Read(const Statement& s) {
        Workspace w;
        w.id = s.Int(0);
        w.name = s.Text(1);
        w.language = s.Text(2) == "vi" ? Language::kVietnamese : Language::kEnglish;
        w.default_currency = s.Text(3);
        w.phone_region = s.Text(4);
        w.time_zone = s.Text(5);
        w.add_time = FromUnixSeconds(s.Int(6));
        w.default_visibility = VisibilityFromInt(s.Int(7)).value_or(Visibility::kEveryone);
        return w;
    }
    Connection& db_;
};

constexpr const char* kUserSelect =
    "SELECT id, workspace_id, name, email, role, password_hash, default_currency, locale, "
    "time_zone, active, add_time, update_time FROM users";

// Reads the columns of kUserSelect, starting at column `first`.
User ReadUser(const Statement& s, int first) {
    User u;
    u.id = s.Int(first);
    u.workspace_id = s.Int(first + 1);
    u.name = s.Text(first + 2);
    u.email = s.Text(first + 3);
    const std::string role = s.Text(first + 4);
    u.role = role == "admin" ? Role::kAdmin : role == "manager" ? Role::kManager : Role::kMember;
    u.password_hash = s.Text(first + 5);
    u.default_currency = s.Text(first + 6);
    u.locale = s.Text(first + 7);
    u.time_zone = s.Text(first + 8);
    u.active = s.Int(first + 9) != 0;
    u.add_time = FromUnixSeconds(s.Int(first + 10));
    u.update_time = FromUnixSeconds(s.Int(first + 11));
    return u;
}

class UserTable final : public UserRepository {
  public:
    explicit UserTable(Connection& db) : db_(db) {}

    Result<Id> Insert(const User& u) override {
        return InsertRow(db_,
                         "INSERT INTO users(workspace_id, name, email, role, password_hash, "
                         "default_currency, locale, time_zone, active, add_time, update_time) "
                         "VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                         [&](Statement& s) {
                             s.Bind(1, u.workspace_id)
                                 .Bind(2, u.name)
                                 .Bind(3, u.email)
                                 .Bind(4, RoleName(u.role))
                                 .Bind(5, u.password_hash)
                                 .Bind(6, u.default_currency)
                                 .Bind(7, u.locale)
                                 .Bind(8, u.time_zone)
                                 .Bind(9, u.active ? 1 : 0)
                                 .Bind(10, ToUnixSeconds(u.add_time))
                                 .Bind(11, ToUnixSeconds(u.update_time));
                         });
    }

    Result<User> Get(Id workspace_id, Id id) override {
        return One<User>(
            db_, std::string(kSelect) + " WHERE workspace_id = ? AND id = ?",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); }, Read,
            "user " + std::to_string(id));
    }

    Result<std::optional<User>> FindByEmail(Id workspace_id, const std::string& email) override {
        auto user = One<User>(
            db_, std::string(kSelect) + " WHERE workspace_id = ? AND email = ?",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, email); }, Read, "user");
        if (!user.ok()) {
            if (user.status().code() == ErrorCode::kNotFound) {
                return std::optional<User>();
            }
            return user.status();
        }
        return std::optional<User>(std::move(*user));
    }

    Result<std::vector<User>> FindByEmailEverywhere(const std::string& email) override {
        return Many(std::string(kSelect) + " WHERE email = ? ORDER BY workspace_id",
                    [&](Statement& s) { s.Bind(1, email); });
    }

    Result<std::vector<User>> List(Id workspace_id) override {
        return Many(std::string(kSelect) + " WHERE workspace_id = ? ORDER BY id",
                    [&](Statement& s) { s.Bind(1, workspace_id); });
    }

    Status Update(const User& u) override {
        return Execute(db_,
                       "UPDATE users SET name = ?, role = ?, password_hash = ?, active = ?, "
                       "update_time = ? WHERE workspace_id = ? AND id = ?",
                       [&](Statement& s) {
                           s.Bind(1, u.name)
                               .Bind(2, RoleName(u.role))
                               .Bind(3, u.password_hash)
                               .Bind(4, u.active ? 1 : 0)
                               .Bind(5, ToUnixSeconds(u.update_time))
                               .Bind(6, u.workspace_id)
                               .Bind(7, u.id);
                       });
    }

    Status SetPasswordHash(Id workspace_id,
                           Id id,
                           const std::string& password_hash,
                           Instant now) override {
        return Execute(
            db_,
            "UPDATE users SET password_hash = ?, update_time = ? WHERE workspace_id = ? AND id = ?",
            [&](Statement& s) {
                s.Bind(1, password_hash)
                    .Bind(2, ToUnixSeconds(now))
                    .Bind(3, workspace_id)
                    .Bind(4, id);
            });
    }

  private:
    static constexpr const char* kSelect = kUserSelect;
    static User Read(const Statement& s) { return ReadUser(s, 0); }
    template <typename BindFn>
    Result<std::vector<User>> Many(const std::string& sql, BindFn&& bind) {
        std::vector<User> out;
        Status status = Query(db_, sql, bind, [&](Statement& s) { out.push_back(Read(s)); });
        if (!status.ok()) {
            return status;
        }
        return out;
    }
    Connection& db_;
};

class TokenTable final : public TokenRepository {
  public:
    explicit TokenTable(Connection& db) : db_(db) {}

    Result<Id> Insert(Id workspace_id,
                      Id user_id,
                      const std::string& token_hash,
                      const std::string& name,
                      Instant now) override {
        return InsertRow(db_,
                         "INSERT INTO api_tokens(workspace_id, user_id, token_hash, name, "
                         "add_time) VALUES(?,?,?,?,?)",
                         [&](Statement& s) {
                             s.Bind(1, workspace_id)
                                 .Bind(2, user_id)
                                 .Bind(3, token_hash)
                                 .Bind(4, name)
                                 .Bind(5, ToUnixSeconds(now));
                         });
    }

    Result<std::optional<TokenOwner>> FindByHash(const std::string& token_hash) override {
        std::optional<TokenOwner> owner;
        Status status = Query(
            db_, kTokenOwnerSelect, [&](Statement& s) { s.Bind(1, token_hash); },
            [&](Statement& s) {
                owner = TokenOwner{s.Int(0), ReadUser(s, 2), OptionalInstant(s, 1),
                                   VisibilityFromInt(s.Int(14)).value_or(Visibility::kEveryone)};
            });
        if (!status.ok()) {
            return status;
        }
        return owner;
    }

    Result<std::vector<TokenInfo>> List(Id workspace_id, OptionalId user_id) override {
        return Rows<TokenInfo>(
            db_,
            "SELECT t.id, t.user_id, u.email, t.name, t.add_time, t.last_used_time, "
            "t.revoked_time FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE "
            "t.workspace_id = ?1 AND (t.user_id = ?2 OR ?2 IS NULL) ORDER BY t.id",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, user_id); },
            [](const Statement& s) {
                return TokenInfo{s.Int(0),
                                 s.Int(1),
                                 s.Text(2),
                                 s.Text(3),
                                 FromUnixSeconds(s.Int(4)),
                                 OptionalInstant(s, 5),
                                 OptionalInstant(s, 6)};
            });
    }

    Status Revoke(Id workspace_id, Id token_id, Instant now) override {
        auto revoked = One<std::optional<Instant>>(
            db_, "SELECT revoked_time FROM api_tokens WHERE workspace_id = ? AND id = ?",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, token_id); },
            [](const Statement& s) { return OptionalInstant(s, 0); },
            "API token " + std::to_string(token_id));
        if (!revoked.ok()) {
            return revoked.status();
        }
        if (revoked->has_value()) {
            return FailedPrecondition("API token " + std::to_string(token_id) +
                                      " is already revoked");
        }
        return Execute(db_,
                       "UPDATE api_tokens SET revoked_time = ? WHERE workspace_id = ? AND id = ?",
                       [&](Statement& s) {
                           s.Bind(1, ToUnixSeconds(now)).Bind(2, workspace_id).Bind(3, token_id);
                       });
    }

    Status SetLastUsed(const std::string& token_hash, Instant at) override {
        return Execute(db_,
                       "UPDATE api_tokens SET last_used_time = ? WHERE token_hash = ? AND "
                       "revoked_time IS NULL",
                       [&](Statement& s) { s.Bind(1, ToUnixSeconds(at)).Bind(2, token_hash); });
    }

  private:
    static constexpr const char* kTokenOwnerSelect =
        "SELECT t.id, t.revoked_time, u.id, u.workspace_id, u.name, u.email, u.role, "
        "u.password_hash, u.default_currency, u.locale, u.time_zone, u.active, u.add_time, "
        "u.update_time, w.default_visibility FROM api_tokens t JOIN users u ON u.id = t.user_id "
        "AND u.workspace_id = t.workspace_id JOIN workspaces w ON w.id = t.workspace_id WHERE "
        "t.token_hash = ?";
    Connection& db_;
};

class TeamTable final : public TeamRepository {
  public:
    explicit TeamTable(Connection& db) : db_(db) {}

    Result<Id> Insert(const Team& t) override {
        return InsertRow(db_,
                         "INSERT INTO teams(workspace_id, name, manager_user_id, add_time, "
                         "update_time) VALUES(?,?,?,?,?)",
                         [&](Statement& s) {
                             s.Bind(1, t.workspace_id)
                                 .Bind(2, t.name)
                                 .Bind(3, t.manager_user_id)
                                 .Bind(4, ToUnixSeconds(t.add_time))
                                 .Bind(5, ToUnixSeconds(t.update_time));
                         });
    }

    Result<std::optional<Team>> FindByName(Id workspace_id, const std::string& name) override {
        auto teams = Many(std::string(kSelect) + " AND name = ?",
                          [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, name); });
        if (!teams.ok()) {
            return teams.status();
        }
        if (teams->empty()) {
            return std::optional<Team>();
        }
        return std::optional<Team>(std::move(teams->front()));
    }

    Result<std::vector<Team>> List(Id workspace_id) override {
        return Many(std::string(kSelect) + " ORDER BY name, id",
                    [&](Statement& s) { s.Bind(1, workspace_id); });
    }

    Status AddMember(Id workspace_id, Id team_id, Id user_id, Instant now) override {
        return Execute(db_,
                       "INSERT INTO team_members(workspace_id, team_id, user_id, "
                       "add_time) VALUES(?,?,?,?) ON CONFLICT DO NOTHING",
                       [&](Statement& s) {
                           s.Bind(1, workspace_id)
                               .Bind(2, team_id)
                               .Bind(3, user_id)
                               .Bind(4, ToUnixSeconds(now));
                       });
    }

    Result<std::vector<TeamMembership>> ListMemberships(Id workspace_id) override {
        return Rows<TeamMembership>(
            db_,
            "SELECT m.team_id, m.user_id FROM team_members m JOIN teams t ON t.id = m.team_id "
            "WHERE m.workspace_id = ? AND t.is_deleted = 0 ORDER BY m.team_id, m.user_id",
            [&](Statement& s) { s.Bind(1, workspace_id); },
            [](const Statement& s) {
                return TeamMembership{s.Int(0), s.Int(1)};
            });
    }

  private:
    static constexpr const char* kSelect =
        "SELECT id, workspace_id, name, manager_user_id, add_time, update_time FROM teams "
        "WHERE workspace_id = ? AND is_deleted = 0";
    template <typename BindFn>
    Result<std::vector<Team>> Many(const std::string& sql, BindFn&& bind) {
        return Rows<Team>(db_, sql, bind, [](const Statement& s) {
            return Team{s.Int(0),
                        s.Int(1),
                        s.Text(2),
                        s.OptionalInt(3),
                        FromUnixSeconds(s.Int(4)),
                        FromUnixSeconds(s.Int(5))};
        });
    }
    Connection& db_;
};

class AuditLogTable final : public AuditLogRepository {
  public:
    explicit AuditLogTable(Connection& db) : db_(db) {}

    Result<Id> Append(const AuditEntry& e) override {
        return InsertRow(db_,
                         "INSERT INTO audit_log(workspace_id, at, actor_user_id, event, "
                         "subject_type, subject_id, detail, remote_address) "
                         "VALUES(?,?,?,?,?,?,?,?)",
                         [&](Statement& s) {
                             s.Bind(1, e.workspace_id)
                                 .Bind(2, ToUnixSeconds(e.at))
                                 .Bind(3, e.actor_user_id)
                                 .Bind(4, AuditEventName(e.event))
                                 .Bind(5, e.subject_type)
                                 .Bind(6, e.subject_id)
                                 .Bind(7, e.detail)
                                 .Bind(8, e.remote_address);
                         });
    }

    Result<std::vector<AuditEntry>> List(const AuditQuery& q) override {
        const std::optional<std::string_view> event =
            q.event ? std::optional(AuditEventName(*q.event)) : std::nullopt;
        return Rows<AuditEntry>(
            db_,
            "SELECT id, workspace_id, at, actor_user_id, event, subject_type, subject_id, detail, "
            "remote_address FROM audit_log WHERE workspace_id = ?1 AND (event = ?2 OR ?2 IS NULL) "
            "ORDER BY id DESC LIMIT ?3 OFFSET ?4",
            [&](Statement& s) {
                s.Bind(1, q.workspace_id).Bind(2, event).Bind(3, q.limit + 1).Bind(4, q.offset);
            },
            [](const Statement& s) {
                AuditEntry e;
                e.id = s.Int(0);
                e.workspace_id = s.Int(1);
                e.at = FromUnixSeconds(s.Int(2));
                e.actor_user_id = s.OptionalInt(3);
                e.event = ParseAuditEvent(s.Text(4)).value_or(AuditEvent::kRecordDeleted);
                e.subject_type = s.Text(5);
                e.subject_id = s.OptionalInt(6);
                e.detail = s.Text(7);
                e.remote_address = s.Text(8);
                return e;
            });
    }

  private:
    Connection& db_;
};

class SessionTable final : public SessionRepository {
  public:
    explicit SessionTable(Connection& db) : db_(db) {}

    Result<Id> Insert(const Session& session) override {
        return InsertRow(db_,
                         "INSERT INTO sessions(workspace_id, user_id, token_hash, add_time, "
                         "last_seen_time, expires_time, remote_address, user_agent) "
                         "VALUES(?,?,?,?,?,?,?,?)",
                         [&](Statement& s) {
                             s.Bind(1, session.workspace_id)
                                 .Bind(2, session.user_id)
                                 .Bind(3, session.token_hash)
                                 .Bind(4, ToUnixSeconds(session.add_time))
                                 .Bind(5, ToUnixSeconds(session.last_seen_time))
                                 .Bind(6, ToUnixSeconds(session.expires_time))
                                 .Bind(7, session.remote_address)
                                 .Bind(8, session.user_agent);
                         });
    }

    Result<std::optional<SessionOwner>> FindByHash(const std::string& token_hash) override {
        std::optional<SessionOwner> owner;
        Status status = Query(
            db_, kSessionOwnerSelect, [&](Statement& s) { s.Bind(1, token_hash); },
            [&](Statement& s) {
                Session session;
                session.id = s.Int(0);
                session.workspace_id = s.Int(1);
                session.user_id = s.Int(2);
                session.token_hash = s.Text(3);
                session.add_time = FromUnixSeconds(s.Int(4));
                session.last_seen_time = FromUnixSeconds(s.Int(5));
                session.expires_time = FromUnixSeconds(s.Int(6));
                if (!s.IsNull(7)) {
                    session.revoked_time = FromUnixSeconds(s.Int(7));
                }
                session.remote_address = s.Text(8);
                session.user_agent = s.Text(9);
                owner = SessionOwner{std::move(session), ReadUser(s, 10)};
            });
        if (!status.ok()) {
            return status;
        }
        return owner;
    }

    Status Touch(Id workspace_id, Id id, Instant now) override {
        return Exec(
            "UPDATE sessions SET last_seen_time = ? WHERE workspace_id = ? AND id = ?",
            [&](Statement& s) { s.Bind(1, ToUnixSeconds(now)).Bind(2, workspace_id).Bind(3, id); });
    }

    Status Revoke(Id workspace_id, Id id, Instant now) override {
        return Exec(
            "UPDATE sessions SET revoked_time = ? WHERE workspace_id = ? AND id = ? AND "
            "revoked_time IS NULL",
            [&](Statement& s) { s.Bind(1, ToUnixSeconds(now)).Bind(2, workspace_id).Bind(3, id); });
    }

    Status RevokeAllOfUser(Id workspace_id, Id user_id, OptionalId keep, Instant now) override {
        return Exec(
            "UPDATE sessions SET revoked_time = ? WHERE workspace_id = ? AND user_id = ? AND "
            "revoked_time IS NULL AND id != ?",
            [&](Statement& s) {
                s.Bind(1, ToUnixSeconds(now))
                    .Bind(2, workspace_id)
                    .Bind(3, user_id)
                    .Bind(4, keep.value_or(0));
            });
    }

  private:
    template <typename BindFn>
    Status Exec(const char* sql, BindFn&& bind) {
        return Execute(db_, sql, bind);
    }
    static constexpr const char* kSessionOwnerSelect =
        "SELECT s.id, s.workspace_id, s.user_id, s.token_hash, s.add_time, s.last_seen_time, "
        "s.expires_time, s.revoked_time, s.remote_address, s.user_agent, u.id, u.workspace_id, "
        "u.name, u.email, u.role, u.password_hash, u.default_currency, u.locale, u.time_zone, "
        "u.active, u.add_time, u.update_time FROM sessions s JOIN users u ON u.id = s.user_id AND "
        "u.workspace_id = s.workspace_id WHERE s.token_hash = ? AND u.active = 1";
    Connection& db_;
};

class PipelineTable final : public PipelineRepository {
  public:
    PipelineTable(Connection& db, WriteBatchCache& cache) : db_(db), cache_(cache) {}

    Result<Id> Insert(const Pipeline& p) override {
        cache_.Forget();
        return InsertRow(db_,
                         "INSERT INTO pipelines(workspace_id, name, order_nr, "
                         "is_deal_probability_enabled, is_deleted, add_time, update_time, kind) "
                         "VALUES(?,?,?,?,?,?,?,?)",
                         [&](Statement& s) { BindFields(s, p); });
    }

    Result<Pipeline> Get(Id workspace_id, Id id) override {
        return One<Pipeline>(
            db_, std::string(kSelect) + " WHERE workspace_id = ? AND id = ?",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); }, Read,
            "pipeline " + std::to_string(id));
    }

    Status Update(const Pipeline& p) override {
        cache_.Forget();
        return Execute(db_,
                       "UPDATE pipelines SET workspace_id = ?, name = ?, order_nr = ?, "
                       "is_deal_probability_enabled = ?, is_deleted = ?, add_time = ?, "
                       "update_time = ?, kind = ? WHERE workspace_id = ? AND id = ?",
                       [&](Statement& s) {
                           BindFields(s, p);
                           s.Bind(9, p.workspace_id).Bind(10, p.id);
                       });
    }

    Result<std::vector<Pipeline>> List(Id workspace_id, const ListOptions& options) override {
        Where where(workspace_id);
        where.Always("is_deleted = 0");
        return ListRows<Pipeline>(db_, kSelect, where, options, Read);
    }

    Result<int> MaxOrder(Id workspace_id) override {
        int max_order = 0;
        Status status = Query(
            db_,
            "SELECT COALESCE(MAX(order_nr), 0) FROM pipelines WHERE workspace_id = ? "
            "AND is_deleted = 0",
            [&](Statement& s) { s.Bind(1, workspace_id); },
            [&](Statement& s) { max_order = static_cast<int>(s.Int(0)); });
        if (!status.ok()) {
            return status;
        }
        return max_order;
    }

  private:
    static constexpr const char* kSelect =
        "SELECT id, workspace_id, name, order_nr, is_deal_probability_enabled, is_deleted, "
        "add_time, update_time, kind FROM pipelines";
    static void BindFields(Statement& s, const Pipeline& p) {
        s.Bind(1, p.workspace_id)
            .Bind(2, p.name)
            .Bind(3, p.order_nr)
            .Bind(4, p.is_deal_probability_enabled ? 1 : 0)
            .Bind(5, p.is_deleted ? 1 : 0)
            .Bind(6, ToUnixSeconds(p.add_time))
            .Bind(7, ToUnixSeconds(p.update_time))
            .Bind(8, std::string(PipelineKindName(p.kind)));
    }
    static Pipeline Read(const Statement& s) {
        Pipeline p;
        p.id = s.Int(0);
        p.workspace_id = s.Int(1);
        p.name = s.Text(2);
        p.order_nr = static_cast<int>(s.Int(3));
        p.is_deal_probability_enabled = s.Int(4) != 0;
        p.is_deleted = s.Int(5) != 0;
        p.add_time = FromUnixSeconds(s.Int(6));
        p.update_time = FromUnixSeconds(s.Int(7));
        p.kind = ParsePipelineKind(s.Text(8)).value_or(PipelineKind::kDeal);
        return p;
    }
    Connection& db_;
    WriteBatchCache& cache_;
};

class StageTable final : public StageRepository {
  public:
    StageTable(Connection& db, WriteBatchCache& cache) : db_(db), cache_(cache) {}

    Result<Id> Insert(const Stage& st) override {
        cache_.Forget();
        return InsertRow(db_,
                         "INSERT INTO stages(workspace_id, pipeline_id, name, order_nr, "
                         "deal_probability, is_deal_rot_enabled, days_to_rotten, is_deleted, "
                         "add_time, update_time) VALUES(?,?,?,?,?,?,?,?,?,?)",
                         [&](Statement& s) { BindFields(s, st); });
    }

    Result<Stage> Get(Id workspace_id, Id id) override {
        return cache_.Stage(workspace_id, id, [&] {
            return One<Stage>(
                db_, std::string(kSelect) + " WHERE workspace_id = ? AND id = ?",
                [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); }, Read,
                "stage " + std::to_string(id));
        });
    }

    Status Update(const Stage& st) override {
        cache_.Forget();
        return Execute(db_,
                       "UPDATE stages SET workspace_id = ?, pipeline_id = ?, name = ?, "
                       "order_nr = ?, deal_probability = ?, is_deal_rot_enabled = ?, "
                       "days_to_rotten = ?, is_deleted = ?, add_time = ?, update_time = ? "
                       "WHERE workspace_id = ? AND id = ?",
                       [&](Statement& s) {
                           BindFields(s, st);
                           s.Bind(11, st.workspace_id).Bind(12, st.id);
                       });
    }

    Result<std::vector<Stage>> List(Id workspace_id,
                                    OptionalId pipeline_id,
                                    const ListOptions& options) override {
        Where where(workspace_id);
        where.Always("is_deleted = 0").Equals("pipeline_id", pipeline_id);
        return ListRows<Stage>(db_, kSelect, where, options, Read);
    }

    Result<int> MaxOrder(Id workspace_id, Id pipeline_id) override {
        int max_order = 0;
        Status status = Query(
            db_,
            "SELECT COALESCE(MAX(order_nr), 0) FROM stages WHERE workspace_id = ? AND "
            "pipeline_id = ? AND is_deleted = 0",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, pipeline_id); },
            [&](Statement& s) { max_order = static_cast<int>(s.Int(0)); });
        if (!status.ok()) {
            return status;
        }
        return max_order;
    }

    Result<std::optional<Stage>> FirstStage(Id workspace_id, OptionalId pipeline_id) override {
        return cache_.FirstStage(workspace_id, pipeline_id.value_or(0),
                                 [&] { return LoadFirstStage(workspace_id, pipeline_id); });
    }

  private:
    Result<std::optional<Stage>> LoadFirstStage(Id workspace_id, OptionalId pipeline_id) {
        std::optional<Stage> first;
        // Both orders follow an index (rowid breaks ties), so no sort is needed.
        const std::string sql =
            std::string(kSelect) +
            " WHERE workspace_id = ?1 AND is_deleted = 0 AND pipeline_id = (SELECT id FROM "
            "pipelines WHERE workspace_id = ?1 AND is_deleted = 0" +
            (pipeline_id ? " AND id = ?2" : "") +
            " ORDER BY order_nr, id LIMIT 1) ORDER BY order_nr, id LIMIT 1";
        Status status = Query(
            db_, sql,
            [&](Statement& s) {
                s.Bind(1, workspace_id);
                if (pipeline_id) {
                    s.Bind(2, *pipeline_id);
                }
            },
            [&](Statement& s) { first = Read(s); });
        if (!status.ok()) {
            return status;
        }
        return first;
    }

    static constexpr const char* kSelect =
        "SELECT id, workspace_id, pipeline_id, name, order_nr, deal_probability, "
        "is_deal_rot_enabled, days_to_rotten, is_deleted, add_time, update_time FROM stages";
    static void BindFields(Statement& s, const Stage& st) {
        s.Bind(1, st.workspace_id)
            .Bind(2, st.pipeline_id)
            .Bind(3, st.name)
            .Bind(4, st.order_nr)
            .Bind(5, st.deal_probability)
            .Bind(6, st.is_deal_rot_enabled ? 1 : 0)
            .Bind(7, st.days_to_rotten)
            .Bind(8, st.is_deleted ? 1 : 0)
            .Bind(9, ToUnixSeconds(st.add_time))
            .Bind(10, ToUnixSeconds(st.update_time));
    }
    static Stage Read(const Statement& s) {
        Stage st;
        st.id = s.Int(0);
        st.workspace_id = s.Int(1);
        st.pipeline_id = s.Int(2);
        st.name = s.Text(3);
        st.order_nr = static_cast<int>(s.Int(4));
        st.deal_probability = static_cast<int>(s.Int(5));
        st.is_deal_rot_enabled = s.Int(6) != 0;
        if (auto days = s.OptionalInt(7)) {
            st.days_to_rotten = static_cast<int>(*days);
        }
        st.is_deleted = s.Int(8) != 0;
        st.add_time = FromUnixSeconds(s.Int(9));
        st.update_time = FromUnixSeconds(s.Int(10));
        return st;
    }
    Connection& db_;
    WriteBatchCache& cache_;
};

class DealTable final : public DealRepository {
  public:
    explicit DealTable(Connection& db) : db_(db) {}

    Result<Id> Insert(const Deal& d) override {
        return InsertRow(
            db_,
            "INSERT INTO main.deals(workspace_id, title, value, currency, status, "
            "pipeline_id, stage_id, owner_id, creator_user_id, person_id, org_id, "
            "expected_close_date, probability, lost_reason, visible_to, add_time, "
            "update_time, stage_change_time, won_time, lost_time, close_time, "
            "label_ids, search_text) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
            "?)",
            [&](Statement& s) {
                BindFields(s, d);
                s.Bind(23, text::FoldForSearch(d.title));
            });
    }

    Result<OptionalId> NextId() override { return NextRowId(db_, "deals"); }

    Status InsertMany(const std::vector<Deal>& deals) override {
        return InsertDealsMany(db_, deals);
    }

    Result<Deal> Get(Id workspace_id, Id id) override {
        return One<Deal>(
            db_, std::string(kSelect) + " WHERE workspace_id = ? AND id = ?",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); }, Read,
            "deal " + std::to_string(id));
    }

    Status Update(const Deal& d, const Deal& previous) override {
        // Only the changed columns appear in SET, so SQLite leaves the other indexes alone.
        // Parameters are numbered as in BindFields; ?23 and ?24 locate the row.
        const std::array<bool, kColumnCount> changed = ChangedColumns(d, previous);
        std::string sql = "UPDATE main.deals SET ";
        bool any = false;
        for (std::size_t i = 0; i < kColumnCount; ++i) {
            if (changed[i]) {
                sql += any ? ", " : "";
                sql += kColumns[i];
                sql += " = ?" + std::to_string(i + 1);
                any = true;
            }
        }
        if (!any) {
            return Status::Ok();
        }
        if (changed[1]) {  // the title: keep its search form with it
            sql += ", search_text = ?25";
        }
        sql += " WHERE workspace_id = ?23 AND id = ?24";
        return Execute(db_, sql, [&](Statement& s) {
            for (std::size_t i = 0; i < kColumnCount; ++i) {
                if (changed[i]) {
                    const int column = static_cast<int>(i);
                    BindDealColumn(s, column + 1, column, d);
                }
            }
            s.Bind(23, previous.workspace_id).Bind(24, d.id);
            if (changed[1]) {
                s.Bind(25, text::FoldForSearch(d.title));
            }
        });
    }

    Result<std::vector<Deal>> List(const DealQuery& q) override {
        auto where = Matching(q);
        if (!where.ok()) {
            return where.status();
        }
        return ListRows<Deal>(db_, kSelect, *where, q.options, Read);
    }

    Result<std::vector<CurrencyTotals>> Totals(const DealQuery& q) override {
        // Weighted per deal, rounded down per deal, as WeightedMinorUnits does.
        auto matching = Matching(q);
        if (!matching.ok()) {
            return matching.status();
        }
        const Where& where = *matching;
        std::vector<CurrencyTotals> out;
        Status status = Query(
            db_,
            "SELECT currency, COUNT(*), SUM(value), SUM(value * COALESCE(probability, (SELECT "
            "deal_probability FROM stages WHERE stages.id = deals.stage_id), 100) / 100) FROM "
            "deals" +
                where.sql() + " GROUP BY currency ORDER BY currency",
            [&](Statement& s) { where.Bind(s); },
            [&](Statement& s) {
                out.push_back({std::string(s.Text(0)), s.Int(1), s.Int(2), s.Int(3)});
            });
        if (!status.ok()) {
            return status;
        }
        return out;
    }

    Result<std::vector<Deal>> Search(const SearchTerm& term) override {
        return SearchRows<Deal>(db_, kSelect, "status <> 'deleted'", term, nullptr, Read);
    }

    Result<std::int64_t> CountLive(Id workspace_id,
                                   OptionalId pipeline_id,
                                   OptionalId stage_id) override {
        Where where(workspace_id);
        where.Always("status <> 'deleted'")
            .Equals("pipeline_id", pipeline_id)
            .Equals("stage_id", stage_id);
        std::int64_t count = 0;
        Status status = Query(
            db_, "SELECT COUNT(*) FROM deals" + where.sql(), [&](Statement& s) { where.Bind(s); },
            [&](Statement& s) { count = s.Int(0); });
        if (!status.ok()) {
            return status;
        }
        return count;
    }

    Result<std::vector<RecordExtras>> Extras(Id workspace_id,
                                             const std::vector<Id>& ids,
                                             const ExtrasWanted& which) override {
        return ComputeExtras(db_, "deal_id", workspace_id, ids, which);
    }

  private:
    // The conditions of a deal query; every status but deleted when it names none.
    static Result<Where> Matching(const DealQuery& q) {
        std::vector<std::string_view> statuses;
        for (DealStatus status : q.statuses) {
            statuses.push_back(DealStatusName(status));
        }
        Where where(q.workspace_id);
        if (statuses.empty()) {
            where.Always("status <> 'deleted'");
        }
        where.In("status", statuses)
            .Equals("owner_id", q.owner_id)
            .Equals("stage_id", q.stage_id)
            .Equals("pipeline_id", q.pipeline_id)
            .Equals("person_id", q.person_id)
            .Equals("org_id", q.org_id)
            .UpdatedBetween(q.updated_since, q.updated_until)
            .In("id", q.ids);
        if (q.label_id) {
            where.Contains("(',' || label_ids || ',')", LabelIdPattern(*q.label_id));
        }
        if (q.date_range) {
            where.Between(DealDateFieldName(q.date_range->field), q.date_range->from,
                          q.date_range->until);
        }
        PIPECRM_RETURN_IF_ERROR(where.Matches(FilterType::kDeals, q.filter));
        return where;
    }

    static constexpr const char* kSelect =
        "SELECT id, workspace_id, title, value, currency, status, pipeline_id, stage_id, "
        "owner_id, creator_user_id, person_id, org_id, expected_close_date, probability, "
        "lost_reason, visible_to, add_time, update_time, stage_change_time, won_time, "
        "lost_time, close_time, label_ids FROM deals";
    static constexpr std::size_t kColumnCount = kDealColumnCount;
    // In bind order (BindFields binds column i as parameter i + 1).
    static constexpr std::array<const char*, kColumnCount> kColumns = {
        "workspace_id", "title",       "value",
        "currency",     "status",      "pipeline_id",
        "stage_id",     "owner_id",    "creator_user_id",
        "person_id",    "org_id",      "expected_close_date",
        "probability",  "lost_reason", "visible_to",
        "add_time",     "update_time", "stage_change_time",
        "won_time",     "lost_time",   "close_time",
        "label_ids"};
    static std::array<bool, kColumnCount> ChangedColumns(const Deal& a, const Deal& b) {
        return {a.workspace_id != b.workspace_id,
                a.title != b.title,
                a.value.minor_units != b.value.minor_units,
                a.value.currency != b.value.currency,
                a.status != b.status,
                a.pipeline_id != b.pipeline_id,
                a.stage_id != b.stage_id,
                a.owner_id != b.owner_id,
                a.creator_user_id != b.creator_user_id,
                a.person_id != b.person_id,
                a.org_id != b.org_id,
                a.expected_close_date != b.expected_close_date,
                a.probability != b.probability,
                a.lost_reason != b.lost_reason,
                a.visible_to != b.visible_to,
                a.add_time != b.add_time,
                a.update_time != b.update_time,
                a.stage_change_time != b.stage_change_time,
                a.won_time != b.won_time,
                a.lost_time != b.lost_time,
                a.close_time != b.close_time,
                a.label_ids != b.label_ids};
    }
    static void BindFields(Statement& s, const Deal& d) { BindDealColumns(s, 1, d); }
    static Deal Read(const Statement& s) {
        Deal d;
        d.id = s.Int(0);
        d.workspace_id = s.Int(1);
        d.title = s.Text(2);
        d.value.minor_units = s.Int(3);
        d.value.currency = s.Text(4);
        d.status = ParseDealStatus(s.Text(5)).value_or(DealStatus::kOpen);
        d.pipeline_id = s.Int(6);
        d.stage_id = s.Int(7);
        d.owner_id = s.Int(8);
        d.creator_user_id = s.Int(9);
        d.person_id = s.OptionalInt(10);
        d.org_id = s.OptionalInt(11);
        if (auto day = s.OptionalInt(12)) {
            d.expected_close_date = FromDayNumber(*day);
        }
        if (auto probability = s.OptionalInt(13)) {
            d.probability = static_cast<int>(*probability);
        }
        d.lost_reason = s.Text(14);
        d.visible_to = VisibilityFromInt(s.Int(15)).value_or(Visibility::kEveryone);
        d.add_time = FromUnixSeconds(s.Int(16));
        d.update_time = FromUnixSeconds(s.Int(17));
        d.stage_change_time = OptionalInstant(s, 18);
        d.won_time = OptionalInstant(s, 19);
        d.lost_time = OptionalInstant(s, 20);
        d.close_time = OptionalInstant(s, 21);
        d.label_ids = ParseLabelIdsText(s.Text(22));
        return d;
    }
    Connection& db_;
};

class DealEventTable final : public DealEventLog {
  public:
    explicit DealEventTable(Connection& db) : db_(db) {}

    Status AppendMany(const std::vector<DealEvent>& events) override {
        return AppendDealEvents(db_, events);
    }

    Result<Id> Append(const DealEvent& e) override {
        return InsertRow(db_,
                         "INSERT INTO deal_events(workspace_id, deal_id, kind, actor_user_id, at, "
                         "from_stage_id, to_stage_id, from_pipeline_id, to_pipeline_id, "
                         "from_value, to_value, currency, from_owner_id, to_owner_id, "
                         "lost_reason) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         [&](Statement& s) {
                             s.Bind(1, e.workspace_id)
                                 .Bind(2, e.deal_id)
                                 .Bind(3, DealEventKindName(e.kind))
                                 .Bind(4, e.actor_user_id)
                                 .Bind(5, ToUnixSeconds(e.at))
                                 .Bind(6, e.from_stage_id)
                                 .Bind(7, e.to_stage_id)
                                 .Bind(8, e.from_pipeline_id)
                                 .Bind(9, e.to_pipeline_id)
                                 .Bind(10, e.from_value)
                                 .Bind(11, e.to_value)
                                 .Bind(12, e.currency)
                                 .Bind(13, e.from_owner_id)
                                 .Bind(14, e.to_owner_id)
                                 .Bind(15, e.lost_reason);
                         });
    }

    Result<std::vector<DealEvent>> ListForDeal(Id workspace_id, Id deal_id) override {
        std::vector<DealEvent> out;
        Status status = Query(
            db_,
            "SELECT id, workspace_id, deal_id, kind, actor_user_id, at, from_stage_id, "
            "to_stage_id, from_pipeline_id, to_pipeline_id, from_value, to_value, currency, "
            "from_owner_id, to_owner_id, lost_reason FROM deal_events "
            "WHERE workspace_id = ? AND deal_id = ? ORDER BY id",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, deal_id); },
            [&](const Statement& s) { out.push_back(ReadDealEvent(s)); });
        if (!status.ok()) {
            return status;
        }
        return out;
    }

    Result<std::int64_t> Count(Id workspace_id) override {
        std::int64_t count = 0;
        Status status = Query(
            db_, "SELECT COUNT(*) FROM deal_events WHERE workspace_id = ?",
            [&](Statement& s) { s.Bind(1, workspace_id); },
            [&](Statement& s) { count = s.Int(0); });
        if (!status.ok()) {
            return status;
        }
        return count;
    }

  private:
    Connection& db_;
};

// The filters of a person (`persons`), organization or product list: owner, ids, update
// times, the saved filter of `type`, and org_id for persons.
Result<Where> ContactWhere(const ContactQuery& q, FilterType type) {
    Where where(q.workspace_id);
    where.Always("is_deleted = 0").Equals("owner_id", q.owner_id);
    if (type == FilterType::kPeople) {
        where.Equals("org_id", q.org_id);
    }
    where.UpdatedBetween(q.updated_since, q.updated_until).In("id", q.ids);
    PIPECRM_RETURN_IF_ERROR(where.Matches(type, q.filter));
    return where;
}

class PersonTable final : public PersonRepository {
  public:
    explicit PersonTable(Connection& db) : db_(db) {}

    Result<Id> Insert(const Person& p) override {
        return WithChildren(
            InsertRow(db_,
                      "INSERT INTO main.persons(workspace_id, name, owner_id, org_id, visible_to, "
                      "is_deleted, add_time, update_time, search_text) "
                      "VALUES(?,?,?,?,?,?,?,?,?)",
                      [&](Statement& s) { BindFields(s, p).Bind(9, SearchText(p)); }),
            [&](Id id) { return InsertContacts(p, id); });
    }

    Result<OptionalId> NextId() override { return NextRowId(db_, "persons"); }

    Status InsertMany(const std::vector<Person>& persons) override {
        return InsertPersonsMany(db_, persons);
    }

    Result<Person> Get(Id workspace_id, Id id) override {
        return WithChildren(One<Person>(
                                db_, std::string(kSelect) + " WHERE workspace_id = ? AND id = ?",
                                [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); }, Read,
                                "person " + std::to_string(id)),
                            [&](Person& row) { return LoadContacts(row); });
    }

    Status Update(const Person& p) override {
        PIPECRM_RETURN_IF_ERROR(Execute(db_,
                                        "UPDATE main.persons SET workspace_id = ?1, name = ?2, "
                                        "owner_id = ?3, org_id = ?4, visible_to = ?5, "
                                        "is_deleted = ?6, add_time = ?7, update_time = ?8, "
                                        "search_text = ?11 WHERE workspace_id = ?9 AND id = ?10",
                                        [&](Statement& s) {
                                            BindFields(s, p);
                                            s.Bind(9, p.workspace_id).Bind(10, p.id);
                                            s.Bind(11, SearchText(p));
                                        }));
        PIPECRM_RETURN_IF_ERROR(
            Execute(db_, "DELETE FROM person_contacts WHERE workspace_id = ? AND person_id = ?",
                    [&](Statement& s) { s.Bind(1, p.workspace_id).Bind(2, p.id); }));
        return InsertContacts(p, p.id);
    }

    Result<std::vector<Person>> List(const ContactQuery& query) override {
        auto where = ContactWhere(query, FilterType::kPeople);
        if (!where.ok()) {
            return where.status();
        }
        auto persons = ListRows<Person>(db_, kSelect, *where, query.options, Read);
        if (!persons.ok()) {
            return persons;
        }
        for (Person& person : *persons) {
            PIPECRM_RETURN_IF_ERROR(LoadContacts(person));
        }
        return persons;
    }

    Result<std::vector<Person>> Search(const SearchTerm& term) override {
        auto persons = SearchRows<Person>(
            db_, kSelect, "is_deleted = 0", term,
            "id IN (SELECT person_id FROM person_contacts WHERE workspace_id = ?1 AND kind = "
            "'phone' AND normalized = ?3)",
            Read);
        if (!persons.ok()) {
            return persons;
        }
        for (Person& person : *persons) {
            PIPECRM_RETURN_IF_ERROR(LoadContacts(person));
        }
        return persons;
    }

    Result<std::vector<RecordExtras>> Extras(Id workspace_id,
                                             const std::vector<Id>& ids,
                                             const ExtrasWanted& which) override {
        return ComputeExtras(db_, "person_id", workspace_id, ids, which);
    }

  private:
    static constexpr const char* kSelect =
        "SELECT id, workspace_id, name, owner_id, org_id, visible_to, is_deleted, add_time, "
        "update_time FROM persons";
    static std::string SearchText(const Person& p) { return PersonSearchText(p); }
    static Statement& BindFields(Statement& s, const Person& p) {
        BindPersonColumns(s, 1, p);
        return s;
    }
    static Person Read(const Statement& s) {
        Person p;
        p.id = s.Int(0);
        p.workspace_id = s.Int(1);
        p.name = s.Text(2);
        p.owner_id = s.Int(3);
        p.org_id = s.OptionalInt(4);
        p.visible_to = VisibilityFromInt(s.Int(5)).value_or(Visibility::kEveryone);
        p.is_deleted = s.Int(6) != 0;
        p.add_time = FromUnixSeconds(s.Int(7));
        p.update_time = FromUnixSeconds(s.Int(8));
        return p;
    }
    Status InsertContacts(const Person& p, Id person_id) {
        // Phones without a country code are read in the workspace's region (looked up only
        // for a person with phones: most imported persons have an email alone).
        std::string region = "VN";
        if (!p.phones.empty()) {
            PIPECRM_RETURN_IF_ERROR(Query(
                db_, "SELECT phone_region FROM workspaces WHERE id = ?",
                [&](Statement& s) { s.Bind(1, p.workspace_id); },
                [&](Statement& s) { region = s.Text(0); }));
        }
        for (const auto& kind_and_points :
             {std::pair{"email", &p.emails}, std::pair{"phone", &p.phones}}) {
            const char* kind = kind_and_points.first;
            for (const ContactPoint& point : *kind_and_points.second) {
                PIPECRM_RETURN_IF_ERROR(Execute(
                    db_,
                    "INSERT INTO person_contacts(workspace_id, person_id, kind, value, label, "
                    "is_primary, normalized) VALUES(?,?,?,?,?,?,?)",
                    [&](Statement& s) {
                        s.Bind(1, p.workspace_id)
                            .Bind(2, person_id)
                            .Bind(3, std::string_view(kind))
                            .Bind(4, point.value)
                            .Bind(5, point.label)
                            .Bind(6, point.primary ? 1 : 0)
                            .Bind(7, NormalizedContact(std::string_view(kind) == "email",
                                                       point.value, region));
                    }));
            }
        }
        return Status::Ok();
    }
    Status LoadContacts(Person& p) {
        p.emails.clear();
        p.phones.clear();
        return Query(
            db_,
            "SELECT kind, value, label, is_primary FROM person_contacts WHERE workspace_id = ? "
            "AND person_id = ? ORDER BY id",
            [&](Statement& s) { s.Bind(1, p.workspace_id).Bind(2, p.id); },
            [&](Statement& s) {
                ContactPoint point{s.Text(1), s.Text(2), s.Int(3) != 0};
                (s.Text(0) == "email" ? p.emails : p.phones).push_back(std::move(point));
            });
    }
    Connection& db_;
};

class OrganizationTable final : public OrganizationRepository {
  public:
    explicit OrganizationTable(Connection& db) : db_(db) {}

    Result<Id> Insert(const Organization& o) override {
        return InsertRow(db_,
                         "INSERT INTO main.organizations(workspace_id, name, owner_id, address, "
                         "visible_to, is_deleted, add_time, update_time, search_text) "
                         "VALUES(?,?,?,?,?,?,?,?,?)",
                         [&](Statement& s) {
                             BindFields(s, o);
                             s.Bind(9, OrganizationSearchText(o));
                         });
    }

    Result<OptionalId> NextId() override { return NextRowId(db_, "organizations"); }

    Status InsertMany(const std::vector<Organization>& orgs) override {
        return InsertOrganizationsMany(db_, orgs);
    }

    Result<Organization> Get(Id workspace_id, Id id) override {
        return One<Organization>(
            db_, std::string(kSelect) + " WHERE workspace_id = ? AND id = ?",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); }, Read,
            "organization " + std::to_string(id));
    }

    Status Update(const Organization& o) override {
        return Execute(db_,
                       "UPDATE main.organizations SET workspace_id = ?1, name = ?2, owner_id = ?3, "
                       "address = ?4, visible_to = ?5, is_deleted = ?6, add_time = ?7, "
                       "update_time = ?8, search_text = ?11 WHERE workspace_id = ?9 AND id = ?10",
                       [&](Statement& s) {
                           BindFields(s, o);
                           s.Bind(9, o.workspace_id).Bind(10, o.id);
                           s.Bind(11, OrganizationSearchText(o));
                       });
    }

    Result<std::vector<Organization>> List(const ContactQuery& query) override {
        auto where = ContactWhere(query, FilterType::kOrg);
        if (!where.ok()) {
            return where.status();
        }
        return ListRows<Organization>(db_, kSelect, *where, query.options, Read);
    }

    Result<std::vector<Organization>> Search(const SearchTerm& term) override {
        return SearchRows<Organization>(db_, kSelect, "is_deleted = 0", term, nullptr, Read);
    }

    Result<std::vector<RecordExtras>> Extras(Id workspace_id,
                                             const std::vector<Id>& ids,
                                             const ExtrasWanted& which) override {
        return ComputeExtras(db_, "org_id", workspace_id, ids, which);
    }

  private:
    static constexpr const char* kSelect =
        "SELECT id, workspace_id, name, owner_id, address, visible_to, is_deleted, add_time, "
        "update_time FROM organizations";
    static void BindFields(Statement& s, const Organization& o) {
        BindOrganizationColumns(s, 1, o);
    }
    static Organization Read(const Statement& s) {
        Organization o;
        o.id = s.Int(0);
        o.workspace_id = s.Int(1);
        o.name = s.Text(2);
        o.owner_id = s.Int(3);
        o.address = s.Text(4);
        o.visible_to = VisibilityFromInt(s.Int(5)).value_or(Visibility::kEveryone);
        o.is_deleted = s.Int(6) != 0;
        o.add_time = FromUnixSeconds(s.Int(7));
        o.update_time = FromUnixSeconds(s.Int(8));
        return o;
    }
    Connection& db_;
};

class ActivityTable final : public ActivityRepository {
  public:
    explicit ActivityTable(Connection& db) : db_(db) {}

    Result<Id> Insert(const Activity& a) override {
        return InsertRow(db_,
                         "INSERT INTO main.activities(workspace_id, subject, type, owner_id, "
                         "creator_user_id, deal_id, person_id, org_id, due_date, due_time_minutes, "
                         "duration_minutes, done, marked_as_done_time, note, is_deleted, add_time, "
                         "update_time, visible_to) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         [&](Statement& s) { BindFields(s, a); });
    }

    Result<Activity> Get(Id workspace_id, Id id) override {
        return One<Activity>(
            db_, std::string(kSelect) + " WHERE workspace_id = ? AND id = ?",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); }, Read,
            "activity " + std::to_string(id));
    }

    Status Update(const Activity& a) override {
        return Execute(db_,
                       "UPDATE main.activities SET workspace_id = ?, subject = ?, type = ?, "
                       "owner_id = ?, creator_user_id = ?, deal_id = ?, person_id = ?, "
                       "org_id = ?, due_date = ?, due_time_minutes = ?, duration_minutes = ?, "
                       "done = ?, marked_as_done_time = ?, note = ?, is_deleted = ?, "
                       "add_time = ?, update_time = ?, visible_to = ? WHERE workspace_id = ? AND "
                       "id = ?",
                       [&](Statement& s) {
                           BindFields(s, a);
                           s.Bind(19, a.workspace_id).Bind(20, a.id);
                       });
    }

    Result<std::vector<Activity>> List(const ActivityQuery& q) override {
        std::optional<std::int64_t> done;
        if (q.done) {
            done = *q.done ? 1 : 0;
        }
        Where where(q.workspace_id);
        where.Always("is_deleted = 0")
            .Equals("owner_id", q.owner_id)
            .Equals("deal_id", q.deal_id)
            .Equals("person_id", q.person_id)
            .Equals("org_id", q.org_id)
            .Equals("done", done)
            .UpdatedBetween(q.updated_since, q.updated_until)
            .In("id", q.ids);
        PIPECRM_RETURN_IF_ERROR(where.Matches(FilterType::kActivity, q.filter));
        return ListRows<Activity>(db_, kSelect, where, q.options, Read);
    }

    Result<std::vector<Activity>> ListForDeal(Id workspace_id, Id deal_id) override {
        ActivityQuery query;
        query.workspace_id = workspace_id;
        query.deal_id = deal_id;
        query.options.limit = 100000;
        return List(query);
    }

    Result<Id> InsertType(const ActivityType& t) override {
        return InsertRow(db_,
                         "INSERT INTO activity_types(workspace_id, key_string, name, icon_key, "
                         "order_nr, is_custom) VALUES(?,?,?,?,?,?)",
                         [&](Statement& s) {
                             s.Bind(1, t.workspace_id)
                                 .Bind(2, t.key_string)
                                 .Bind(3, t.name)
                                 .Bind(4, t.icon_key)
                                 .Bind(5, t.order_nr)
                                 .Bind(6, t.is_custom ? 1 : 0);
                         });
    }

    Result<std::optional<ActivityType>> FindType(Id workspace_id,
                                                 const std::string& key_string) override {
        std::optional<ActivityType> found;
        Status status = Query(
            db_, std::string(kTypeSelect) + " WHERE workspace_id = ? AND key_string = ?",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, key_string); },
            [&](Statement& s) { found = ReadType(s); });
        if (!status.ok()) {
            return status;
        }
        return found;
    }

    Result<std::vector<ActivityType>> ListTypes(Id workspace_id) override {
        std::vector<ActivityType> types;
        Status status = Query(
            db_, std::string(kTypeSelect) + " WHERE workspace_id = ? ORDER BY order_nr, id",
            [&](Statement& s) { s.Bind(1, workspace_id); },
            [&](Statement& s) { types.push_back(ReadType(s)); });
        if (!status.ok()) {
            return status;
        }
        return types;
    }

  private:
    static constexpr const char* kTypeSelect =
        "SELECT id, workspace_id, key_string, name, icon_key, order_nr, is_custom FROM "
        "activity_types";
    static ActivityType ReadType(const Statement& s) {
        return ActivityType{s.Int(0),     s.Int(1),  s.Text(2),
                            s.Text(3),    s.Text(4), static_cast<int>(s.Int(5)),
                            s.Int(6) != 0};
    }
    static constexpr const char* kSelect =
        "SELECT id, workspace_id, subject, type, owner_id, creator_user_id, deal_id, person_id, "
        "org_id, due_date, due_time_minutes, duration_minutes, done, marked_as_done_time, note, "
        "is_deleted, add_time, update_time, visible_to FROM activities";
    static void BindFields(Statement& s, const Activity& a) {
        std::optional<std::int64_t> due;
        if (a.due_date) {
            due = ToDayNumber(*a.due_date);
        }
        s.Bind(1, a.workspace_id)
            .Bind(2, a.subject)
            .Bind(3, a.type)
            .Bind(4, a.owner_id)
            .Bind(5, a.creator_user_id)
            .Bind(6, a.deal_id)
            .Bind(7, a.person_id)
            .Bind(8, a.org_id)
            .Bind(9, due)
            .Bind(10, a.due_time_minutes)
            .Bind(11, a.duration_minutes)
            .Bind(12, a.done ? 1 : 0)
            .Bind(13, OptionalSeconds(a.marked_as_done_time))
            .Bind(14, a.note)
            .Bind(15, a.is_deleted ? 1 : 0)
            .Bind(16, ToUnixSeconds(a.add_time))
            .Bind(17, ToUnixSeconds(a.update_time))
            .Bind(18, static_cast<int>(a.visible_to));
    }
    static Activity Read(const Statement& s) {
        Activity a;
        a.id = s.Int(0);
        a.workspace_id = s.Int(1);
        a.subject = s.Text(2);
        a.type = s.Text(3);
        a.owner_id = s.Int(4);
        a.creator_user_id = s.Int(5);
        a.deal_id = s.OptionalInt(6);
        a.person_id = s.OptionalInt(7);
        a.org_id = s.OptionalInt(8);
        if (auto day = s.OptionalInt(9)) {
            a.due_date = FromDayNumber(*day);
        }
        if (auto minutes = s.OptionalInt(10)) {
            a.due_time_minutes = static_cast<int>(*minutes);
        }
        if (auto minutes = s.OptionalInt(11)) {
            a.duration_minutes = static_cast<int>(*minutes);
        }
        a.done = s.Int(12) != 0;
        a.marked_as_done_time = OptionalInstant(s, 13);
        a.note = s.Text(14);
        a.is_deleted = s.Int(15) != 0;
        a.add_time = FromUnixSeconds(s.Int(16));
        a.update_time = FromUnixSeconds(s.Int(17));
        a.visible_to = VisibilityFromInt(s.Int(18)).value_or(Visibility::kEveryone);
        return a;
    }
    Connection& db_;
};

class NoteTable final : public NoteRepository {
  public:
    explicit NoteTable(Connection& db) : db_(db) {}

    Result<Id> Insert(const Note& n) override {
        return InsertRow(
            db_,
            "INSERT INTO main.notes(workspace_id, user_id, content, deal_id, person_id, "
            "org_id, is_deleted, add_time, update_time, visible_to) "
            "VALUES(?,?,?,?,?,?,?,?,?,?)",
            [&](Statement& s) { BindFields(s, n); });
    }

    Result<Note> Get(Id workspace_id, Id id) override {
        return One<Note>(
            db_, std::string(kSelect) + " WHERE workspace_id = ? AND id = ?",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); }, Read,
            "note " + std::to_string(id));
    }

    Status Update(const Note& n) override {
        return Execute(
            db_,
            "UPDATE main.notes SET workspace_id = ?, user_id = ?, content = ?, deal_id = ?, "
            "person_id = ?, org_id = ?, is_deleted = ?, add_time = ?, update_time = ?, "
            "visible_to = ? WHERE workspace_id = ? AND id = ?",
            [&](Statement& s) {
                BindFields(s, n);
                s.Bind(11, n.workspace_id).Bind(12, n.id);
            });
    }

    Result<std::vector<Note>> List(const NoteQuery& q) override {
        Where where(q.workspace_id);
        where.Always("is_deleted = 0")
            .Equals("deal_id", q.deal_id)
            .Equals("person_id", q.person_id)
            .Equals("org_id", q.org_id)
            .Equals("user_id", q.user_id);
        std::vector<Note> out;
        Status status = Query(
            db_,
            std::string(kSelect) + where.sql() +
                " ORDER BY add_time DESC, id DESC LIMIT ? OFFSET ?",
            [&](Statement& s) {
                const int next = where.Bind(s);
                s.Bind(next, q.limit + 1).Bind(next + 1, q.offset);
            },
            [&](Statement& s) { out.push_back(Read(s)); });
        if (!status.ok()) {
            return status;
        }
        return out;
    }

    Result<std::vector<Note>> ListForDeal(Id workspace_id, Id deal_id) override {
        NoteQuery query;
        query.workspace_id = workspace_id;
        query.deal_id = deal_id;
        query.limit = 100000;
        return List(query);
    }

  private:
    static constexpr const char* kSelect =
        "SELECT id, workspace_id, user_id, content, deal_id, person_id, org_id, is_deleted, "
        "add_time, update_time, visible_to FROM notes";
    static void BindFields(Statement& s, const Note& n) {
        s.Bind(1, n.workspace_id)
            .Bind(2, n.user_id)
            .Bind(3, n.content)
            .Bind(4, n.deal_id)
            .Bind(5, n.person_id)
            .Bind(6, n.org_id)
            .Bind(7, n.is_deleted ? 1 : 0)
            .Bind(8, ToUnixSeconds(n.add_time))
            .Bind(9, ToUnixSeconds(n.update_time))
            .Bind(10, static_cast<int>(n.visible_to));
    }
    static Note Read(const Statement& s) {
        Note n;
        n.id = s.Int(0);
        n.workspace_id = s.Int(1);
        n.user_id = s.Int(2);
        n.content = s.Text(3);
        n.deal_id = s.OptionalInt(4);
        n.person_id = s.OptionalInt(5);
        n.org_id = s.OptionalInt(6);
        n.is_deleted = s.Int(7) != 0;
        n.add_time = FromUnixSeconds(s.Int(8));
        n.update_time = FromUnixSeconds(s.Int(9));
        n.visible_to = VisibilityFromInt(s.Int(10)).value_or(Visibility::kEveryone);
        return n;
    }
    Connection& db_;
};

class ProductTable final : public ProductRepository {
  public:
    explicit ProductTable(Connection& db) : db_(db) {}

    Result<Id> Insert(const Product& p) override {
        auto id =
            InsertRow(db_,
                      "INSERT INTO main.products(workspace_id, name, code, unit, tax, description, "
                      "category, is_linkable, visible_to, owner_id, is_deleted, add_time, "
                      "update_time, search_text) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      [&](Statement& s) {
                          BindFields(s, p);
                          s.Bind(14, text::FoldForSearch(p.name + " " + p.code));
                      });
        if (!id.ok()) {
            return id;
        }
        PIPECRM_RETURN_IF_ERROR(InsertPrices(p, *id));
        return id;
    }

    Result<Product> Get(Id workspace_id, Id id) override {
        return WithChildren(One<Product>(
                                db_, std::string(kSelect) + " WHERE workspace_id = ? AND id = ?",
                                [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); }, Read,
                                "product " + std::to_string(id)),
                            [&](Product& row) { return LoadPrices(row); });
    }

    Status Update(const Product& p) override {
        PIPECRM_RETURN_IF_ERROR(
            Execute(db_,
                    "UPDATE main.products SET workspace_id = ?, name = ?, code = ?, "
                    "unit = ?, tax = ?, description = ?, category = ?, "
                    "is_linkable = ?, visible_to = ?, owner_id = ?, "
                    "is_deleted = ?, add_time = ?, update_time = ?, "
                    "search_text = ?16 WHERE workspace_id = ?14 AND id = ?15",
                    [&](Statement& s) {
                        BindFields(s, p);
                        s.Bind(14, p.workspace_id).Bind(15, p.id);
                        s.Bind(16, text::FoldForSearch(p.name + " " + p.code));
                    }));
        PIPECRM_RETURN_IF_ERROR(
            Execute(db_, "DELETE FROM product_prices WHERE workspace_id = ? AND product_id = ?",
                    [&](Statement& s) { s.Bind(1, p.workspace_id).Bind(2, p.id); }));
        return InsertPrices(p, p.id);
    }

    Result<std::vector<Product>> List(const ContactQuery& query) override {
        auto where = ContactWhere(query, FilterType::kProducts);
        if (!where.ok()) {
            return where.status();
        }
        auto products = ListRows<Product>(db_, kSelect, *where, query.options, Read);
        if (!products.ok()) {
            return products;
        }
        for (Product& product : *products) {
            PIPECRM_RETURN_IF_ERROR(LoadPrices(product));
        }
        return products;
    }

    Result<std::vector<Product>> Search(const SearchTerm& term) override {
        auto products = SearchRows<Product>(db_, kSelect, "is_deleted = 0", term, nullptr, Read);
        if (!products.ok()) {
            return products;
        }
        for (Product& product : *products) {
            PIPECRM_RETURN_IF_ERROR(LoadPrices(product));
        }
        return products;
    }

    Result<Id> InsertDealProduct(const DealProduct& l) override {
        return InsertRow(
            db_,
            "INSERT INTO deal_products(workspace_id, deal_id, product_id, item_price, "
            "quantity, discount, discount_type, tax, tax_method, is_enabled, comments, "
            "add_time, update_time) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [&](Statement& s) { BindLine(s, l); });
    }

    Result<DealProduct> GetDealProduct(Id workspace_id, Id id) override {
        return One<DealProduct>(
            db_, std::string(kLineSelect) + " WHERE workspace_id = ? AND id = ?",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); }, ReadLine,
            "deal product " + std::to_string(id));
    }

    Status UpdateDealProduct(const DealProduct& l) override {
        return Execute(db_,
                       "UPDATE deal_products SET workspace_id = ?, deal_id = ?, product_id = ?, "
                       "item_price = ?, quantity = ?, discount = ?, discount_type = ?, tax = ?, "
                       "tax_method = ?, is_enabled = ?, comments = ?, add_time = ?, "
                       "update_time = ? WHERE workspace_id = ? AND id = ?",
                       [&](Statement& s) {
                           BindLine(s, l);
                           s.Bind(14, l.workspace_id).Bind(15, l.id);
                       });
    }

    Status DeleteDealProduct(Id workspace_id, Id id) override {
        return Execute(db_, "DELETE FROM deal_products WHERE workspace_id = ? AND id = ?",
                       [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); });
    }

    Result<std::vector<DealProduct>> ListForDeal(Id workspace_id, Id deal_id) override {
        std::vector<DealProduct> out;
        Status status = Query(
            db_, std::string(kLineSelect) + " WHERE workspace_id = ? AND deal_id = ? ORDER BY id",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, deal_id); },
            [&](Statement& s) { out.push_back(ReadLine(s)); });
        if (!status.ok()) {
            return status;
        }
        return out;
    }

  private:
    static constexpr const char* kLineSelect =
        "SELECT id, workspace_id, deal_id, product_id, item_price, quantity, discount, "
        "discount_type, tax, tax_method, is_enabled, comments, add_time, update_time FROM "
        "deal_products";
    static void BindLine(Statement& s, const DealProduct& l) {
        s.Bind(1, l.workspace_id)
            .Bind(2, l.deal_id)
            .Bind(3, l.product_id)
            .Bind(4, l.item_price)
            .Bind(5, l.quantity)
            .Bind(6, l.discount)
            .Bind(7, DiscountTypeName(l.discount_type))
            .Bind(8, l.tax)
            .Bind(9, TaxMethodName(l.tax_method))
            .Bind(10, l.is_enabled ? 1 : 0)
            .Bind(11, l.comments)
            .Bind(12, ToUnixSeconds(l.add_time))
            .Bind(13, ToUnixSeconds(l.update_time));
    }
    static DealProduct ReadLine(const Statement& s) {
        DealProduct l;
        l.id = s.Int(0);
        l.workspace_id = s.Int(1);
        l.deal_id = s.Int(2);
        l.product_id = s.Int(3);
        l.item_price = s.Int(4);
        l.quantity = s.Real(5);
        l.discount = s.Real(6);
        l.discount_type = ParseDiscountType(s.Text(7)).value_or(DiscountType::kPercentage);
        l.tax = s.Real(8);
        l.tax_method = ParseTaxMethod(s.Text(9)).value_or(TaxMethod::kNone);
        l.is_enabled = s.Int(10) != 0;
        l.comments = s.Text(11);
        l.add_time = FromUnixSeconds(s.Int(12));
        l.update_time = FromUnixSeconds(s.Int(13));
        return l;
    }

    static constexpr const char* kSelect =
        "SELECT id, workspace_id, name, code, unit, tax, description, category, is_linkable, "
        "visible_to, owner_id, is_deleted, add_time, update_time FROM products";
    static void BindFields(Statement& s, const Product& p) {
        s.Bind(1, p.workspace_id)
            .Bind(2, p.name)
            .Bind(3, p.code)
            .Bind(4, p.unit)
            .Bind(5, p.tax)
            .Bind(6, p.description)
            .Bind(7, p.category)
            .Bind(8, p.is_linkable ? 1 : 0)
            .Bind(9, static_cast<int>(p.visible_to))
            .Bind(10, p.owner_id)
            .Bind(11, p.is_deleted ? 1 : 0)
            .Bind(12, ToUnixSeconds(p.add_time))
            .Bind(13, ToUnixSeconds(p.update_time));
    }
    static Product Read(const Statement& s) {
        Product p;
        p.id = s.Int(0);
        p.workspace_id = s.Int(1);
        p.name = s.Text(2);
        p.code = s.Text(3);
        p.unit = s.Text(4);
        p.tax = s.Real(5);
        p.description = s.Text(6);
        p.category = s.Text(7);
        p.is_linkable = s.Int(8) != 0;
        p.visible_to = VisibilityFromInt(s.Int(9)).value_or(Visibility::kEveryone);
        p.owner_id = s.Int(10);
        p.is_deleted = s.Int(11) != 0;
        p.add_time = FromUnixSeconds(s.Int(12));
        p.update_time = FromUnixSeconds(s.Int(13));
        return p;
    }
    Status InsertPrices(const Product& p, Id product_id) {
        for (const ProductPrice& price : p.prices) {
            PIPECRM_RETURN_IF_ERROR(Execute(
                db_,
                "INSERT INTO product_prices(workspace_id, product_id, currency, price, cost) "
                "VALUES(?,?,?,?,?)",
                [&](Statement& s) {
                    s.Bind(1, p.workspace_id)
                        .Bind(2, product_id)
                        .Bind(3, price.price.currency)
                        .Bind(4, price.price.minor_units)
                        .Bind(5, price.cost);
                }));
        }
        return Status::Ok();
    }
    Status LoadPrices(Product& p) {
        p.prices.clear();
        return Query(
            db_,
            "SELECT currency, price, cost FROM product_prices WHERE workspace_id = ? AND "
            "product_id = ? ORDER BY id",
            [&](Statement& s) { s.Bind(1, p.workspace_id).Bind(2, p.id); },
            [&](Statement& s) {
                p.prices.push_back({Money{s.Int(1), s.Text(0)}, s.Int(2)});
            });
    }
    Connection& db_;
};

class CustomFieldTable final : public CustomFieldRepository {
  public:
    CustomFieldTable(Connection& db, WriteBatchCache& cache) : db_(db), cache_(cache) {}

    Result<Id> Insert(const CustomField& f) override {
        cache_.Forget();
        return InsertRow(db_,
                         "INSERT INTO custom_fields(workspace_id, entity, field_key, name, "
                         "field_type, options, last_option_id, order_nr, is_deleted, add_time, "
                         "update_time) VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                         [&](Statement& s) { BindFields(s, f); });
    }

    Result<CustomField> Get(Id workspace_id, Id id) override {
        return One<CustomField>(
            db_, std::string(kSelect) + " WHERE workspace_id = ? AND id = ?",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); }, Read,
            "field " + std::to_string(id));
    }

    Status Update(const CustomField& f) override {
        cache_.Forget();
        return Execute(db_,
                       "UPDATE custom_fields SET workspace_id = ?1, entity = ?2, field_key = ?3, "
                       "name = ?4, field_type = ?5, options = ?6, last_option_id = ?7, "
                       "order_nr = ?8, is_deleted = ?9, add_time = ?10, update_time = ?11 "
                       "WHERE workspace_id = ?12 AND id = ?13",
                       [&](Statement& s) {
                           BindFields(s, f);
                           s.Bind(12, f.workspace_id).Bind(13, f.id);
                       });
    }

    Result<std::vector<CustomField>> List(Id workspace_id, FieldEntity entity) override {
        return cache_.CustomFields(workspace_id, entity, [&] {
            return Rows<CustomField>(
                db_,
                std::string(kSelect) +
                    " WHERE workspace_id = ? AND entity = ? AND is_deleted = 0 ORDER BY order_nr, "
                    "id",
                [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, FieldEntityName(entity)); },
                Read);
        });
    }

    Result<int> MaxOrder(Id workspace_id, FieldEntity entity) override {
        int max = 0;
        Status status = Query(
            db_,
            "SELECT COALESCE(MAX(order_nr), 0) FROM custom_fields WHERE workspace_id = ? AND "
            "entity = ?",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, FieldEntityName(entity)); },
            [&](Statement& s) { max = static_cast<int>(s.Int(0)); });
        if (!status.ok()) {
            return status;
        }
        return max;
    }

    Status SetValue(Id workspace_id,
                    FieldEntity entity,
                    Id entity_id,
                    Id field_id,
                    const std::optional<std::string>& value) override {
        const char* sql = value ? "INSERT INTO custom_field_values(workspace_id, entity, "
                                  "entity_id, field_id, value) VALUES(?,?,?,?,?) ON CONFLICT("
                                  "workspace_id, entity, entity_id, field_id) DO UPDATE SET "
                                  "value = excluded.value"
                                : "DELETE FROM custom_field_values WHERE workspace_id = ? AND "
                                  "entity = ? AND entity_id = ? AND field_id = ?";
        return Execute(db_, sql, [&](Statement& s) {
            s.Bind(1, workspace_id).Bind(2, FieldEntityName(entity)).Bind(3, entity_id);
            s.Bind(4, field_id);
            if (value) {
                s.Bind(5, *value);
            }
        });
    }

    Result<std::vector<StoredFieldValue>> ListValues(Id workspace_id,
                                                     FieldEntity entity,
                                                     const std::vector<Id>& entity_ids) override {
        std::vector<StoredFieldValue> out;
        if (entity_ids.empty()) {
            return out;
        }
        const std::string ids = IdListValue(db_.dialect(), entity_ids);
        Status status = Query(
            db_,
            "SELECT entity_id, field_id, value FROM custom_field_values WHERE workspace_id = ? "
            "AND entity = ? AND entity_id IN (" +
                IdListSubquery(db_.dialect(), "?") + ")",
            [&](Statement& s) {
                s.Bind(1, workspace_id).Bind(2, FieldEntityName(entity)).Bind(3, ids);
            },
            [&](Statement& s) {
                out.push_back({s.Int(0), s.Int(1), s.Text(2)});
            });
        if (!status.ok()) {
            return status;
        }
        return out;
    }

  private:
    static constexpr const char* kSelect =
        "SELECT id, workspace_id, entity, field_key, name, field_type, options, last_option_id, "
        "order_nr, is_deleted, add_time, update_time FROM custom_fields";

    // Options as "id<TAB>label" lines; labels hold no control characters (BuildOptions).
    static std::string EncodeOptions(const std::vector<FieldOption>& options) {
        std::string text;
        for (const FieldOption& option : options) {
            text += std::to_string(option.id) + "\t" + option.label + "\n";
        }
        return text;
    }
    static std::vector<FieldOption> DecodeOptions(std::string_view text) {
        std::vector<FieldOption> options;
        while (!text.empty()) {
            const auto end = text.find('\n');
            std::string_view line = text.substr(0, end);
            const auto tab = line.find('\t');
            if (tab != std::string_view::npos) {
                options.push_back({std::stoll(std::string(line.substr(0, tab))),
                                   std::string(line.substr(tab + 1))});
            }
            text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        }
        return options;
    }
    static FieldEntity EntityFromName(std::string_view name) {
        return name == "person"         ? FieldEntity::kPerson
               : name == "organization" ? FieldEntity::kOrganization
                                        : FieldEntity::kDeal;
    }
    static void BindFields(Statement& s, const CustomField& f) {
        s.Bind(1, f.workspace_id)
            .Bind(2, FieldEntityName(f.entity))
            .Bind(3, f.key)
            .Bind(4, f.name)
            .Bind(5, FieldTypeName(f.type))
            .Bind(6, EncodeOptions(f.options))
            .Bind(7, f.last_option_id)
            .Bind(8, f.order_nr)
            .Bind(9, f.is_deleted ? 1 : 0)
            .Bind(10, ToUnixSeconds(f.add_time))
            .Bind(11, ToUnixSeconds(f.update_time));
    }
    static CustomField Read(const Statement& s) {
        CustomField f;
        f.id = s.Int(0);
        f.workspace_id = s.Int(1);
        f.entity = EntityFromName(s.Text(2));
        f.key = s.Text(3);
        f.name = s.Text(4);
        f.type = ParseFieldType(s.Text(5)).value_or(FieldType::kVarchar);
        f.options = DecodeOptions(s.Text(6));
        f.last_option_id = s.Int(7);
        f.order_nr = static_cast<int>(s.Int(8));
        f.is_deleted = s.Int(9) != 0;
        f.add_time = FromUnixSeconds(s.Int(10));
        f.update_time = FromUnixSeconds(s.Int(11));
        return f;
    }
    Connection& db_;
    WriteBatchCache& cache_;
};

class FilterTable final : public FilterRepository {
  public:
    explicit FilterTable(Connection& db) : db_(db) {}

    Result<Id> Insert(const Filter& f) override {
        return WithChildren(
            InsertRow(db_,
                      "INSERT INTO filters(workspace_id, name, type, user_id, visible_to, "
                      "temporary_flag, is_deleted, add_time, update_time) "
                      "VALUES(?,?,?,?,?,?,?,?,?)",
                      [&](Statement& s) { BindFields(s, f); }),
            [&](Id id) { return InsertConditions(f, id); });
    }

    Result<Filter> Get(Id workspace_id, Id id) override {
        return WithChildren(One<Filter>(
                                db_, std::string(kSelect) + " WHERE workspace_id = ? AND id = ?",
                                [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); }, Read,
                                "filter " + std::to_string(id)),
                            [&](Filter& row) { return LoadConditions(row); });
    }

    Status Update(const Filter& f) override {
        PIPECRM_RETURN_IF_ERROR(Execute(db_,
                                        "UPDATE filters SET workspace_id = ?, name = ?, type = ?, "
                                        "user_id = ?, visible_to = ?, temporary_flag = ?, "
                                        "is_deleted = ?, add_time = ?, update_time = ? "
                                        "WHERE workspace_id = ? AND id = ?",
                                        [&](Statement& s) {
                                            BindFields(s, f);
                                            s.Bind(10, f.workspace_id).Bind(11, f.id);
                                        }));
        PIPECRM_RETURN_IF_ERROR(
            Execute(db_, "DELETE FROM filter_conditions WHERE workspace_id = ? AND filter_id = ?",
                    [&](Statement& s) { s.Bind(1, f.workspace_id).Bind(2, f.id); }));
        return InsertConditions(f, f.id);
    }

    Result<std::vector<Filter>> List(Id workspace_id, std::optional<FilterType> type) override {
        std::optional<std::string_view> type_name;
        if (type) {
            type_name = FilterTypeName(*type);
        }
        std::vector<Filter> out;
        Status status = Query(
            db_,
            std::string(kSelect) +
                " WHERE workspace_id = ?1 AND is_deleted = 0 AND (type = ?2 OR ?2 IS NULL) "
                "ORDER BY id",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, type_name); },
            [&](Statement& s) { out.push_back(Read(s)); });
        if (!status.ok()) {
            return status;
        }
        for (Filter& filter : out) {
            PIPECRM_RETURN_IF_ERROR(LoadConditions(filter));
        }
        return out;
    }

  private:
    static constexpr const char* kSelect =
        "SELECT id, workspace_id, name, type, user_id, visible_to, temporary_flag, is_deleted, "
        "add_time, update_time FROM filters";
    static void BindFields(Statement& s, const Filter& f) {
        s.Bind(1, f.workspace_id)
            .Bind(2, f.name)
            .Bind(3, FilterTypeName(f.type))
            .Bind(4, f.user_id)
            .Bind(5, f.visible_to)
            .Bind(6, f.temporary ? 1 : 0)
            .Bind(7, f.is_deleted ? 1 : 0)
            .Bind(8, ToUnixSeconds(f.add_time))
            .Bind(9, ToUnixSeconds(f.update_time));
    }
    static Filter Read(const Statement& s) {
        Filter f;
        f.id = s.Int(0);
        f.workspace_id = s.Int(1);
        f.name = s.Text(2);
        f.type = ParseFilterType(s.Text(3)).value_or(FilterType::kDeals);
        f.user_id = s.Int(4);
        f.visible_to = static_cast<int>(s.Int(5));
        f.temporary = s.Int(6) != 0;
        f.is_deleted = s.Int(7) != 0;
        f.add_time = FromUnixSeconds(s.Int(8));
        f.update_time = FromUnixSeconds(s.Int(9));
        return f;
    }
    Status InsertConditions(const Filter& f, Id filter_id) {
        int group_nr = 0;
        for (const auto* group : {&f.conditions.all, &f.conditions.any}) {
            int position = 0;
            for (const FilterCondition& c : *group) {
                PIPECRM_RETURN_IF_ERROR(Execute(
                    db_,
                    "INSERT INTO filter_conditions(workspace_id, filter_id, group_nr, position, "
                    "object, field, operator, value, extra_value) VALUES(?,?,?,?,?,?,?,?,?)",
                    [&](Statement& s) {
                        s.Bind(1, f.workspace_id)
                            .Bind(2, filter_id)
                            .Bind(3, group_nr)
                            .Bind(4, position)
                            .Bind(5, c.object)
                            .Bind(6, c.field)
                            .Bind(7, FilterOperatorName(c.op))
                            .Bind(8, c.value)
                            .Bind(9, c.extra_value);
                    }));
                ++position;
            }
            ++group_nr;
        }
        return Status::Ok();
    }
    Status LoadConditions(Filter& f) {
        f.conditions = {};
        std::optional<Status> bad;
        Status status = Query(
            db_,
            "SELECT group_nr, object, field, operator, value, extra_value FROM filter_conditions "
            "WHERE workspace_id = ? AND filter_id = ? ORDER BY group_nr, position",
            [&](Statement& s) { s.Bind(1, f.workspace_id).Bind(2, f.id); },
            [&](Statement& s) {
                FilterCondition c;
                c.object = s.Text(1);
                c.field = s.Text(2);
                auto op = ParseFilterOperator(s.Text(3));
                if (!op) {
                    bad = Internal("filter " + std::to_string(f.id) + " has an unknown operator");
                    return;
                }
                c.op = *op;
                if (!s.IsNull(4)) {
                    c.value = s.Text(4);
                }
                if (!s.IsNull(5)) {
                    c.extra_value = s.Text(5);
                }
                (s.Int(0) == 0 ? f.conditions.all : f.conditions.any).push_back(std::move(c));
            });
        return bad ? *bad : status;
    }
    Connection& db_;
};

class WebhookTable final : public WebhookRepository {
  public:
    WebhookTable(Connection& db, WriteBatchCache& cache) : db_(db), cache_(cache) {}

    Result<Id> Insert(const Webhook& w) override {
        cache_.Forget();
        return InsertRow(db_,
                         "INSERT INTO webhooks(workspace_id, user_id, admin_id, name, "
                         "subscription_url, event_action, event_object, version, http_auth_user, "
                         "http_auth_password, is_deleted, add_time, update_time) "
                         "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         [&](Statement& s) { BindFields(s, w); });
    }

    Result<Webhook> Get(Id workspace_id, Id id) override {
        return One<Webhook>(
            db_, std::string(kSelect) + " WHERE workspace_id = ? AND id = ?",
            [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, id); }, Read,
            "webhook " + std::to_string(id));
    }

    Status Update(const Webhook& w) override {
        cache_.Forget();
        return Execute(db_,
                       "UPDATE webhooks SET workspace_id = ?, user_id = ?, admin_id = ?, "
                       "name = ?, subscription_url = ?, event_action = ?, event_object = ?, "
                       "version = ?, http_auth_user = ?, http_auth_password = ?, is_deleted = ?, "
                       "add_time = ?, update_time = ? WHERE workspace_id = ? AND id = ?",
                       [&](Statement& s) {
                           BindFields(s, w);
                           s.Bind(14, w.workspace_id).Bind(15, w.id);
                       });
    }

    Result<std::vector<Webhook>> List(Id workspace_id) override {
        std::vector<Webhook> out;
        Status status = Query(
            db_, std::string(kSelect) + " WHERE workspace_id = ? AND is_deleted = 0 ORDER BY id",
            [&](Statement& s) { s.Bind(1, workspace_id); },
            [&](Statement& s) { out.push_back(Read(s)); });
        if (!status.ok()) {
            return status;
        }
        return out;
    }

  private:
    static constexpr const char* kSelect =
        "SELECT id, workspace_id, user_id, admin_id, name, subscription_url, event_action, "
        "event_object, version, http_auth_user, http_auth_password, is_deleted, add_time, "
        "update_time FROM webhooks";
    static void BindFields(Statement& s, const Webhook& w) {
        s.Bind(1, w.workspace_id)
            .Bind(2, w.user_id)
            .Bind(3, w.admin_id)
            .Bind(4, w.name)
            .Bind(5, w.subscription_url)
            .Bind(6, w.event_action)
            .Bind(7, w.event_object)
            .Bind(8, w.version)
            .Bind(9, w.http_auth_user)
            .Bind(10, w.http_auth_password)
            .Bind(11, w.is_deleted ? 1 : 0)
            .Bind(12, ToUnixSeconds(w.add_time))
            .Bind(13, ToUnixSeconds(w.update_time));
    }
    static Webhook Read(const Statement& s) {
        Webhook w;
        w.id = s.Int(0);
        w.workspace_id = s.Int(1);
        w.user_id = s.Int(2);
        w.admin_id = s.Int(3);
        w.name = s.Text(4);
        w.subscription_url = s.Text(5);
        w.event_action = s.Text(6);
        w.event_object = s.Text(7);
        w.version = s.Text(8);
        w.http_auth_user = s.Text(9);
        w.http_auth_password = s.Text(10);
        w.is_deleted = s.Int(11) != 0;
        w.add_time = FromUnixSeconds(s.Int(12));
        w.update_time = FromUnixSeconds(s.Int(13));
        return w;
    }
    Connection& db_;
    WriteBatchCache& cache_;
};

}  // namespace

struct SqlRepositories::Impl {
    explicit Impl(Connection& db)
        : workspaces(db),
          users(db),
          tokens(db),
          teams(db),
          audit_log(db),
          sessions(db),
          pipelines(db, batch_cache),
          stages(db, batch_cache),
          deals(db),
          deal_events(db),
          persons(db),
          organizations(db),
          activities(db),
          notes(db),
          products(db),
          custom_fields(db, batch_cache),
          filters(db),
          webhooks(db, batch_cache),
          import_jobs(db),
          webhook_outbox(db, batch_cache),
          automations(db, batch_cache),
          segments(db),
          call_lists(db),
          playbooks(db),
          campaigns(db),
          reports(db),
          report_facts(db),
          stage_time_facts(db),
          forecast_facts(db),
          lost_reasons(db),
          deal_labels(db),
          projects(db) {}
    WriteBatchCache batch_cache;  // before the tables that keep a reference to it
    WorkspaceTable workspaces;
    UserTable users;
    TokenTable tokens;
    TeamTable teams;
    AuditLogTable audit_log;
    SessionTable sessions;
    PipelineTable pipelines;
    StageTable stages;
    DealTable deals;
    DealEventTable deal_events;
    PersonTable persons;
    OrganizationTable organizations;
    ActivityTable activities;
    NoteTable notes;
    ProductTable products;
    CustomFieldTable custom_fields;
    FilterTable filters;
    WebhookTable webhooks;
    ImportJobTable import_jobs;
    WebhookOutboxTable webhook_outbox;
    AutomationTable automations;
    SegmentTable segments;
    CallListTable call_lists;
    PlaybookTable playbooks;
    CampaignTable campaigns;
    SqlReportSource reports;
    ReportFactTable report_facts;
    StageTimeFactTable stage_time_facts;
    ForecastFactTable forecast_facts;
    LostReasonTable lost_reasons;
    DealLabelTable deal_labels;
    ProjectTable projects;
};

SqlRepositories::SqlRepositories(Connection& connection)
    : impl_(std::make_unique<Impl>(connection)) {}
SqlRepositories::~SqlRepositories() = default;

domain::WorkspaceRepository& SqlRepositories::Workspaces() {
    return impl_->workspaces;
}
domain::UserRepository& SqlRepositories::Users() {
    return impl_->users;
}
domain::TokenRepository& SqlRepositories::Tokens() {
    return impl_->tokens;
}
domain::TeamRepository& SqlRepositories::Teams() {
    return impl_->teams;
}
domain::AuditLogRepository& SqlRepositories::AuditLog() {
    return impl_->audit_log;
}
domain::SessionRepository& SqlRepositories::Sessions() {
    return impl_->sessions;
}
domain::PipelineRepository& SqlRepositories::Pipelines() {
    return impl_->pipelines;
}
domain::StageRepository& SqlRepositories::Stages() {
    return impl_->stages;
}
domain::DealRepository& SqlRepositories::Deals() {
    return impl_->deals;
}
domain::DealEventLog& SqlRepositories::DealEvents() {
    return impl_->deal_events;
}
domain::PersonRepository& SqlRepositories::Persons() {
    return impl_->persons;
}
domain::OrganizationRepository& SqlRepositories::Organizations() {
    return impl_->organizations;
}
domain::ActivityRepository& SqlRepositories::Activities() {
    return impl_->activities;
}
domain::NoteRepository& SqlRepositories::Notes() {
    return impl_->notes;
}
domain::ProductRepository& SqlRepositories::Products() {
    return impl_->products;
}
domain::CustomFieldRepository& SqlRepositories::CustomFields() {
    return impl_->custom_fields;
}
domain::FilterRepository& SqlRepositories::Filters() {
    return impl_->filters;
}
domain::WebhookRepository& SqlRepositories::Webhooks() {
    return impl_->webhooks;
}
domain::ImportJobRepository& SqlRepositories::ImportJobs() {
    return impl_->import_jobs;
}
domain::WebhookOutboxRepository& SqlRepositories::WebhookOutbox() {
    return impl_->webhook_outbox;
}
domain::AutomationRepository& SqlRepositories::Automations() {
    return impl_->automations;
}
domain::SegmentRepository& SqlRepositories::Segments() {
    return impl_->segments;
}
domain::CallListRepository& SqlRepositories::CallLists() {
    return impl_->call_lists;
}
domain::PlaybookRepository& SqlRepositories::Playbooks() {
    return impl_->playbooks;
}
domain::CampaignRepository& SqlRepositories::Campaigns() {
    return impl_->campaigns;
}
domain::ReportSource& SqlRepositories::Reports() {
    return impl_->reports;
}
domain::ReportFactStore& SqlRepositories::ReportFacts() {
    return impl_->report_facts;
}
domain::StageTimeFactStore& SqlRepositories::StageTimeFacts() {
    return impl_->stage_time_facts;
}

domain::ForecastFactStore& SqlRepositories::ForecastFacts() {
    return impl_->forecast_facts;
}

domain::LostReasonRepository& SqlRepositories::LostReasons() {
    return impl_->lost_reasons;
}

domain::DealLabelRepository& SqlRepositories::DealLabels() {
    return impl_->deal_labels;
}

WriteBatchCache& SqlRepositories::batch_cache() {
    return impl_->batch_cache;
}
domain::ProjectRepository& SqlRepositories::Projects() {
    return impl_->projects;
}

}  // namespace pipecrm::storage::sql
