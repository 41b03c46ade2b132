#include "importer/preview.hpp"

#include "importer/csv_reader.hpp"

namespace pipecrm::importer {

Result<ImportPreview> PreviewImport(domain::Store& store,
                                    const domain::Actor& actor,
                                    std::string_view csv,
                                    const ImportOptions& options,
                                    int max_rows) {
    ImportPreview preview;
    preview.kind = options.kind;
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
    return preview;
}

}  // namespace pipecrm::importer
