#include "domain/custom_field_service.hpp"

#include <map>
#include <utility>

#include "domain/references.hpp"

namespace pipecrm::domain {
namespace {

Result<std::string> CheckedName(const std::optional<std::string>& name) {
    const std::string text = name.value_or("");
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) {
        return InvalidArgument("name must not be empty", "name");
    }
    std::string trimmed = text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
    if (trimmed.size() > 255) {
        return InvalidArgument("name is longer than 255 bytes", "name");
    }
    return trimmed;
}

Status ApplyOptions(const CustomFieldChange& change, CustomField& field) {
    if (!change.options) {
        return Status::Ok();
    }
    if (!HasOptions(field.type)) {
        return InvalidArgument(
            "only enum and set fields have options, not " + std::string(FieldTypeName(field.type)),
            "options");
    }
    auto options = BuildOptions(field.options, *change.options, field.last_option_id);
    if (!options.ok()) {
        return options.status();
    }
    if (options->empty()) {
        return InvalidArgument("an enum or set field needs at least one option", "options");
    }
    field.options = std::move(*options);
    return Status::Ok();
}

// A user, person or organization named by a value must exist in the workspace.
Status CheckReference(Repositories& repos, Id workspace_id, const CustomField& field, Id id) {
    Status status;
    if (field.type == FieldType::kUser) {
        status = CheckOwner(repos, workspace_id, id);
    } else if (field.type == FieldType::kPeople) {
        status = CheckPerson(repos, workspace_id, id);
    } else if (field.type == FieldType::kOrg) {
        status = CheckOrganization(repos, workspace_id, id);
    }
    if (status.code() == ErrorCode::kInvalidArgument) {
        return InvalidArgument(
            "custom field " + field.key + " (" + field.name + "): " + status.message(), field.key);
    }
    return status;
}

template <typename T>
Status LoadInto(Repositories& repos, Id workspace_id, FieldEntity entity, std::vector<T>& rows) {
    if (rows.empty()) {
        return Status::Ok();
    }
    auto fields = repos.CustomFields().List(workspace_id, entity);
    if (!fields.ok()) {
        return fields.status();
    }
    std::vector<Id> ids;
    for (T& row : rows) {
        row.custom_fields.clear();
        ids.push_back(row.id);
    }
    if (fields->empty()) {
        return Status::Ok();
    }
    auto values = repos.CustomFields().ListValues(workspace_id, entity, ids);
    if (!values.ok()) {
        return values.status();
    }
    std::map<std::pair<Id, Id>, const std::string*> by_row_and_field;
    for (const StoredFieldValue& value : *values) {
        by_row_and_field[{value.entity_id, value.field_id}] = &value.value;
    }
    for (T& row : rows) {
        row.custom_fields.reserve(fields->size());
        for (const CustomField& field : *fields) {
            CustomFieldValue value{field.key, field.type, std::nullopt};
            auto found = by_row_and_field.find({row.id, field.id});
            if (found != by_row_and_field.end()) {
                value.value = LiveOptionsOnly(field, *found->second);
            }
            row.custom_fields.push_back(std::move(value));
        }
    }
    return Status::Ok();
}

}  // namespace

Result<CustomField> GetLiveCustomField(Repositories& repos,
                                       Id workspace_id,
                                       FieldEntity entity,
                                       Id field_id) {
    return LiveOnly(
        repos.CustomFields().Get(workspace_id, field_id),
        [entity](const CustomField& field) { return !field.is_deleted && field.entity == entity; },
        "field", field_id);
}

Result<CustomField> CreateCustomField(Repositories& repos,
                                      const Actor& actor,
                                      FieldEntity entity,
                                      const CustomFieldChange& change,
                                      Instant now) {
    CustomField field;
    field.workspace_id = actor.workspace_id;
    field.entity = entity;
    field.key = change.key;
    auto name = CheckedName(change.name);
    if (!name.ok()) {
        return name.status();
    }
    field.name = *name;
    if (!change.type) {
        return InvalidArgument("field_type is required", "field_type");
    }
    field.type = *change.type;
    if (HasOptions(field.type) && !change.options) {
        return InvalidArgument("an enum or set field needs at least one option", "options");
    }
    PIPECRM_RETURN_IF_ERROR(ApplyOptions(change, field));
    auto order = repos.CustomFields().MaxOrder(actor.workspace_id, entity);
    if (!order.ok()) {
        return order.status();
    }
    field.order_nr = *order + 1;
    field.add_time = now;
    field.update_time = now;
    auto id = repos.CustomFields().Insert(field);
    if (!id.ok()) {
        return id.status();
    }
    field.id = *id;
    return field;
}

Result<CustomField> UpdateCustomField(Repositories& repos,
                                      const Actor& actor,
                                      FieldEntity entity,
                                      Id field_id,
                                      const CustomFieldChange& change,
                                      Instant now) {
    auto field = GetLiveCustomField(repos, actor.workspace_id, entity, field_id);
    if (!field.ok()) {
        return field;
    }
    if (change.type && *change.type != field->type) {
        return InvalidArgument("a field's field_type cannot change", "field_type");
    }
    if (change.name) {
        auto name = CheckedName(change.name);
        if (!name.ok()) {
            return name.status();
        }
        field->name = *name;
    }
    PIPECRM_RETURN_IF_ERROR(ApplyOptions(change, *field));
    field->update_time = now;
    PIPECRM_RETURN_IF_ERROR(repos.CustomFields().Update(*field));
    return field;
}

Result<CustomField> DeleteCustomField(
    Repositories& repos, const Actor& actor, FieldEntity entity, Id field_id, Instant now) {
    return SoftDelete(GetLiveCustomField(repos, actor.workspace_id, entity, field_id), now,
                      [&](const CustomField& f) { return repos.CustomFields().Update(f); });
}

Result<std::vector<FieldWrite>> CheckFieldAssignments(
    Repositories& repos,
    Id workspace_id,
    FieldEntity entity,
    const std::vector<FieldAssignment>& assignments) {
    std::vector<FieldWrite> writes;
    if (assignments.empty()) {
        return writes;
    }
    auto fields = repos.CustomFields().List(workspace_id, entity);
    if (!fields.ok()) {
        return fields.status();
    }
    for (const FieldAssignment& assignment : assignments) {
        const CustomField* field = nullptr;
        for (const CustomField& candidate : *fields) {
            field = candidate.key == assignment.key ? &candidate : field;
        }
        if (field == nullptr) {
            return InvalidArgument("unknown custom field \"" + assignment.key + "\"",
                                   assignment.key);
        }
        auto value = CheckFieldValue(*field, assignment.value);
        if (!value.ok()) {
            return value.status();
        }
        if (*value && (field->type == FieldType::kUser || field->type == FieldType::kPeople ||
                       field->type == FieldType::kOrg)) {
            PIPECRM_RETURN_IF_ERROR(
                CheckReference(repos, workspace_id, *field, std::stoll(**value)));
        }
        writes.push_back({field->id, std::move(*value)});
    }
    return writes;
}

Status WriteFieldValues(Repositories& repos,
                        Id workspace_id,
                        FieldEntity entity,
                        Id entity_id,
                        const std::vector<FieldWrite>& writes) {
    for (const FieldWrite& write : writes) {
        PIPECRM_RETURN_IF_ERROR(repos.CustomFields().SetValue(workspace_id, entity, entity_id,
                                                              write.field_id, write.value));
    }
    return Status::Ok();
}

Status LoadCustomFields(Repositories& repos, Id workspace_id, std::vector<Deal>& deals) {
    return LoadInto(repos, workspace_id, FieldEntity::kDeal, deals);
}

Status LoadCustomFields(Repositories& repos, Id workspace_id, std::vector<Person>& persons) {
    return LoadInto(repos, workspace_id, FieldEntity::kPerson, persons);
}

Status LoadCustomFields(Repositories& repos,
                        Id workspace_id,
                        std::vector<Organization>& organizations) {
    return LoadInto(repos, workspace_id, FieldEntity::kOrganization, organizations);
}

}  // namespace pipecrm::domain
