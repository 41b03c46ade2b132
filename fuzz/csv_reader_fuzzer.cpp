// CSV files: any bytes through the reader (delimiter guess, quotes, UTF-8 checks) and the header
// mapping of every kind.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "importer/column_mapping.hpp"
#include "importer/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace pipecrm::importer;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    CsvReader reader(text);
    std::optional<ColumnMapping> mapping;
    for (int records = 0; records < 10000; ++records) {
        auto record = reader.Next();
        if (!record.ok() || !record->has_value()) {
            break;
        }
        if (reader.position() > reader.size()) {
            __builtin_trap();
        }
        if (!mapping) {
            for (ImportKind kind : {ImportKind::kPersons, ImportKind::kOrganizations,
                                    ImportKind::kDeals, ImportKind::kActivities}) {
                auto mapped = MapColumns(kind, (*record)->fields, {}, {});
                if (mapped.ok()) {
                    mapping = *mapped;
                }
            }
            continue;
        }
        (void)ApplyMapping(*mapping, **record);
    }
    return 0;
}
