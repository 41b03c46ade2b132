// Step 3 of an import: a mapped row checked and normalized into what the domain services take.
// Names NFC, emails lower-cased and checked, phones in E.164 (libphonenumber, the workspace's
// region), ISO and day-first dates, amounts with either decimal separator, custom field values
// converted for their type. Pure: no storage.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/custom_field.hpp"
#include "domain/deal.hpp"
#include "importer/column_mapping.hpp"

namespace pipecrm::importer {

struct ValidationContext {
    std::string phone_region = "VN";
    std::vector<domain::CustomField> custom_fields;  ///< of the kind being imported
};

struct PersonRow {
    OptionalId id;
    std::string name;
    std::vector<std::string> emails;  ///< lower case, checked
    std::vector<std::string> phones;  ///< E.164
    std::string organization;         ///< a name; created when missing
    std::string owner;                ///< a user's email or name
    std::vector<domain::FieldAssignment> custom_fields;
};

struct OrganizationRow {
    OptionalId id;
    std::string name;
    std::optional<std::string> address;
    std::string owner;
    std::vector<domain::FieldAssignment> custom_fields;
};

struct DealRow {
    OptionalId id;
    std::string title;
    std::optional<std::string> value;  ///< decimal text with '.'
    std::string currency;              ///< upper case; empty: the workspace's
    std::optional<domain::DealStatus> status;
    std::string stage;                ///< a stage name
    bool stage_means_status = false;  ///< the stage cell said "Won" or "Lost" (the status)
    std::string owner;
    std::string organization;
    std::string person;
    std::string person_email;
    std::string person_phone;  ///< E.164
    std::optional<Instant> add_time;
    std::optional<Instant> won_time;
    std::optional<Instant> lost_time;
    std::optional<Instant> close_time;
    std::optional<Date> expected_close_date;
    std::string lost_reason;
    std::optional<int> probability;
    std::string product;       ///< a product's name
    std::string product_code;  ///< or its code
    std::optional<double> product_quantity;
    std::optional<std::string> product_price;  ///< decimal text with '.'
    std::vector<domain::FieldAssignment> custom_fields;
};

struct ActivityRow {
    OptionalId id;
    std::string subject;
    std::string type;  ///< an activity type's key or name
    std::optional<Date> due_date;
    std::optional<int> due_time_minutes;
    std::optional<int> duration_minutes;
    std::optional<bool> done;
    std::string note;
    std::string owner;
    OptionalId deal_id;
    std::string person;
    std::string person_email;
    std::string organization;
};

/// Each fails with kInvalidArgument: the reason, for people, and the field.
Result<PersonRow> ValidatePerson(const MappedRow& row, const ValidationContext& context);
Result<OrganizationRow> ValidateOrganization(const MappedRow& row,
                                             const ValidationContext& context);
Result<DealRow> ValidateDeal(const MappedRow& row, const ValidationContext& context);
Result<ActivityRow> ValidateActivity(const MappedRow& row, const ValidationContext& context);

/// A date as "2026-03-01", "01/03/2026", "1-3-2026" or "01.03.2026" (day first), optionally
/// followed by a time, which is ignored.
Result<Date> ParseImportDate(std::string_view text);
/// An instant as RFC 3339, "2026-03-01 10:20[:30]" or a day-first date with an optional
/// "HH:MM[:SS]" (UTC). A date alone is noon UTC, the same calendar day in every zone from
/// UTC-11 to UTC+11.
Result<Instant> ParseImportInstant(std::string_view text);
/// "1.234.567,89", "1,234,567.89", "1234,5" or "1 500 000" as "1234567.89", "1234.5",
/// "1500000". A lone separator followed by exactly three digits groups thousands.
Result<std::string> NormalizeAmount(std::string_view text);

}  // namespace pipecrm::importer
