// The importer's bulk writes (references taken from its in-memory lookups, a new deal inserted
// once in its final state) store exactly what the per-row path through the services the API
// uses stores: the same file imported both ways into two new databases of each backend leaves
// every table with the same content, ids and historical times included (only PostgreSQL's
// record of when each migration ran differs).
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <sstream>

#include "contract_store.hpp"
#include "domain/automation_service.hpp"
#include "domain/contact_service.hpp"
#include "domain/product_service.hpp"
#include "domain/user_service.hpp"
#include "domain/webhook_service.hpp"
#include "importer/apply.hpp"
#include "support/test_database.hpp"

namespace pipecrm::storage {
namespace {

const Instant kSetUp = FromUnixSeconds(1767262800);

class FixedClock final : public Clock {
  public:
    Instant Now() const override { return FromUnixSeconds(1767272800); }
};

// Deals won, lost and open; stages by name, missing, or naming the status; organizations and
// persons repeated (by name, email, phone); owners by email, unknown and disabled; rows rejected by
// validation (bad email, closing before added) and by the deal service (unknown currency,
// which makes the batch be written again without the row); a repeated deal (skipped).
const char* kDeals =
    "title,value,currency,stage,status,owner,organization,person,person_email,person_phone,"
    "add_time,won_time,lost_time,lost_reason,expected_close_date\n"
    "Alpha,1000,USD,Closing,won,owner@example.com,Acme,Ann,ann@acme.test,,2025-01-02,"
    "2025-02-03,,,\n"
    "Beta,\"2.000,50\",EUR,Prospecting,lost,,Acme,,,,2025-01-05,,2025-03-01,Too pricey,\n"
    "Gamma,300,USD,Nurturing,,,Globex,Gus,gus@globex.test,0912345678,2025-02-01,,,,2025-06-30\n"
    "Delta,400,USD,,open,,,,,,2025-02-10,,,,\n"
    "Epsilon,500,USD,won,,,Acme,Ann Again,ANN@acme.test,,2025-02-11,,,,\n"
    "Zeta,600,USD,Closing,won,nobody@example.com,Initech,,,,2025-02-12,2025-02-13,,,\n"
    "Nu,650,USD,Closing,won,gone@example.com,Initech,,,,2025-02-12,2025-02-13,,,\n"
    "Eta,700,XYZ,Closing,open,,Initech,,,,2025-02-12,,,,\n"
    "Theta,800,USD,Closing,won,,Initech,,,0912345678,2025-02-14,2025-01-01,,,\n"
    "Iota,900,USD,Segmenting,lost,,Umbrella,Ivy,not-an-email,,2025-02-15,,,,\n"
    "Kappa,1000,USD,Segmenting,lost,,Umbrella,Kim,kim@umbrella.test,,2025-02-16,,,Budget,\n"
    "Alpha,1000,USD,Closing,won,owner@example.com,Acme,Ann,ann@acme.test,,2025-01-02,"
    "2025-02-03,,,\n"
    "Lambda,,,,,,,Lou,,,,,,,\n"
    "Mu,1100,VND,Nurturing,open,,Globex,,gus@globex.test,,2025-03-01,,,,\n";

// One batch in which the bulk path's kept rows are flushed between its rows: rows naming a
// product (written row by row, after their new organization and person were kept), a row that
// updates by id a deal created earlier in the same batch, persons with a phone and no email.
std::string InterleavedDeals() {
    std::string csv =
        "id,title,value,currency,status,organization,person,person_email,person_phone,add_time,"
        "won_time,product\n";
    for (int i = 0; i < 40; ++i) {
        const std::string n = std::to_string(i);
        const std::string day = std::to_string(10 + i % 18);
        const bool won = i % 3 == 0;
        const bool phone_only = i % 5 == 2;
        csv += std::string(i == 20 ? "3" : "") + ",Deal " + n + "," + std::to_string(100 + i) +
               ",USD," + (won ? "won" : "open") + ",Org " + std::to_string(i / 3) + ",Person " + n +
               "," + (phone_only ? "" : "p" + n + "@example.test") + "," +
               (phone_only ? "09123456" + std::to_string(10 + i) : "") + ",2025-03-" + day + "," +
               (won ? "2025-04-" + day : "") + "," + (i % 7 == 3 ? "Widget" : "") + "\n";
    }
    return csv;
}

struct Imported {
    importer::ImportSummary first;
    importer::ImportSummary again;  ///< the same file once more: every row a duplicate
};

// With `listeners`, the workspace has a webhook taking every event and a rule run when a deal
// is won, so the import must publish what the services publish.
Imported ImportTwice(domain::Store& store,
                     bool per_row_writes,
                     bool listeners = false,
                     const std::string& csv = kDeals,
                     int batch_rows = 4,
                     bool with_product = false) {
    const domain::CreatedWorkspace ws = AddTestWorkspace(store, "owner@example.com", kSetUp);
    const domain::Actor actor{ws.workspace_id, ws.admin_user_id, "USD"};
    Status disabled = store.WriteAndWait([&](domain::Repositories& repos) -> Status {
        auto user = domain::AddUser(
            repos, actor, {"gone@example.com", "Gone", domain::Role::kMember, ""}, kSetUp);
        if (!user.ok()) {
            return user.status();
        }
        return domain::DisableUser(repos, actor, user->id, kSetUp).status();
    });
    EXPECT_TRUE(disabled.ok()) << disabled.ToString();
    if (listeners) {
        Status added = store.WriteAndWait([&](domain::Repositories& repos) -> Status {
            domain::WebhookChange hook;
            hook.subscription_url = "http://127.0.0.1:9/hook";
            hook.event_action = "*";
            hook.event_object = "*";
            hook.name = "Every change";
            auto webhook = domain::CreateWebhook(repos, actor, hook, kSetUp);
            if (!webhook.ok()) {
                return webhook.status();
            }
            domain::AutomationRule rule;
            rule.name = "Thank the buyer";
            rule.trigger = domain::RuleTrigger::kDealWon;
            domain::RuleAction action;
            action.subject = "Thank you call";
            action.activity_type = "call";
            rule.actions.push_back(action);
            return domain::CreateAutomationRule(repos, actor, rule, kSetUp).status();
        });
        EXPECT_TRUE(added.ok()) << added.ToString();
    }
    if (with_product) {
        Status product = store.WriteAndWait([&](domain::Repositories& repos) -> Status {
            domain::ProductChange widget;
            widget.name = "Widget";
            widget.prices = std::vector<domain::PriceInput>{{"USD", "25"}};
            return domain::CreateProduct(repos, actor, widget, kSetUp).status();
        });
        EXPECT_TRUE(product.ok()) << product.ToString();
    }
    importer::ImportOptions options;
    options.kind = importer::ImportKind::kDeals;
    options.batch_rows = batch_rows;
    options.per_row_writes = per_row_writes;
    FixedClock clock;
    Imported imported;
    auto first = importer::RunImport(store, actor, csv, options, clock);
    EXPECT_TRUE(first.ok()) << first.status().ToString();
    auto again = importer::RunImport(store, actor, csv, options, clock);
    EXPECT_TRUE(again.ok()) << again.status().ToString();
    if (first.ok() && again.ok()) {
        imported = {*first, *again};
    }
    return imported;
}

std::vector<std::string> Tables(const std::string& db) {
    return db.starts_with("postgres")
               ? pipecrm::testing::QueryColumn(
                     db,
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                     "'main' AND table_type = 'BASE TABLE' ORDER BY table_name")
               : pipecrm::testing::QueryColumn(
                     db,
                     "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                     "'sqlite_%' ORDER BY name");
}

// Every row of the table, sorted (the backends return them in no promised order).
std::string Content(const std::string& db, const std::string& table) {
    std::istringstream rows(pipecrm::testing::QueryRows(db, "SELECT * FROM main." + table));
    std::vector<std::string> lines;
    for (std::string line; std::getline(rows, line);) {
        lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    std::string content;
    for (const std::string& line : lines) {
        content += line + "\n";
    }
    return content;
}

std::string Rejections(const importer::ImportSummary& summary) {
    std::string text;
    for (const importer::RejectedRow& row : summary.rejected_rows) {
        text += std::to_string(row.line) + ": " + row.reason + "\n";
    }
    return text;
}

class ImportBulkContract : public ::testing::TestWithParam<BackendKind> {};

TEST_P(ImportBulkContract, BulkWritesStoreWhatThePerRowServicesStore) {
    pipecrm::testing::TempDir per_row_dir;
    pipecrm::testing::TempDir bulk_dir;
    const std::string per_row_db = NewDatabase(GetParam(), per_row_dir);
    const std::string bulk_db = NewDatabase(GetParam(), bulk_dir);
    ASSERT_FALSE(per_row_db.empty());
    ASSERT_FALSE(bulk_db.empty());
    ASSERT_NE(per_row_db, bulk_db);
    Imported per_row;
    Imported bulk;
    {
        auto store = OpenStore(per_row_db);
        ASSERT_TRUE(store.ok()) << store.status().ToString();
        per_row = ImportTwice(**store, true);
    }
    {
        auto store = OpenStore(bulk_db);
        ASSERT_TRUE(store.ok()) << store.status().ToString();
        bulk = ImportTwice(**store, false);
    }
    // The file says what must come of it, so the comparison is not between two empty imports.
    EXPECT_EQ(per_row.first.created, 8);
    EXPECT_EQ(per_row.first.skipped, 1);
    EXPECT_EQ(per_row.first.rejected, 5) << Rejections(per_row.first);
    EXPECT_EQ(per_row.again.skipped, 9);
    for (const Imported* run : {&per_row, &bulk}) {
        SCOPED_TRACE(run == &bulk ? "bulk" : "per row");
        EXPECT_EQ(run->first.rows, 14);
        EXPECT_EQ(run->again.created, 0);
    }
    EXPECT_EQ(bulk.first.created, per_row.first.created);
    EXPECT_EQ(bulk.first.skipped, per_row.first.skipped);
    EXPECT_EQ(bulk.first.organizations_created, per_row.first.organizations_created);
    EXPECT_EQ(bulk.first.persons_created, per_row.first.persons_created);
    EXPECT_EQ(Rejections(bulk.first), Rejections(per_row.first));
    EXPECT_EQ(bulk.again.skipped, per_row.again.skipped);
    EXPECT_EQ(Rejections(bulk.again), Rejections(per_row.again));

    const std::vector<std::string> tables = Tables(per_row_db);
    EXPECT_EQ(Tables(bulk_db), tables);
    EXPECT_NE(std::find(tables.begin(), tables.end(), "deal_events"), tables.end());
    EXPECT_EQ(Content(per_row_db, "deals").empty(), false);
    for (const std::string& table : tables) {
        if (table == "schema_migrations") {
            continue;  // PostgreSQL's: when each migration ran, nothing the import wrote
        }
        SCOPED_TRACE(table);
        EXPECT_EQ(Content(bulk_db, table), Content(per_row_db, table));
    }
}

// With a webhook and a rule in the workspace, the bulk path publishes every created
// organization, person and deal (and the deal's later win or loss) as the services do.
TEST_P(ImportBulkContract, BulkWritesPublishWhatThePerRowServicesPublish) {
    pipecrm::testing::TempDir per_row_dir;
    pipecrm::testing::TempDir bulk_dir;
    const std::string per_row_db = NewDatabase(GetParam(), per_row_dir);
    const std::string bulk_db = NewDatabase(GetParam(), bulk_dir);
    ASSERT_FALSE(per_row_db.empty());
    ASSERT_FALSE(bulk_db.empty());
    Imported per_row;
    Imported bulk;
    {
        auto store = OpenStore(per_row_db);
        ASSERT_TRUE(store.ok()) << store.status().ToString();
        per_row = ImportTwice(**store, true, true);
    }
    {
        auto store = OpenStore(bulk_db);
        ASSERT_TRUE(store.ok()) << store.status().ToString();
        bulk = ImportTwice(**store, false, true);
    }
    EXPECT_EQ(per_row.first.created, 8);
    EXPECT_EQ(bulk.first.created, 8);
    EXPECT_EQ(Rejections(bulk.first), Rejections(per_row.first));
    // Organizations, persons and deals created, deals won or lost: all published.
    EXPECT_EQ(pipecrm::testing::QueryColumn(
                  per_row_db, "SELECT DISTINCT object FROM main.webhook_events ORDER BY object"),
              (std::vector<std::string>{"deal", "organization", "person"}));
    EXPECT_FALSE(Content(per_row_db, "automation_runs").empty());
    const std::vector<std::string> tables = Tables(per_row_db);
    EXPECT_EQ(Tables(bulk_db), tables);
    for (const std::string& table : tables) {
        if (table == "schema_migrations") {
            continue;
        }
        SCOPED_TRACE(table);
        EXPECT_EQ(Content(bulk_db, table), Content(per_row_db, table));
    }
}

TEST_P(ImportBulkContract, BulkWritesFlushedBetweenPerRowWritesStoreTheSame) {
    pipecrm::testing::TempDir per_row_dir;
    pipecrm::testing::TempDir bulk_dir;
    const std::string per_row_db = NewDatabase(GetParam(), per_row_dir);
    const std::string bulk_db = NewDatabase(GetParam(), bulk_dir);
    ASSERT_FALSE(per_row_db.empty());
    ASSERT_FALSE(bulk_db.empty());
    const std::string csv = InterleavedDeals();
    Imported per_row;
    Imported bulk;
    {
        auto store = OpenStore(per_row_db);
        ASSERT_TRUE(store.ok()) << store.status().ToString();
        per_row = ImportTwice(**store, true, false, csv, 1000, true);
    }
    {
        auto store = OpenStore(bulk_db);
        ASSERT_TRUE(store.ok()) << store.status().ToString();
        bulk = ImportTwice(**store, false, false, csv, 1000, true);
    }
    for (const Imported* run : {&per_row, &bulk}) {
        SCOPED_TRACE(run == &bulk ? "bulk" : "per row");
        EXPECT_EQ(run->first.created, 39) << Rejections(run->first);
        EXPECT_EQ(run->first.updated, 1);
        EXPECT_EQ(run->first.rejected, 0);
        EXPECT_EQ(run->first.organizations_created, 14);
        EXPECT_EQ(run->first.persons_created, 40);
    }
    // Again: the deal updated by id took another title, so the row that created it creates
    // another; every other row is a duplicate.
    EXPECT_EQ(bulk.again.created, per_row.again.created);
    EXPECT_EQ(bulk.again.skipped, per_row.again.skipped);
    EXPECT_EQ(pipecrm::testing::QueryColumn(bulk_db, "SELECT COUNT(*) FROM main.deal_products"),
              (std::vector<std::string>{"6"}));
    const std::vector<std::string> tables = Tables(per_row_db);
    EXPECT_EQ(Tables(bulk_db), tables);
    for (const std::string& table : tables) {
        if (table == "schema_migrations") {
            continue;
        }
        SCOPED_TRACE(table);
        EXPECT_EQ(Content(bulk_db, table), Content(per_row_db, table));
    }
}

// A store that runs `before_bulk(n)` before it takes the n-th bulk write (counting from 1): a
// write of somebody else's landing between a batch's preparation and its write.
class InterleavingStore final : public domain::Store {
  public:
    InterleavingStore(domain::Store& inner, std::function<void(int)> before_bulk)
        : inner_(inner), before_bulk_(std::move(before_bulk)) {}
    Status Read(const domain::StoreJob& job) override { return inner_.Read(job); }
    void Write(domain::StoreJob job, domain::WriteDone done) override {
        inner_.Write(std::move(job), std::move(done));
    }
    void WriteBulk(domain::StoreJob job, domain::WriteDone done) override {
        before_bulk_(++bulk_writes_);
        inner_.WriteBulk(std::move(job), std::move(done));
    }
    Result<std::uint64_t> DataVersion() override { return inner_.DataVersion(); }

  private:
    domain::Store& inner_;
    std::function<void(int)> before_bulk_;
    int bulk_writes_ = 0;
};

// A deals file's batch is prepared (its rows built, with the ids the batch before it leaves
// next) while the writer inserts the batch before it. When something else writes in between,
// the prepared batch finds it and is written the writer's way: here an organization created
// (the ids it was given are taken), then a webhook added (its deals must be published). Every
// deal must still name the organization and person its row names, and each row land once.
TEST_P(ImportBulkContract, WritesBetweenPreparingABatchAndWritingItAreFound) {
    pipecrm::testing::TempDir dir;
    const std::string db = NewDatabase(GetParam(), dir);
    ASSERT_FALSE(db.empty());
    auto store = OpenStore(db);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    const domain::CreatedWorkspace ws = AddTestWorkspace(**store, "owner@example.com", kSetUp);
    const domain::Actor actor{ws.workspace_id, ws.admin_user_id, "USD"};
    std::string csv = "title,value,currency,organization,person,person_email,add_time\n";
    for (int i = 0; i < 60; ++i) {
        const std::string n = std::to_string(i);
        csv += "Deal " + n + ",100,USD,Org " + std::to_string(i / 3) + ",Person " + n + ",p" + n +
               "@example.test,2025-03-01\n";
    }
    std::int64_t deals_before_webhook = -1;
    InterleavingStore interleaving(**store, [&](int bulk_write) {
        Status written = (*store)->WriteAndWait([&](domain::Repositories& repos) -> Status {
            if (bulk_write == 2) {
                domain::OrganizationChange change;
                change.name = "Interloper";
                return domain::CreateOrganization(repos, actor, change, kSetUp).status();
            }
            if (bulk_write == 4) {
                domain::WebhookChange hook;
                hook.subscription_url = "http://127.0.0.1:9/hook";
                hook.event_action = "*";
                hook.event_object = "*";
                hook.name = "Every change";
                return domain::CreateWebhook(repos, actor, hook, kSetUp).status();
            }
            return Status::Ok();
        });
        EXPECT_TRUE(written.ok()) << written.ToString();
        if (bulk_write == 4) {
            // Written before the webhook: what was queued before it (the writer keeps order).
            Status counted = (*store)->Read([&](domain::Repositories& repos) -> Status {
                auto count = repos.Deals().CountLive(ws.workspace_id, std::nullopt, std::nullopt);
                PIPECRM_RETURN_IF_ERROR(count.status());
                deals_before_webhook = *count;
                return Status::Ok();
            });
            EXPECT_TRUE(counted.ok()) << counted.ToString();
        }
    });
    importer::ImportOptions options;
    options.kind = importer::ImportKind::kDeals;
    options.batch_rows = 4;
    FixedClock clock;
    auto summary = importer::RunImport(interleaving, actor, csv, options, clock);
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
    EXPECT_EQ(summary->rows, 60);
    EXPECT_EQ(summary->created, 60) << Rejections(*summary);
    EXPECT_EQ(summary->organizations_created, 20);
    EXPECT_EQ(summary->persons_created, 60);
    store->reset();
    // Each deal names its row's organization and person, whatever ids they were given.
    std::vector<std::string> expected;
    for (int i = 0; i < 60; ++i) {
        expected.push_back("Deal " + std::to_string(i) + "|Org " + std::to_string(i / 3) +
                           "|Person " + std::to_string(i));
    }
    std::sort(expected.begin(), expected.end());
    std::istringstream rows(pipecrm::testing::QueryRows(
        db,
        "SELECT d.title, o.name, p.name FROM main.deals d JOIN main.organizations o ON o.id = "
        "d.org_id JOIN main.persons p ON p.id = d.person_id"));
    std::vector<std::string> found;
    for (std::string line; std::getline(rows, line);) {
        found.push_back(line);
    }
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found, expected);
    EXPECT_EQ(pipecrm::testing::QueryColumn(db, "SELECT COUNT(*) FROM main.organizations"),
              (std::vector<std::string>{"21"}));
    // The deals written after the webhook came were published (the batch prepared before it
    // too), those before it were not.
    ASSERT_GT(deals_before_webhook, 0);
    ASSERT_LT(deals_before_webhook, 60);
    EXPECT_EQ(pipecrm::testing::QueryColumn(
                  db,
                  "SELECT COUNT(*) FROM main.webhook_events WHERE object = 'deal' AND "
                  "action = 'create'"),
              (std::vector<std::string>{std::to_string(60 - deals_before_webhook)}));
}

PIPECRM_CONTRACT_BACKENDS(ImportBulkContract);

}  // namespace
}  // namespace pipecrm::storage
