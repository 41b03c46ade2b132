#include "storage/sql/campaign_table.hpp"

#include <string>

#include "storage/sql/query.hpp"

namespace pipecrm::storage::sql {

Result<Id> CampaignTable::Insert(const domain::Campaign& c) {
    return InsertRow(db_,
                     "INSERT INTO campaigns(workspace_id, name, offer, channel, start_date, "
                     "end_date, filter_id, created_by, add_time) VALUES(?,?,?,?,?,?,?,?,?)",
                     [&](Statement& s) {
                         s.Bind(1, c.workspace_id)
                             .Bind(2, c.name)
                             .Bind(3, c.offer)
                             .Bind(4, c.channel)
                             .Bind(5, ToDayNumber(c.start_date))
                             .Bind(6, ToDayNumber(c.end_date))
                             .Bind(7, c.filter_id)
                             .Bind(8, c.created_by)
                             .Bind(9, ToUnixSeconds(c.add_time));
                     });
}

Result<std::vector<domain::Campaign>> CampaignTable::Select(const std::string& where,
                                                            Id workspace_id,
                                                            Id id) {
    return Rows<domain::Campaign>(
        db_,
        "SELECT id, workspace_id, name, offer, channel, start_date, end_date, filter_id, "
        "created_by, add_time FROM campaigns WHERE workspace_id = ?" +
            where,
        [&](Statement& s) {
            s.Bind(1, workspace_id);
            if (id != 0) {
                s.Bind(2, id);
            }
        },
        [](const Statement& s) {
            domain::Campaign c;
            c.id = s.Int(0);
            c.workspace_id = s.Int(1);
            c.name = s.Text(2);
            c.offer = s.Text(3);
            c.channel = s.Text(4);
            c.start_date = FromDayNumber(s.Int(5));
            c.end_date = FromDayNumber(s.Int(6));
            if (auto filter = s.OptionalInt(7)) {
                c.filter_id = *filter;
            }
            c.created_by = s.Int(8);
            c.add_time = FromUnixSeconds(s.Int(9));
            return c;
        });
}

Result<domain::Campaign> CampaignTable::Get(Id workspace_id, Id id) {
    auto found = Select(" AND id = ?", workspace_id, id);
    if (!found.ok()) {
        return found.status();
    }
    if (found->empty()) {
        return NotFound("campaign " + std::to_string(id) + " not found");
    }
    return found->front();
}

Result<std::vector<domain::Campaign>> CampaignTable::List(Id workspace_id) {
    return Select(" ORDER BY id DESC", workspace_id, 0);
}

Result<bool> CampaignTable::AddDeal(Id workspace_id, Id campaign_id, Id deal_id, Instant now) {
    auto stmt = db_.Cached(
        "INSERT INTO campaign_deals(workspace_id, campaign_id, deal_id, add_time) "
        "VALUES(?,?,?,?) ON CONFLICT (workspace_id, campaign_id, deal_id) DO NOTHING "
        "RETURNING id");
    if (!stmt.ok()) {
        return stmt.status();
    }
    Statement& s = (*stmt)->Reset();
    s.Bind(1, workspace_id).Bind(2, campaign_id).Bind(3, deal_id).Bind(4, ToUnixSeconds(now));
    auto row = s.Step();
    if (!row.ok()) {
        return row.status();
    }
    const bool added = *row;
    PIPECRM_RETURN_IF_ERROR(s.Run());
    return added;
}

Result<std::vector<domain::CampaignTotals>> CampaignTable::Totals(Id workspace_id, Id campaign_id) {
    // Unqualified deals: the viewer's visibility applies.
    return Rows<domain::CampaignTotals>(
        db_,
        "SELECT d.currency, COUNT(*), "
        "SUM(CASE WHEN d.status = 'open' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN d.status = 'won' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN d.status = 'lost' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN d.status = 'won' THEN d.value ELSE 0 END) "
        "FROM campaign_deals c JOIN deals d ON d.workspace_id = c.workspace_id AND d.id = "
        "c.deal_id "
        "WHERE c.workspace_id = ? AND c.campaign_id = ? AND d.status <> 'deleted' "
        "GROUP BY d.currency ORDER BY d.currency",
        [&](Statement& s) { s.Bind(1, workspace_id).Bind(2, campaign_id); },
        [](const Statement& s) {
            return domain::CampaignTotals{s.Text(0), s.Int(1), s.Int(2),
                                          s.Int(3),  s.Int(4), s.Int(5)};
        });
}

}  // namespace pipecrm::storage::sql
