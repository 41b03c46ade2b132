// JSON shapes of the Pipedrive-compatible API (v2 canonical, v1 where only v1 exists).
#pragma once

#include <string>
#include <vector>

#include "domain/activity.hpp"
#include "domain/deal.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/pipeline.hpp"
#include "domain/product.hpp"
#include "domain/stage.hpp"
#include "domain/user.hpp"
#include "domain/workspace.hpp"
#include "http/json.hpp"

namespace pipecrm::http {

/// v2's custom_fields object: every live field's key and its value or null; monetary as
/// {value, currency}, enum and user/people/org as an id, set as an array of option ids.
void WriteCustomFieldsV2(JsonWriter& w, const std::vector<domain::CustomFieldValue>& values);
/// The fields asked for with include_fields, as members at the level of the record's own:
/// counts and ids as numbers, times as RFC 3339, the rest null.
void WriteIncludedFields(JsonWriter& w, const std::vector<domain::IncludedField>& fields);
/// v1's custom field members, at the level of the record's own: the key and its value
/// (enum as the option id in a string, set as "id,id"; monetary adds <key>_currency).
void WriteCustomFieldsV1(JsonWriter& w, const std::vector<domain::CustomFieldValue>& values);

void WritePipelineV2(JsonWriter& w, const domain::Pipeline& pipeline);
void WriteStageV2(JsonWriter& w, const domain::Stage& stage);
void WriteDealV2(JsonWriter& w, const domain::Deal& deal);

/// What v1's deal shape embeds besides the deal itself.
struct DealNames {
    std::string owner_name;
    std::string person_name;
    std::string org_name;
    int stage_order_nr = 0;
    int stage_probability = 100;
    /// The deal's undone activity due soonest, when there is one (v1's next_activity_*).
    std::optional<domain::Activity> next_activity;
};
/// Pipedrive v1's "DealStrict" (stage and pipeline deal lists): plain ids, v1 times, names,
/// and the value weighted by the deal's probability (or else its stage's).
void WriteDealV1Strict(JsonWriter& w, const domain::Deal& deal, const DealNames& names);
/// A double as the shortest JSON number that reads back the same ("2", "0.5").
std::string FormatNumber(double value);
/// "$1,500.5" / "₫120,000,000": the currency's symbol and the amount with thousands grouped.
std::string FormatMoney(std::int64_t minor_units, std::string_view currency);
void WritePersonV2(JsonWriter& w, const domain::Person& person);
void WriteActivityV2(JsonWriter& w, const domain::Activity& activity);
void WriteProductV2(JsonWriter& w, const domain::Product& product);
void WriteActivityTypeV1(JsonWriter& w, const domain::ActivityType& type);
/// Minutes as "HH:MM" (due times, durations).
std::string FormatClock(int minutes);
void WriteOrganizationV2(JsonWriter& w, const domain::Organization& organization);
void WriteUserV1(JsonWriter& w,
                 const domain::User& user,
                 const domain::Workspace& workspace,
                 bool is_you);

/// Renders one object with `write` and returns the JSON text.
template <typename T, typename WriteFn>
std::string ToJson(const T& value, WriteFn&& write) {
    JsonWriter w;
    write(w, value);
    return w.Take();
}

/// Renders a list as a JSON array.
template <typename T, typename WriteFn>
std::string ToJsonArray(const std::vector<T>& values, WriteFn&& write) {
    JsonWriter w;
    w.StartArray();
    for (const T& value : values) {
        write(w, value);
    }
    w.EndArray();
    return w.Take();
}

}  // namespace pipecrm::http
