#include "storage/sql/filter_sql.hpp"

#include <array>
#include <charconv>
#include <span>
#include <utility>

#include "base/money.hpp"

namespace pipecrm::storage::sql {
namespace {

using domain::FieldKind;
using domain::FilterOperator;
using domain::FilterType;

struct Column {
    std::string_view key;     ///< the domain catalog's field key
    std::string_view column;  ///< the column it is stored in
};

// Every column a filter may name, per table. A field missing here cannot be compiled.
constexpr std::array kDealColumns = {
    Column{"id", "id"},
    Column{"title", "title"},
    Column{"value", "value"},
    Column{"currency", "currency"},
    Column{"stage_id", "stage_id"},
    Column{"pipeline_id", "pipeline_id"},
    Column{"status", "status"},
    Column{"person_id", "person_id"},
    Column{"org_id", "org_id"},
    Column{"user_id", "owner_id"},
    Column{"add_time", "add_time"},
    Column{"update_time", "update_time"},
    Column{"stage_change_time", "stage_change_time"},
    Column{"won_time", "won_time"},
    Column{"lost_time", "lost_time"},
    Column{"close_time", "close_time"},
    Column{"expected_close_date", "expected_close_date"},
    Column{"lost_reason", "lost_reason"},
    Column{"visible_to", "visible_to"},
    Column{"probability", "probability"},
};
constexpr std::array kPersonColumns = {
    Column{"id", "id"},
    Column{"name", "name"},
    Column{"org_id", "org_id"},
    Column{"owner_id", "owner_id"},
    Column{"add_time", "add_time"},
    Column{"update_time", "update_time"},
    Column{"visible_to", "visible_to"},
};
constexpr std::array kOrganizationColumns = {
    Column{"id", "id"},
    Column{"name", "name"},
    Column{"address", "address"},
    Column{"owner_id", "owner_id"},
    Column{"add_time", "add_time"},
    Column{"update_time", "update_time"},
    Column{"visible_to", "visible_to"},
};
constexpr std::array kProductColumns = {
    Column{"id", "id"},
    Column{"name", "name"},
    Column{"code", "code"},
    Column{"unit", "unit"},
    Column{"tax", "tax"},
    Column{"category", "category"},
    Column{"owner_id", "owner_id"},
    Column{"add_time", "add_time"},
    Column{"update_time", "update_time"},
    Column{"visible_to", "visible_to"},
};
constexpr std::array kActivityColumns = {
    Column{"id", "id"},
    Column{"subject", "subject"},
    Column{"type", "type"},
    Column{"user_id", "owner_id"},
    Column{"deal_id", "deal_id"},
    Column{"person_id", "person_id"},
    Column{"org_id", "org_id"},
    Column{"due_date", "due_date"},
    Column{"done", "done"},
    Column{"add_time", "add_time"},
    Column{"update_time", "update_time"},
};

std::span<const Column> ColumnsOf(FilterType type) {
    switch (type) {
        case FilterType::kDeals:
            return kDealColumns;
        case FilterType::kPeople:
            return kPersonColumns;
        case FilterType::kOrg:
            return kOrganizationColumns;
        case FilterType::kProducts:
            return kProductColumns;
        case FilterType::kActivity:
            return kActivityColumns;
    }
    return {};
}

Status NotCompilable(const domain::FilterCondition& condition) {
    return InvalidArgument("the filter's condition on \"" + condition.field +
                               "\" cannot be applied; save the filter again",
                           "filter_id");
}

constexpr std::int64_t kSecondsPerDay = 86400;

class Compiler {
  public:
    explicit Compiler(FilterType type) : type_(type) {}

    Status Add(const domain::FilterCondition& condition) {
        const domain::FilterField* field = domain::FindFilterField(type_, condition.field);
        std::string_view column;
        for (const Column& c : ColumnsOf(type_)) {
            if (field != nullptr && c.key == field->key) {
                column = c.column;
            }
        }
        if (column.empty()) {
            return NotCompilable(condition);
        }
        col_ = std::string(column);
        kind_ = field->kind;
        switch (condition.op) {
            case FilterOperator::kIsNull:
                sql_ += kind_ == FieldKind::kText ? "(" + col_ + " IS NULL OR " + col_ + " = '')"
                                                  : col_ + " IS NULL";
                return Status::Ok();
            case FilterOperator::kIsNotNull:
                sql_ += kind_ == FieldKind::kText
                            ? "(" + col_ + " IS NOT NULL AND " + col_ + " <> '')"
                            : col_ + " IS NOT NULL";
                return Status::Ok();
            default:
                break;
        }
        if (!condition.value) {
            return NotCompilable(condition);
        }
        const std::string& value = *condition.value;
        switch (kind_) {
            case FieldKind::kText:
                return Text(condition.op, value);
            case FieldKind::kTime: {
                auto day = ParseDate(value);
                if (!day.ok()) {
                    return NotCompilable(condition);
                }
                return Day(condition.op, ToDayNumber(*day) * kSecondsPerDay);
            }
            case FieldKind::kDate: {
                auto day = ParseDate(value);
                if (!day.ok()) {
                    return NotCompilable(condition);
                }
                return Compare(condition.op, "?", ToDayNumber(*day));
            }
            case FieldKind::kId:
            case FieldKind::kBool: {
                std::int64_t number = 0;
                auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
                if (ec != std::errc() || end != value.data() + value.size()) {
                    return NotCompilable(condition);
                }
                return Compare(condition.op, "?", number);
            }
            case FieldKind::kNumber:
            case FieldKind::kMoney: {
                double number = 0;
                auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
                if (ec != std::errc() || end != value.data() + value.size()) {
                    return NotCompilable(condition);
                }
                if (kind_ == FieldKind::kMoney) {
                    return Money(condition.op, number);
                }
                return Compare(condition.op, "?", number);
            }
            case FieldKind::kStatus:
                return Compare(condition.op, "?", value);
        }
        return NotCompilable(condition);
    }

    std::string Take() { return std::move(sql_); }
    std::vector<SqlValue> TakeValues() { return std::move(values_); }
    void Append(std::string_view text) { sql_ += text; }

  private:
    // "column OP rhs" where rhs holds one `?` for `value`; != also matches NULL.
    Status Compare(FilterOperator op, const std::string& rhs, SqlValue value) {
        const char* symbol = nullptr;
        switch (op) {
            case FilterOperator::kEqual:
                symbol = " = ";
                break;
            case FilterOperator::kNotEqual:
                sql_ += "(" + col_ + " IS NULL OR " + col_ + " <> " + rhs + ")";
                values_.push_back(std::move(value));
                return Status::Ok();
            case FilterOperator::kLess:
                symbol = " < ";
                break;
            case FilterOperator::kGreater:
                symbol = " > ";
                break;
            case FilterOperator::kLessOrEqual:
                symbol = " <= ";
                break;
            case FilterOperator::kGreaterOrEqual:
                symbol = " >= ";
                break;
            default:
                return InvalidArgument("operator does not apply", "filter_id");
        }
        sql_ += col_ + symbol + rhs;
        values_.push_back(std::move(value));
        return Status::Ok();
    }

    Status Text(FilterOperator op, const std::string& value) {
        std::string pattern;
        switch (op) {
            case FilterOperator::kStartsWith:
                pattern = EscapeLike(value) + "%";
                break;
            case FilterOperator::kEndsWith:
                pattern = "%" + EscapeLike(value);
                break;
            case FilterOperator::kContains:
            case FilterOperator::kNotContains:
                pattern = "%" + EscapeLike(value) + "%";
                break;
            default:
                return Compare(op, "?", value);
        }
        // Case-insensitive on both backends (SQLite's LIKE is, PostgreSQL's is not).
        const std::string lowered = "LOWER(" + col_ + ")";
        sql_ += op == FilterOperator::kNotContains
                    ? "(" + col_ + " IS NULL OR " + lowered + " NOT LIKE LOWER(?) ESCAPE '\\')"
                    : lowered + " LIKE LOWER(?) ESCAPE '\\'";
        values_.push_back(std::move(pattern));
        return Status::Ok();
    }

    // A time column (Unix seconds) against the UTC day starting at `start`.
    Status Day(FilterOperator op, std::int64_t start) {
        const std::int64_t end = start + kSecondsPerDay;
        switch (op) {
            case FilterOperator::kEqual:
                sql_ += "(" + col_ + " >= ? AND " + col_ + " < ?)";
                values_.insert(values_.end(), {start, end});
                return Status::Ok();
            case FilterOperator::kNotEqual:
                sql_ += "(" + col_ + " IS NULL OR " + col_ + " < ? OR " + col_ + " >= ?)";
                values_.insert(values_.end(), {start, end});
                return Status::Ok();
            case FilterOperator::kLess:
                return Compare(FilterOperator::kLess, "?", start);
            case FilterOperator::kLessOrEqual:
                return Compare(FilterOperator::kLess, "?", end);
            case FilterOperator::kGreater:
                return Compare(FilterOperator::kGreaterOrEqual, "?", end);
            case FilterOperator::kGreaterOrEqual:
                return Compare(FilterOperator::kGreaterOrEqual, "?", start);
            default:
                return InvalidArgument("operator does not apply", "filter_id");
        }
    }

    // A deal's value is in minor units of its own currency: the amount is scaled by the
    // currency's minor-unit factor (100 unless the currency says otherwise).
    Status Money(FilterOperator op, double amount) {
        std::string rhs = "? * (CASE";
        std::vector<SqlValue> scale;
        for (const CurrencyInfo& currency : KnownCurrencies()) {
            if (currency.digits != 2) {
                rhs += " WHEN currency = ? THEN ?";
                std::int64_t factor = 1;
                for (int i = 0; i < currency.digits; ++i) {
                    factor *= 10;
                }
                scale.emplace_back(std::string(currency.code));
                scale.emplace_back(factor);
            }
        }
        rhs += " ELSE 100 END)";
        const std::size_t first = values_.size();
        PIPECRM_RETURN_IF_ERROR(Compare(op, rhs, amount));
        values_.insert(values_.begin() + static_cast<std::ptrdiff_t>(first) + 1, scale.begin(),
                       scale.end());
        return Status::Ok();
    }

    FilterType type_;
    std::string col_;
    FieldKind kind_ = FieldKind::kText;
    std::string sql_;
    std::vector<SqlValue> values_;
};

}  // namespace

std::string EscapeLike(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size());
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') {
            escaped += '\\';
        }
        escaped += c;
    }
    return escaped;
}

Result<SqlCondition> CompileFilter(FilterType type, const domain::FilterConditions& conditions) {
    Compiler compiler(type);
    bool first_group = true;
    const std::pair<const std::vector<domain::FilterCondition>*, const char*> groups[] = {
        {&conditions.all, " AND "}, {&conditions.any, " OR "}};
    for (const auto& [group, glue] : groups) {
        if (group->empty()) {
            continue;
        }
        compiler.Append(first_group ? "(" : " AND (");
        first_group = false;
        bool first = true;
        for (const domain::FilterCondition& condition : *group) {
            compiler.Append(first ? "" : glue);
            first = false;
            PIPECRM_RETURN_IF_ERROR(compiler.Add(condition));
        }
        compiler.Append(")");
    }
    SqlCondition out;
    out.sql = compiler.Take();
    out.values = compiler.TakeValues();
    return out;
}

}  // namespace pipecrm::storage::sql
