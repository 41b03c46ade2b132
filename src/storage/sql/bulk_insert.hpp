// Rows of deals, persons (with their emails and phones) and organizations: their columns bound
// from any parameter (`Bind…Columns`, shared with the tables' one-row statements), and many
// inserted per statement with ids taken ahead (`Insert…Many`, for bulk writers such as the
// importer; see domain::BulkWrites).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.hpp"
#include "domain/deal.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "storage/sql/connection.hpp"

namespace pipecrm::storage::sql {

/// Binds a deal's 22 stored columns (workspace_id, title, value, currency, status,
/// pipeline_id, stage_id, owner_id, creator_user_id, person_id, org_id, expected_close_date,
/// probability, lost_reason, visible_to, add_time, update_time, stage_change_time, won_time,
/// lost_time, close_time, label_ids) to parameters first … first + 21.
void BindDealColumns(Statement& s, int first, const domain::Deal& d);
/// The deals columns BindDealColumns binds, in its order (workspace_id ... label_ids).
inline constexpr int kDealColumnCount = 22;
/// Binds column number `column` (0 to kDealColumnCount - 1, in BindDealColumns' order) of `d`
/// to `parameter`: an UPDATE binds only the columns it sets.
void BindDealColumn(Statement& s, int parameter, int column, const domain::Deal& d);
/// Binds a person's 8 stored columns (workspace_id, name, owner_id, org_id, visible_to,
/// is_deleted, add_time, update_time) to parameters first … first + 7.
void BindPersonColumns(Statement& s, int first, const domain::Person& p);
/// Binds an organization's 8 stored columns (workspace_id, name, owner_id, address, visible_to,
/// is_deleted, add_time, update_time) to parameters first … first + 7.
void BindOrganizationColumns(Statement& s, int first, const domain::Organization& o);

/// The folded forms search compares: a person's name and emails; an organization's name and
/// address.
std::string PersonSearchText(const domain::Person& p);
std::string OrganizationSearchText(const domain::Organization& o);
/// What person_contacts.normalized holds for an email (folded) or a phone (E.164, read in the
/// workspace's `region` when it has no country code; as typed when it does not parse).
std::string NormalizedContact(bool email, const std::string& value, const std::string& region);

/// The id the next row inserted into `table` without one gets, when nothing else inserts in
/// between: on SQLite the largest id plus one (the write transaction keeps other writers out).
/// Empty on PostgreSQL, whose ids come from a sequence that cannot be read ahead without taking
/// the ids.
Result<std::optional<Id>> NextRowId(Connection& db, const char* table);

/// Insert rows whose ids are set (ascending, from NextRowId), up to 64 per multi-row INSERT:
/// the statement is started and ended once per 64 rows, and its cursors stay open from row to
/// row, so indexes whose keys only grow take each row without a search from their root. The
/// rows are the ones one Insert each would write.
Status InsertDealsMany(Connection& db, const std::vector<domain::Deal>& deals);
/// Persons, then their emails and phones (person_contacts) in the order Insert writes them.
Status InsertPersonsMany(Connection& db, const std::vector<domain::Person>& persons);
Status InsertOrganizationsMany(Connection& db, const std::vector<domain::Organization>& orgs);

}  // namespace pipecrm::storage::sql
