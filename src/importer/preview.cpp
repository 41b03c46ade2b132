#include "importer/preview.hpp"

#include "importer/csv_reader.hpp"
#include "importer/validation.hpp"

namespace pipecrm::importer {
namespace {

// Why step 3 rejects the record under `mapping`, or kOk.
Status RowProblem(ImportKind kind,
                  const ColumnMapping& mapping,
                  const std::vector<std::string>& fields,
                  const ValidationContext& context) {
    auto mapped = ApplyMapping(mapping, CsvRecord{0, fields});
    if (!mapped.ok()) {
        return mapped.status();
    }
    switch (kind) {
        case ImportKind::kPersons:
            return ValidatePerson(*mapped, context).status();
        case ImportKind::kOrganizations:
            return ValidateOrganization(*mapped, context).status();
        case ImportKind::kDeals:
            return ValidateDeal(*mapped, context).status();
        case ImportKind::kActivities:
            return ValidateActivity(*mapped, context).status();
    }
    return Internal("unknown import kind");
}

}  // namespace

Result<ImportPreview> PreviewImport(domain::Store& store,
                                    const domain::Actor& actor,
                                    std::string_view csv,
                                    const ImportOptions& options,
                                    int max_rows) {
    ImportPreview preview;
    preview.kind = options.kind;
    ValidationContext context;
    PIPECRM_RETURN_IF_ERROR(store.Read([&](domain::Repositories& repos) -> Status {
        auto workspace = repos.Workspaces().Get(actor.workspace_id);
        if (!workspace.ok()) {
            return workspace.status();
        }
        context.phone_region = workspace->phone_region;
        return Status::Ok();
    }));
    if (options.kind != ImportKind::kActivities) {
        const domain::FieldEntity entity =
            options.kind == ImportKind::kPersons         ? domain::FieldEntity::kPerson
            : options.kind == ImportKind::kOrganizations ? domain::FieldEntity::kOrganization
                                                         : domain::FieldEntity::kDeal;
        PIPECRM_RETURN_IF_ERROR(store.Read([&](domain::Repositories& repos) -> Status {
            auto fields = repos.CustomFields().List(actor.workspace_id, entity);
            if (!fields.ok()) {
                return fields.status();
            }
            preview.custom_fields = std::move(*fields);
            return Status::Ok();
        }));
    }
    CsvReader reader(csv);
    preview.delimiter = reader.delimiter();
    bool first = true;
    while (true) {
        auto record = reader.Next();
        if (!record.ok()) {
            return record.status();
        }
        if (!record->has_value()) {
            break;
        }
        if (first) {
            preview.header = std::move((*record)->fields);
            first = false;
            continue;
        }
        ++preview.rows_total;
        if (static_cast<int>(preview.rows.size()) < max_rows) {
            preview.rows.push_back(std::move((*record)->fields));
        }
    }
    if (first) {
        return InvalidArgument("the file is empty: it needs a header line and rows", "line 1");
    }
    auto mapping = MapColumns(options.kind, preview.header, options.map, preview.custom_fields);
    if (!mapping.ok()) {
        return mapping.status();
    }
    preview.mapping = std::move(*mapping);
    context.custom_fields = preview.custom_fields;
    for (const std::vector<std::string>& row : preview.rows) {
        preview.problems.push_back(RowProblem(options.kind, preview.mapping, row, context));
    }
    return preview;
}

}  // namespace pipecrm::importer
