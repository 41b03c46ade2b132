#include "http/renderers.hpp"

#include <charconv>
#include <cstdio>
#include <variant>

#include "base/money.hpp"
#include "domain/deal_reports.hpp"

namespace pipecrm::http {

namespace {

// One custom field's value; `v1` selects v1's forms (see WriteCustomFieldsV1).
void WriteCustomFieldValue(JsonWriter& w, const domain::CustomFieldValue& field, bool v1) {
    w.Key(field.key);
    if (!field.value) {
        w.Null();
        if (v1 && field.type == domain::FieldType::kMonetary) {
            w.Key(field.key + "_currency").Null();
        }
        return;
    }
    const std::string& value = *field.value;
    switch (field.type) {
        case domain::FieldType::kDouble:
        case domain::FieldType::kUser:
        case domain::FieldType::kPeople:
        case domain::FieldType::kOrg:
            w.Raw(value);
            return;
        case domain::FieldType::kEnum:
        case domain::FieldType::kSet:
            if (v1) {
                w.String(value);
            } else {
                w.Raw(field.type == domain::FieldType::kSet ? "[" + value + "]" : value);
            }
            return;
        case domain::FieldType::kMonetary: {
            // Stored as "<amount> <CUR>".
            const auto space = value.find(' ');
            const std::string amount = value.substr(0, space);
            const std::string currency = value.substr(space + 1);
            if (v1) {
                w.Raw(amount);
                w.Key(field.key + "_currency").String(currency);
            } else {
                w.StartObject().Key("value").Raw(amount).Key("currency").String(currency);
                w.EndObject();
            }
            return;
        }
        case domain::FieldType::kVarchar:
        case domain::FieldType::kText:
        case domain::FieldType::kPhone:
        case domain::FieldType::kDate:
            w.String(value);
            return;
    }
    w.String(value);
}

}  // namespace

void WriteCustomFieldsV2(JsonWriter& w, const std::vector<domain::CustomFieldValue>& values) {
    w.StartObject();
    for (const domain::CustomFieldValue& value : values) {
        WriteCustomFieldValue(w, value, false);
    }
    w.EndObject();
}

void WriteIncludedFields(JsonWriter& w, const std::vector<domain::IncludedField>& fields) {
    for (const domain::IncludedField& field : fields) {
        w.Key(field.name);
        if (const auto* number = std::get_if<std::int64_t>(&field.value)) {
            w.Int(*number);
        } else if (const auto* time = std::get_if<Instant>(&field.value)) {
            w.Rfc3339(*time);
        } else {
            w.Null();
        }
    }
}

void WriteCustomFieldsV1(JsonWriter& w, const std::vector<domain::CustomFieldValue>& values) {
    for (const domain::CustomFieldValue& value : values) {
        WriteCustomFieldValue(w, value, true);
    }
}

void WritePipelineV2(JsonWriter& w, const domain::Pipeline& p) {
    w.StartObject();
    w.Key("id").Int(p.id);
    w.Key("name").String(p.name);
    w.Key("order_nr").Int(p.order_nr);
    w.Key("is_deleted").Bool(p.is_deleted);
    w.Key("is_deal_probability_enabled").Bool(p.is_deal_probability_enabled);
    w.Key("add_time").Rfc3339(p.add_time);
    w.Key("update_time").Rfc3339(p.update_time);
    w.EndObject();
}

void WriteStageV2(JsonWriter& w, const domain::Stage& s) {
    w.StartObject();
    w.Key("id").Int(s.id);
    w.Key("order_nr").Int(s.order_nr);
    w.Key("name").String(s.name);
    w.Key("is_deleted").Bool(s.is_deleted);
    w.Key("deal_probability").Int(s.deal_probability);
    w.Key("pipeline_id").Int(s.pipeline_id);
    w.Key("is_deal_rot_enabled").Bool(s.is_deal_rot_enabled);
    w.Key("days_to_rotten").OptionalInt(s.days_to_rotten);
    w.Key("add_time").Rfc3339(s.add_time);
    w.Key("update_time").Rfc3339(s.update_time);
    w.EndObject();
}

namespace {

void WriteIdArray(JsonWriter& w, const std::vector<Id>& ids) {
    w.StartArray();
    for (Id id : ids) {
        w.Int(id);
    }
    w.EndArray();
}

}  // namespace

void WriteDealV2(JsonWriter& w, const domain::Deal& d) {
    w.StartObject();
    w.Key("id").Int(d.id);
    w.Key("title").String(d.title);
    w.Key("creator_user_id").Int(d.creator_user_id);
    w.Key("owner_id").Int(d.owner_id);
    w.Key("person_id").OptionalId(d.person_id);
    w.Key("org_id").OptionalId(d.org_id);
    w.Key("pipeline_id").Int(d.pipeline_id);
    w.Key("stage_id").Int(d.stage_id);
    w.Key("value").Raw(FormatAmount(d.value.minor_units, d.value.currency));
    w.Key("currency").String(d.value.currency);
    w.Key("add_time").Rfc3339(d.add_time);
    w.Key("update_time").Rfc3339(d.update_time);
    w.Key("stage_change_time").Rfc3339(d.stage_change_time);
    w.Key("is_deleted").Bool(d.status == domain::DealStatus::kDeleted);
    w.Key("is_archived").Bool(false);
    w.Key("archive_time").Null();
    w.Key("status").String(domain::DealStatusName(d.status));
    w.Key("probability").OptionalInt(d.probability);
    w.Key("lost_reason").StringOrNull(d.lost_reason);
    w.Key("visible_to").Int(static_cast<int>(d.visible_to));
    w.Key("close_time").Rfc3339(d.close_time);
    w.Key("won_time").Rfc3339(d.won_time);
    w.Key("lost_time").Rfc3339(d.lost_time);
    w.Key("expected_close_date").Date(d.expected_close_date);
    w.Key("label_ids");
    WriteIdArray(w, d.label_ids);
    w.Key("origin").String("API");
    w.Key("origin_id").Null();
    w.Key("channel").Null();
    w.Key("channel_id").Null();
    w.Key("arr").Null();
    w.Key("mrr").Null();
    w.Key("acv").Null();
    w.Key("custom_fields");
    WriteCustomFieldsV2(w, d.custom_fields);
    WriteIncludedFields(w, d.included_fields);
    w.EndObject();
}

namespace {

void WriteContactPoints(JsonWriter& w, const std::vector<domain::ContactPoint>& points) {
    w.StartArray();
    for (const domain::ContactPoint& point : points) {
        w.StartObject();
        w.Key("value").String(point.value);
        w.Key("primary").Bool(point.primary);
        w.Key("label").String(point.label);
        w.EndObject();
    }
    w.EndArray();
}

}  // namespace

std::string FormatNumber(double value) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, end);
}

std::string FormatMoney(std::int64_t minor_units, std::string_view currency) {
    std::string amount = FormatAmount(minor_units, currency);
    const bool negative = !amount.empty() && amount.front() == '-';
    const std::size_t begin = negative ? 1 : 0;
    std::size_t end = amount.find('.');
    if (end == std::string::npos) {
        end = amount.size();
    }
    for (std::size_t i = end; i > begin + 3; i -= 3) {
        amount.insert(i - 3, ",");
    }
    std::string_view symbol = currency;
    for (const CurrencyInfo& info : KnownCurrencies()) {
        if (info.code == currency) {
            symbol = info.symbol;
        }
    }
    return (negative ? "-" : "") + std::string(symbol) + amount.substr(begin);
}

namespace {

void V1Time(JsonWriter& w, const char* key, const std::optional<Instant>& t) {
    w.Key(key);
    if (t) {
        w.String(FormatSqlTime(*t));
    } else {
        w.Null();
    }
}

}  // namespace

void WriteDealV1Strict(JsonWriter& w, const domain::Deal& d, const DealNames& names) {
    const std::int64_t weighted = domain::WeightedMinorUnits(d, names.stage_probability);
    w.StartObject();
    w.Key("id").Int(d.id);
    w.Key("creator_user_id").Int(d.creator_user_id);
    w.Key("user_id").Int(d.owner_id);
    w.Key("person_id").OptionalId(d.person_id);
    w.Key("org_id").OptionalId(d.org_id);
    w.Key("stage_id").Int(d.stage_id);
    w.Key("pipeline_id").Int(d.pipeline_id);
    w.Key("title").String(d.title);
    w.Key("value").Raw(FormatAmount(d.value.minor_units, d.value.currency));
    w.Key("currency").String(d.value.currency);
    V1Time(w, "add_time", d.add_time);
    V1Time(w, "update_time", d.update_time);
    V1Time(w, "stage_change_time", d.stage_change_time);
    w.Key("active").Bool(d.status == domain::DealStatus::kOpen);
    w.Key("deleted").Bool(d.status == domain::DealStatus::kDeleted);
    w.Key("status").String(domain::DealStatusName(d.status));
    w.Key("probability").OptionalInt(d.probability);
    w.Key("lost_reason").StringOrNull(d.lost_reason);
    w.Key("visible_to").String(std::to_string(static_cast<int>(d.visible_to)));
    V1Time(w, "close_time", d.close_time);
    V1Time(w, "won_time", d.won_time);
    V1Time(w, "lost_time", d.lost_time);
    w.Key("expected_close_date").Date(d.expected_close_date);
    // v1's label: the label ids as one comma-separated string, as Pipedrive answers.
    w.Key("label");
    if (d.label_ids.empty()) {
        w.Null();
    } else {
        std::string text;
        for (Id id : d.label_ids) {
            text += (text.empty() ? "" : ",") + std::to_string(id);
        }
        w.String(text);
    }
    w.Key("label_ids");
    WriteIdArray(w, d.label_ids);
    w.Key("stage_order_nr").Int(names.stage_order_nr);
    w.Key("person_name");
    if (d.person_id) {
        w.String(names.person_name);
    } else {
        w.Null();
    }
    w.Key("org_name");
    if (d.org_id) {
        w.String(names.org_name);
    } else {
        w.Null();
    }
    w.Key("owner_name").String(names.owner_name);
    w.Key("formatted_value").String(FormatMoney(d.value.minor_units, d.value.currency));
    w.Key("weighted_value").Raw(FormatAmount(weighted, d.value.currency));
    w.Key("formatted_weighted_value").String(FormatMoney(weighted, d.value.currency));
    w.Key("weighted_value_currency").String(d.value.currency);
    w.Key("rotten_time").Null();
    const auto& next = names.next_activity;
    w.Key("next_activity_id").OptionalId(next ? OptionalId(next->id) : std::nullopt);
    w.Key("next_activity_date").Date(next ? next->due_date : std::nullopt);
    w.Key("next_activity_time");
    if (next && next->due_time_minutes) {
        w.String(FormatClock(*next->due_time_minutes));
    } else {
        w.Null();
    }
    w.Key("next_activity_subject").StringOrNull(next ? next->subject : "");
    w.Key("next_activity_type").StringOrNull(next ? next->type : "");
    WriteCustomFieldsV1(w, d.custom_fields);
    w.EndObject();
}

void WritePersonV2(JsonWriter& w, const domain::Person& p) {
    // Pipedrive splits at the first space: first_name is the first word.
    const auto space = p.name.find(' ');
    w.StartObject();
    w.Key("id").Int(p.id);
    w.Key("name").String(p.name);
    w.Key("first_name").String(p.name.substr(0, space));
    w.Key("last_name").String(space == std::string::npos ? "" : p.name.substr(space + 1));
    w.Key("owner_id").Int(p.owner_id);
    w.Key("org_id").OptionalId(p.org_id);
    w.Key("add_time").Rfc3339(p.add_time);
    w.Key("update_time").Rfc3339(p.update_time);
    w.Key("emails");
    WriteContactPoints(w, p.emails);
    w.Key("phones");
    WriteContactPoints(w, p.phones);
    w.Key("is_deleted").Bool(p.is_deleted);
    w.Key("visible_to").Int(static_cast<int>(p.visible_to));
    w.Key("label_ids").StartArray().EndArray();
    w.Key("picture_id").Null();
    w.Key("custom_fields");
    WriteCustomFieldsV2(w, p.custom_fields);
    WriteIncludedFields(w, p.included_fields);
    w.EndObject();
}

void WriteOrganizationV2(JsonWriter& w, const domain::Organization& o) {
    w.StartObject();
    w.Key("id").Int(o.id);
    w.Key("name").String(o.name);
    w.Key("owner_id").Int(o.owner_id);
    w.Key("add_time").Rfc3339(o.add_time);
    w.Key("update_time").Rfc3339(o.update_time);
    w.Key("is_deleted").Bool(o.is_deleted);
    w.Key("visible_to").Int(static_cast<int>(o.visible_to));
    w.Key("address");
    if (o.address.empty()) {
        w.Null();
    } else {
        w.StartObject().Key("value").String(o.address).EndObject();
    }
    w.Key("label_ids").StartArray().EndArray();
    w.Key("custom_fields");
    WriteCustomFieldsV2(w, o.custom_fields);
    WriteIncludedFields(w, o.included_fields);
    w.EndObject();
}

std::string FormatClock(int minutes) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
    return buf;
}

void WriteActivityV2(JsonWriter& w, const domain::Activity& a) {
    w.StartObject();
    w.Key("id").Int(a.id);
    w.Key("subject").String(a.subject);
    w.Key("type").String(a.type);
    w.Key("owner_id").Int(a.owner_id);
    w.Key("creator_user_id").Int(a.creator_user_id);
    w.Key("is_deleted").Bool(a.is_deleted);
    w.Key("add_time").Rfc3339(a.add_time);
    w.Key("update_time").Rfc3339(a.update_time);
    w.Key("deal_id").OptionalId(a.deal_id);
    w.Key("lead_id").Null();
    w.Key("person_id").OptionalId(a.person_id);
    w.Key("org_id").OptionalId(a.org_id);
    w.Key("project_id").Null();
    w.Key("due_date").Date(a.due_date);
    w.Key("due_time");
    if (a.due_time_minutes) {
        w.String(FormatClock(*a.due_time_minutes));
    } else {
        w.Null();
    }
    w.Key("duration");
    if (a.duration_minutes) {
        w.String(FormatClock(*a.duration_minutes));
    } else {
        w.Null();
    }
    w.Key("busy").Bool(false);
    w.Key("done").Bool(a.done);
    w.Key("marked_as_done_time").Rfc3339(a.marked_as_done_time);
    w.Key("location").Null();
    w.Key("participants").StartArray().EndArray();
    w.Key("attendees").StartArray().EndArray();
    w.Key("public_description").Null();
    w.Key("priority").Null();
    w.Key("note").StringOrNull(a.note);
    w.Key("visible_to").Int(static_cast<int>(a.visible_to));
    w.EndObject();
}

void WriteProductV2(JsonWriter& w, const domain::Product& p) {
    w.StartObject();
    w.Key("id").Int(p.id);
    w.Key("name").String(p.name);
    w.Key("code").String(p.code);
    w.Key("unit").String(p.unit);
    w.Key("tax").Raw(FormatNumber(p.tax));
    w.Key("is_deleted").Bool(p.is_deleted);
    w.Key("is_linkable").Bool(p.is_linkable);
    w.Key("visible_to").Int(static_cast<int>(p.visible_to));
    w.Key("owner_id").Int(p.owner_id);
    w.Key("add_time").Rfc3339(p.add_time);
    w.Key("update_time").Rfc3339(p.update_time);
    w.Key("description").String(p.description);
    w.Key("category").String(p.category);
    w.Key("billing_frequency").String("one-time");
    w.Key("billing_frequency_cycles").Null();
    w.Key("prices").StartArray();
    for (const domain::ProductPrice& price : p.prices) {
        w.StartObject();
        w.Key("product_id").Int(p.id);
        w.Key("price").Raw(FormatAmount(price.price.minor_units, price.price.currency));
        w.Key("currency").String(price.price.currency);
        w.Key("cost").Raw(FormatAmount(price.cost, price.price.currency));
        w.Key("direct_cost").Null();
        w.Key("notes").Null();
        w.EndObject();
    }
    w.EndArray();
    w.Key("custom_fields").StartObject().EndObject();
    w.EndObject();
}

void WriteActivityTypeV1(JsonWriter& w, const domain::ActivityType& t) {
    w.StartObject();
    w.Key("id").Int(t.id);
    w.Key("name").String(t.name);
    w.Key("icon_key").String(t.icon_key);
    w.Key("color").Null();
    w.Key("order_nr").Int(t.order_nr);
    w.Key("key_string").String(t.key_string);
    w.Key("active_flag").Bool(true);
    w.Key("is_custom_flag").Bool(t.is_custom);
    w.EndObject();
}

void WriteUserV1(JsonWriter& w,
                 const domain::User& u,
                 const domain::Workspace& workspace,
                 bool is_you) {
    const std::string created = FormatSqlTime(u.add_time);
    w.StartObject();
    w.Key("id").Int(u.id);
    w.Key("name").String(u.name);
    w.Key("email").String(u.email);
    w.Key("default_currency").String(u.default_currency);
    w.Key("locale").String(u.locale);
    w.Key("lang").Int(u.locale.rfind("vi", 0) == 0 ? 30 : 1);
    w.Key("phone").Null();
    w.Key("activated").Bool(u.active);
    w.Key("last_login").String(created);
    w.Key("created").String(created);
    w.Key("modified").String(FormatSqlTime(u.update_time));
    w.Key("has_created_company").Bool(u.role == domain::Role::kAdmin);
    w.Key("access").StartArray();
    w.StartObject();
    w.Key("app").String("global");
    w.Key("admin").Bool(u.role == domain::Role::kAdmin);
    w.Key("permission_set_id").String(domain::RoleName(u.role));
    w.EndObject();
    w.EndArray();
    w.Key("active_flag").Bool(u.active);
    w.Key("timezone_name").String(u.time_zone);
    w.Key("timezone_offset").String(u.time_zone == "Asia/Ho_Chi_Minh" ? "+07:00" : "+00:00");
    w.Key("role_id").Int(u.role == domain::Role::kAdmin     ? 1
                         : u.role == domain::Role::kManager ? 2
                                                            : 3);
    w.Key("role").String(domain::RoleName(u.role));
    w.Key("icon_url").Null();
    w.Key("is_you").Bool(is_you);
    w.Key("is_deleted").Bool(false);
    w.Key("company_id").Int(workspace.id);
    w.Key("company_name").String(workspace.name);
    w.EndObject();
}

}  // namespace pipecrm::http
