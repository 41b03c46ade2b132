#include "importer/column_mapping.hpp"

#include <algorithm>
#include <utility>

#include "base/encoding.hpp"
#include "text/search_text.hpp"

namespace pipecrm::importer {
namespace {

struct Synonym {
    const char* folded_header;
    const char* field;
};

// Headers as FoldHeader leaves them. Each kind reads the shared list after its own, so a kind
// can give a header another meaning (a deal's "email" is its person's).
const std::vector<Synonym> kShared = {
    {"id", "id"},
    {"owner", "owner"},
    {"owner email", "owner"},
    {"owner name", "owner"},
    {"sales agent", "owner"},
    {"sales rep", "owner"},
    {"assigned to", "owner"},
    {"nguoi phu trach", "owner"},
    {"phu trach", "owner"},
    {"nhan vien phu trach", "owner"},
    {"nhan vien kinh doanh", "owner"},
    {"organization", "organization"},
    {"organisation", "organization"},
    {"organization name", "organization"},
    {"org", "organization"},
    {"org name", "organization"},
    {"company", "organization"},
    {"company name", "organization"},
    {"account", "organization"},
    {"cong ty", "organization"},
    {"ten cong ty", "organization"},
    {"to chuc", "organization"},
    {"doanh nghiep", "organization"},
};

const std::vector<Synonym> kPersonSynonyms = {
    {"name", "name"},
    {"full name", "name"},
    {"person", "name"},
    {"person name", "name"},
    {"contact", "name"},
    {"contact name", "name"},
    {"ho ten", "name"},
    {"ho va ten", "name"},
    {"ten", "name"},
    {"ten khach hang", "name"},
    {"ten lien he", "name"},
    {"khach hang", "name"},
    {"first name", "first_name"},
    {"given name", "first_name"},
    {"last name", "last_name"},
    {"surname", "last_name"},
    {"family name", "last_name"},
    {"ho", "last_name"},
    {"email", "email"},
    {"e mail", "email"},
    {"email address", "email"},
    {"mail", "email"},
    {"dia chi email", "email"},
    {"thu dien tu", "email"},
    {"phone", "phone"},
    {"phone number", "phone"},
    {"mobile", "phone"},
    {"mobile phone", "phone"},
    {"tel", "phone"},
    {"telephone", "phone"},
    {"so dien thoai", "phone"},
    {"dien thoai", "phone"},
    {"sdt", "phone"},
    {"di dong", "phone"},
};

const std::vector<Synonym> kOrganizationSynonyms = {
    {"name", "name"},         {"organization", "name"},
    {"organisation", "name"}, {"organization name", "name"},
    {"company", "name"},      {"company name", "name"},
    {"account", "name"},      {"cong ty", "name"},
    {"ten cong ty", "name"},  {"to chuc", "name"},
    {"ten", "name"},          {"address", "address"},
    {"dia chi", "address"},
};

const std::vector<Synonym> kDealSynonyms = {
    {"title", "title"},
    {"deal", "title"},
    {"deal title", "title"},
    {"deal name", "title"},
    {"name", "title"},
    {"opportunity", "title"},
    {"opportunity id", "title"},
    {"tieu de", "title"},
    {"ten giao dich", "title"},
    {"giao dich", "title"},
    {"co hoi", "title"},
    {"value", "value"},
    {"amount", "value"},
    {"deal value", "value"},
    {"close value", "value"},
    {"gia tri", "value"},
    {"so tien", "value"},
    {"currency", "currency"},
    {"tien te", "currency"},
    {"loai tien", "currency"},
    {"status", "status"},
    {"trang thai", "status"},
    {"stage", "stage"},
    {"deal stage", "stage"},
    {"giai doan", "stage"},
    {"person", "person"},
    {"contact", "person"},
    {"contact person", "person"},
    {"person name", "person"},
    {"nguoi lien he", "person"},
    {"khach hang", "person"},
    {"email", "person_email"},
    {"person email", "person_email"},
    {"contact email", "person_email"},
    {"phone", "person_phone"},
    {"person phone", "person_phone"},
    {"so dien thoai", "person_phone"},
    {"sdt", "person_phone"},
    {"add time", "add_time"},
    {"created", "add_time"},
    {"created at", "add_time"},
    {"created date", "add_time"},
    {"create date", "add_time"},
    {"engage date", "add_time"},
    {"deal created", "add_time"},
    {"ngay tao", "add_time"},
    {"won time", "won_time"},
    {"won date", "won_time"},
    {"ngay thang", "won_time"},
    {"lost time", "lost_time"},
    {"lost date", "lost_time"},
    {"ngay thua", "lost_time"},
    {"close time", "close_time"},
    {"close date", "close_time"},
    {"closed date", "close_time"},
    {"closed on", "close_time"},
    {"ngay dong", "close_time"},
    {"ngay chot", "close_time"},
    {"expected close date", "expected_close_date"},
    {"expected close", "expected_close_date"},
    {"ngay du kien chot", "expected_close_date"},
    {"du kien chot", "expected_close_date"},
    {"ngay du kien dong", "expected_close_date"},
    {"lost reason", "lost_reason"},
    {"ly do thua", "lost_reason"},
    {"ly do mat", "lost_reason"},
    {"probability", "probability"},
    {"xac suat", "probability"},
    {"product", "product"},
    {"product name", "product"},
    {"san pham", "product"},
    {"product code", "product_code"},
    {"ma san pham", "product_code"},
    {"quantity", "product_quantity"},
    {"qty", "product_quantity"},
    {"so luong", "product_quantity"},
    {"price", "product_price"},
    {"unit price", "product_price"},
    {"item price", "product_price"},
    {"don gia", "product_price"},
};

const std::vector<Synonym> kActivitySynonyms = {
    {"subject", "subject"},
    {"activity", "subject"},
    {"tieu de", "subject"},
    {"chu de", "subject"},
    {"type", "type"},
    {"activity type", "type"},
    {"loai", "type"},
    {"loai hoat dong", "type"},
    {"due date", "due_date"},
    {"date", "due_date"},
    {"ngay", "due_date"},
    {"han", "due_date"},
    {"ngay hen", "due_date"},
    {"due time", "due_time"},
    {"time", "due_time"},
    {"gio", "due_time"},
    {"duration", "duration"},
    {"thoi luong", "duration"},
    {"done", "done"},
    {"completed", "done"},
    {"da xong", "done"},
    {"hoan thanh", "done"},
    {"note", "note"},
    {"notes", "note"},
    {"ghi chu", "note"},
    {"deal id", "deal_id"},
    {"person", "person"},
    {"contact", "person"},
    {"nguoi lien he", "person"},
    {"khach hang", "person"},
    {"email", "person_email"},
    {"person email", "person_email"},
};

const std::vector<Synonym>& SynonymsOf(ImportKind kind) {
    switch (kind) {
        case ImportKind::kPersons:
            return kPersonSynonyms;
        case ImportKind::kOrganizations:
            return kOrganizationSynonyms;
        case ImportKind::kDeals:
            return kDealSynonyms;
        case ImportKind::kActivities:
            return kActivitySynonyms;
    }
    return kPersonSynonyms;
}

bool Repeatable(const std::string& field) {
    return field == "email" || field == "phone";
}

bool IsStandard(ImportKind kind, const std::string& field) {
    const auto& fields = StandardFields(kind);
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

std::string FieldList(ImportKind kind) {
    std::string list;
    for (const std::string& field : StandardFields(kind)) {
        list += (list.empty() ? "" : ", ") + field;
    }
    return list;
}

std::optional<ColumnTarget> ByHeader(ImportKind kind,
                                     const std::string& folded,
                                     const std::vector<domain::CustomField>& custom_fields) {
    for (const std::vector<Synonym>* list : {&SynonymsOf(kind), &kShared}) {
        for (const Synonym& synonym : *list) {
            if (folded == synonym.folded_header && IsStandard(kind, synonym.field)) {
                return ColumnTarget{synonym.field, ""};
            }
        }
    }
    if (IsStandard(kind, folded)) {
        return ColumnTarget{folded, ""};
    }
    for (const domain::CustomField& field : custom_fields) {
        if (FoldHeader(field.name) == folded || field.key == folded) {
            return ColumnTarget{"", field.key};
        }
    }
    return std::nullopt;
}

}  // namespace

std::string_view ImportKindName(ImportKind kind) {
    switch (kind) {
        case ImportKind::kPersons:
            return "persons";
        case ImportKind::kOrganizations:
            return "organizations";
        case ImportKind::kDeals:
            return "deals";
        case ImportKind::kActivities:
            return "activities";
    }
    return "persons";
}

std::optional<ImportKind> ParseImportKind(std::string_view text) {
    for (ImportKind kind : {ImportKind::kPersons, ImportKind::kOrganizations, ImportKind::kDeals,
                            ImportKind::kActivities}) {
        if (text == ImportKindName(kind)) {
            return kind;
        }
    }
    return std::nullopt;
}

const std::vector<std::string>& StandardFields(ImportKind kind) {
    static const std::vector<std::string> kPersons = {"id",    "name",  "first_name",   "last_name",
                                                      "email", "phone", "organization", "owner"};
    static const std::vector<std::string> kOrganizations = {"id", "name", "address", "owner"};
    static const std::vector<std::string> kDeals = {"id",
                                                    "title",
                                                    "value",
                                                    "currency",
                                                    "status",
                                                    "stage",
                                                    "owner",
                                                    "organization",
                                                    "person",
                                                    "person_email",
                                                    "person_phone",
                                                    "add_time",
                                                    "won_time",
                                                    "lost_time",
                                                    "close_time",
                                                    "expected_close_date",
                                                    "lost_reason",
                                                    "probability",
                                                    "product",
                                                    "product_code",
                                                    "product_quantity",
                                                    "product_price"};
    static const std::vector<std::string> kActivities = {
        "id",   "subject", "type",    "due_date", "due_time",     "duration",    "done",
        "note", "owner",   "deal_id", "person",   "person_email", "organization"};
    switch (kind) {
        case ImportKind::kPersons:
            return kPersons;
        case ImportKind::kOrganizations:
            return kOrganizations;
        case ImportKind::kDeals:
            return kDeals;
        case ImportKind::kActivities:
            return kActivities;
    }
    return kPersons;
}

std::string FoldHeader(std::string_view header) {
    std::string folded;
    for (char c : text::FoldForSearch(header)) {
        if (c == '_' || c == '-' || c == '.' || c == '/' || c == '\t' || c == ':') {
            c = ' ';
        }
        if (c == ' ' && (folded.empty() || folded.back() == ' ')) {
            continue;
        }
        folded += c;
    }
    while (!folded.empty() && folded.back() == ' ') {
        folded.pop_back();
    }
    return folded;
}

Result<ColumnMapping> MapColumns(ImportKind kind,
                                 const std::vector<std::string>& header,
                                 const std::vector<std::string>& overrides,
                                 const std::vector<domain::CustomField>& custom_fields) {
    ColumnMapping mapping;
    std::vector<std::string> folded;
    for (const std::string& column : header) {
        folded.push_back(FoldHeader(column));
    }
    std::vector<std::optional<ColumnTarget>> chosen(header.size());
    for (const std::string& override_text : overrides) {
        const auto eq = override_text.rfind('=');
        if (eq == std::string::npos || eq == 0) {
            return InvalidArgument("--map wants CSVCOL=FIELD, not \"" + override_text + "\"",
                                   "map");
        }
        const std::string column = override_text.substr(0, eq);
        const std::string target = override_text.substr(eq + 1);
        std::size_t index = header.size();
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == column || folded[i] == FoldHeader(column)) {
                index = i;
                break;
            }
        }
        if (index == header.size()) {
            return InvalidArgument(
                "--map " + override_text + ": the file has no column \"" + column + "\"", "map");
        }
        if (target == "-" || target.empty()) {
            chosen[index] = ColumnTarget{};
            continue;
        }
        if (IsStandard(kind, target)) {
            chosen[index] = ColumnTarget{target, ""};
            continue;
        }
        std::optional<ColumnTarget> custom;
        for (const domain::CustomField& field : custom_fields) {
            if (field.key == target || field.name == target ||
                FoldHeader(field.name) == FoldHeader(target)) {
                custom = ColumnTarget{"", field.key};
            }
        }
        if (!custom) {
            return InvalidArgument("--map " + override_text + ": \"" + target +
                                       "\" is not a field of " + std::string(ImportKindName(kind)) +
                                       " (" + FieldList(kind) +
                                       ", or a custom field's name or key)",
                                   "map");
        }
        chosen[index] = *custom;
    }
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (!chosen[i]) {
            chosen[i] = ByHeader(kind, folded[i], custom_fields).value_or(ColumnTarget{});
        }
        mapping.columns.push_back(*chosen[i]);
        if (chosen[i]->ignored()) {
            mapping.ignored.push_back(header[i]);
        }
    }
    for (std::size_t i = 0; i < mapping.columns.size(); ++i) {
        const ColumnTarget& target = mapping.columns[i];
        if (target.ignored() || Repeatable(target.field)) {
            continue;
        }
        for (std::size_t j = i + 1; j < mapping.columns.size(); ++j) {
            const ColumnTarget& other = mapping.columns[j];
            if (other.field == target.field && other.custom_key == target.custom_key) {
                return InvalidArgument(
                    "columns \"" + header[i] + "\" and \"" + header[j] + "\" both fill " +
                        (target.field.empty() ? "one custom field" : target.field) +
                        "; ignore one with --map \"" + header[j] + "=-\"",
                    header[j]);
            }
        }
    }
    return mapping;
}

const std::string& MappedRow::Get(std::string_view field) const {
    static const std::string kEmpty;
    for (const auto& [name, value] : fields) {
        if (name == field) {
            return value;
        }
    }
    return kEmpty;
}

std::vector<std::string> MappedRow::GetAll(std::string_view field) const {
    std::vector<std::string> values;
    for (const auto& [name, value] : fields) {
        if (name == field) {
            values.push_back(value);
        }
    }
    return values;
}

Result<MappedRow> ApplyMapping(const ColumnMapping& mapping, const CsvRecord& record) {
    MappedRow row;
    row.line = record.line;
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        const std::string_view cell = TrimSpaces(record.fields[i]);
        if (cell.empty()) {
            continue;
        }
        if (i >= mapping.columns.size()) {
            return InvalidArgument("the row has " + std::to_string(record.fields.size()) +
                                   " fields but the header only " +
                                   std::to_string(mapping.columns.size()));
        }
        const ColumnTarget& target = mapping.columns[i];
        if (!target.field.empty()) {
            row.fields.emplace_back(target.field, std::string(cell));
        } else if (!target.custom_key.empty()) {
            row.custom.emplace_back(target.custom_key, std::string(cell));
        }
    }
    return row;
}

}  // namespace pipecrm::importer
