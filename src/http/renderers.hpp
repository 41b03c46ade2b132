// JSON shapes of the Pipedrive-compatible API (v2 canonical, v1 where only v1 exists).
#pragma once

#include <string>
#include <vector>

#include "domain/activity.hpp"
#include "domain/deal.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/pipeline.hpp"
#include "domain/stage.hpp"
#include "domain/user.hpp"
#include "domain/workspace.hpp"
#include "http/json.hpp"

namespace pipecrm::http {

void WritePipelineV2(JsonWriter& w, const domain::Pipeline& pipeline);
void WriteStageV2(JsonWriter& w, const domain::Stage& stage);
void WriteDealV2(JsonWriter& w, const domain::Deal& deal);
void WritePersonV2(JsonWriter& w, const domain::Person& person);
void WriteActivityV2(JsonWriter& w, const domain::Activity& activity);
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
