#include "storage/snapshot_json.hpp"

#include <cstdio>
#include <type_traits>

namespace pipecrm::storage {
namespace {

void AppendValue(std::string& out, const domain::SnapshotValue& value) {
    std::visit(
        [&out](const auto& v) {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::monostate>) {
                out += "null";
            } else if constexpr (std::is_same_v<V, std::int64_t>) {
                out += std::to_string(v);
            } else if constexpr (std::is_same_v<V, domain::DecimalText>) {
                out += v.text.empty() ? "0" : v.text;
            } else if constexpr (std::is_same_v<V, std::string>) {
                AppendJsonString(out, v);
            } else {
                out += v ? "true" : "false";
            }
        },
        value);
}

void AppendMember(std::string& out, std::string_view key, std::int64_t value) {
    if (out.size() > 1) {
        out += ',';
    }
    AppendJsonString(out, key);
    out += ':';
    out += std::to_string(value);
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
    out += '"';
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (byte < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(byte));
            out += escaped;
        } else {
            out += c;
        }
    }
    out += '"';
}

std::string SnapshotJson(const std::optional<domain::Snapshot>& snapshot) {
    if (!snapshot) {
        return "null";
    }
    std::string out = "{";
    for (const domain::SnapshotField& field : *snapshot) {
        if (out.size() > 1) {
            out += ',';
        }
        AppendJsonString(out, field.key);
        out += ':';
        AppendValue(out, field.value);
    }
    out += '}';
    return out;
}

std::string StageMoveJson(const std::optional<domain::StageMove>& change) {
    if (!change) {
        return "null";
    }
    std::string out = "{";
    AppendMember(out, "previous_stage_id", change->previous_stage_id);
    AppendMember(out, "current_stage_id", change->current_stage_id);
    AppendMember(out, "previous_pipeline_id", change->previous_pipeline_id);
    AppendMember(out, "current_pipeline_id", change->current_pipeline_id);
    AppendMember(out, "seconds_in_previous_stage", change->seconds_in_previous_stage);
    AppendMember(out, "actor_user_id", change->actor_user_id);
    out += '}';
    return out;
}

}  // namespace pipecrm::storage
