#include "importer/apply.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>

#include "domain/activity_service.hpp"
#include "domain/change_events.hpp"
#include "domain/contact_service.hpp"
#include "domain/deal_product_service.hpp"
#include "domain/deal_service.hpp"
#include "importer/csv_reader.hpp"
#include "importer/csv_writer.hpp"
#include "importer/dedupe.hpp"
#include "importer/validation.hpp"
#include "text/search_text.hpp"

namespace pipecrm::importer {
namespace {

using ValidRow = std::variant<PersonRow, OrganizationRow, DealRow, ActivityRow>;

struct PendingRow {
    std::int64_t line = 0;
    std::vector<std::string> fields;
    std::optional<ValidRow> row;  ///< empty once rejected
    std::string reason;
};

enum class Outcome { kCreated, kUpdated, kSkipped, kRejected };

// A row's result inside a write job: rejected before anything was written for it, or an error
// of a domain service after which the batch must be redone without the row.
struct RowResult {
    Outcome outcome = Outcome::kCreated;
    std::string reason;
};

// Sentinels a write job returns to roll its transaction back on purpose; `field` tells them
// apart from real failures.
constexpr const char* kRowFailed = "\x1frow failed";
constexpr const char* kDryRun =
    "\x1f"
    "dry run";
// A prepared batch found that something else wrote in between (ids, a webhook or a rule), or a
// row being prepared needs the writer.
constexpr const char* kChanged =
    "\x1f"
    "changed";

Status Sentinel(const char* which) {
    return Status(ErrorCode::kConflict, which, which);
}

bool IsSentinel(const Status& status, const char* which) {
    return status.code() == ErrorCode::kConflict && status.field() == which;
}

bool IsRowError(const Status& status) {
    return status.code() == ErrorCode::kInvalidArgument || status.code() == ErrorCode::kNotFound ||
           status.code() == ErrorCode::kAlreadyExists ||
           status.code() == ErrorCode::kFailedPrecondition;
}

std::string Reason(const Status& status) {
    if (status.field().empty() || status.message().find(status.field()) != std::string::npos) {
        return status.message();
    }
    return status.field() + ": " + status.message();
}

// Product names compare folded, by their letters and digits only ("GTXPro" is "GTX Pro").
std::string ProductKey(std::string_view name) {
    std::string key;
    for (char c : text::FoldForSearch(name)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            static_cast<unsigned char>(c) >= 0x80) {
            key += c;
        }
    }
    return key;
}

// What every row may refer to, read once per import.
struct Lookups {
    std::string phone_region = "VN";
    std::unordered_map<std::string, Id> users;  ///< by lower-case email and folded name
    std::unordered_set<Id> active_users;        ///< those who may own records
    Id pipeline_id = 0;
    std::unordered_map<std::string, domain::Stage> stages;  ///< the pipeline's, by folded name
    std::optional<domain::Stage> default_stage;             ///< where a deal naming no stage goes
    std::string stage_names;                                ///< the pipeline's, for messages
    std::unordered_map<std::string, domain::Product> products_by_name;  ///< by ProductKey
    std::unordered_map<std::string, domain::Product> products_by_code;
    std::unordered_map<std::string, std::string> activity_types;  ///< folded key/name -> key
    std::vector<domain::CustomField> custom_fields;
};

Result<Lookups> LoadLookups(domain::Repositories& repos,
                            const domain::Actor& actor,
                            const ImportOptions& options) {
    Lookups lookups;
    auto workspace = repos.Workspaces().Get(actor.workspace_id);
    if (!workspace.ok()) {
        return workspace.status();
    }
    lookups.phone_region = workspace->phone_region;
    auto users = repos.Users().List(actor.workspace_id);
    if (!users.ok()) {
        return users.status();
    }
    for (const domain::User& user : *users) {
        lookups.users.emplace(user.email, user.id);
        lookups.users.emplace(text::FoldForSearch(user.name), user.id);
        if (user.active) {
            lookups.active_users.insert(user.id);
        }
    }
    if (options.kind == ImportKind::kDeals) {
        auto stage = repos.Stages().FirstStage(actor.workspace_id, options.pipeline_id);
        if (!stage.ok()) {
            return stage.status();
        }
        if (!stage->has_value()) {
            return options.pipeline_id
                       ? InvalidArgument("pipeline " + std::to_string(*options.pipeline_id) +
                                             " does not exist or has no stages",
                                         "pipeline")
                       : FailedPrecondition("the workspace has no pipeline with stages");
        }
        lookups.pipeline_id = (*stage)->pipeline_id;
        // As CreateDeal places a deal naming no stage: the workspace's first stage.
        auto first = repos.Stages().FirstStage(actor.workspace_id, std::nullopt);
        if (!first.ok()) {
            return first.status();
        }
        lookups.default_stage = *first;
        domain::ListOptions all;
        all.limit = 10000;
        auto stages = repos.Stages().List(actor.workspace_id, lookups.pipeline_id, all);
        if (!stages.ok()) {
            return stages.status();
        }
        for (const domain::Stage& s : *stages) {
            lookups.stages.emplace(text::FoldForSearch(s.name), s);
            lookups.stage_names += (lookups.stage_names.empty() ? "\"" : ", \"") + s.name + "\"";
        }
        domain::ContactQuery products;
        products.workspace_id = actor.workspace_id;
        products.options.limit = 100000;
        auto list = repos.Products().List(products);
        if (!list.ok()) {
            return list.status();
        }
        for (const domain::Product& product : *list) {
            lookups.products_by_name.emplace(ProductKey(product.name), product);
            if (!product.code.empty()) {
                lookups.products_by_code.emplace(product.code, product);
            }
        }
    }
    if (options.kind == ImportKind::kActivities) {
        auto types = repos.Activities().ListTypes(actor.workspace_id);
        if (!types.ok()) {
            return types.status();
        }
        for (const domain::ActivityType& type : *types) {
            lookups.activity_types.emplace(text::FoldForSearch(type.key_string), type.key_string);
            lookups.activity_types.emplace(text::FoldForSearch(type.name), type.key_string);
        }
    }
    const std::optional<domain::FieldEntity> entity =
        options.kind == ImportKind::kPersons         ? domain::FieldEntity::kPerson
        : options.kind == ImportKind::kOrganizations ? domain::FieldEntity::kOrganization
        : options.kind == ImportKind::kDeals         ? std::optional(domain::FieldEntity::kDeal)
                                                     : std::nullopt;
    if (entity) {
        auto fields = repos.CustomFields().List(actor.workspace_id, *entity);
        if (!fields.ok()) {
            return fields.status();
        }
        lookups.custom_fields = *fields;
    }
    return lookups;
}

// One import in progress: the lookups, the duplicate index and the counts.
class ImportRun {
  public:
    ImportRun(domain::Store& store,
              const domain::Actor& actor,
              const ImportOptions& options,
              const Clock& clock)
        : store_(store), actor_(actor), options_(options), clock_(clock) {}
    // A batch still being written uses this run's state: the import ended with an error.
    ~ImportRun() {
        if (in_flight_ && in_flight_->written.valid()) {
            in_flight_->written.wait();
        }
    }
    ImportRun(const ImportRun&) = delete;
    ImportRun& operator=(const ImportRun&) = delete;

    Status Load() {
        return store_.Read([&](domain::Repositories& repos) -> Status {
            auto lookups = LoadLookups(repos, actor_, options_);
            if (!lookups.ok()) {
                return lookups.status();
            }
            lookups_ = std::move(*lookups);
            auto index = DedupeIndex::Load(repos, actor_.workspace_id, lookups_.phone_region,
                                           options_.kind == ImportKind::kDeals);
            if (!index.ok()) {
                return index.status();
            }
            index_ = std::move(*index);
            return Status::Ok();
        });
    }

    const Lookups& lookups() const { return lookups_; }

    /// Writes the batch's valid rows in one transaction (redone without a row whose domain
    /// service failed) and adds the outcomes to `summary`.
    Status WriteBatch(std::vector<PendingRow>& batch, ImportSummary& summary) {
        while (true) {
            std::vector<RowResult> results(batch.size());
            std::optional<std::size_t> failed_row;
            std::int64_t organizations = 0;
            std::int64_t persons = 0;
            auto job = [&](domain::Repositories& repos) -> Status {
                index_.Rollback();
                organizations_created_ = 0;
                persons_created_ = 0;
                // Asked in the transaction that writes the rows, so no webhook or rule can
                // appear in between. The per-row path always publishes.
                auto listener = domain::AnyChangeListener(repos, actor_.workspace_id);
                if (!listener.ok()) {
                    return listener.status();
                }
                nobody_listens_ = !*listener && !options_.per_row_writes;
                bulk_.Clear();
                std::size_t failed = 0;
                Status applied = ApplyRows(repos, batch, results, failed);
                if (!applied.ok()) {
                    if (!IsRowError(applied)) {
                        return applied;
                    }
                    failed_row = failed;
                    batch[failed].reason = Reason(applied);
                    return Sentinel(kRowFailed);
                }
                PIPECRM_RETURN_IF_ERROR(FlushBulk(repos));
                organizations = organizations_created_;
                persons = persons_created_;
                return options_.dry_run ? Sentinel(kDryRun) : Status::Ok();
            };
            // A deals file's batch is a bulk write: every reference it writes is a row it
            // created or one the lookups and the dedupe index read, none of which is ever
            // deleted (stages, pipelines, users; persons and organizations are only marked
            // deleted), so the backend's foreign-key checks can be left out.
            Status status = BulkBatches() ? store_.WriteBulkAndWait(job) : store_.WriteAndWait(job);
            if (IsSentinel(status, kRowFailed) && failed_row) {
                index_.Rollback();
                batch[*failed_row].row.reset();
                continue;
            }
            bulk_.Clear();
            if (!status.ok() && !IsSentinel(status, kDryRun)) {
                index_.Rollback();
                return status;
            }
            index_.Checkpoint();
            Count(batch, results, organizations, persons, summary);
            return Status::Ok();
        }
    }

    /// Whether Submit prepares batches on the caller's thread (a deals file on SQLite).
    bool Pipelined() const { return BulkBatches() && !options_.dry_run && ids_ahead_; }

    /// Hands the batch to the writer, and returns once the batch before it is committed and
    /// counted in `summary` (Finish waits for the last one). A deals file's batch whose rows
    /// all take the bulk path is prepared here, on the caller's thread, while the writer inserts
    /// the batch before it; any other batch is written as WriteBatch writes it.
    Status Submit(std::vector<PendingRow> batch, ImportSummary& summary) {
        if (!Pipelined()) {
            PIPECRM_RETURN_IF_ERROR(Finish(summary));
            return WriteBatch(batch, summary);
        }
        auto prepared = Prepare(batch);
        PIPECRM_RETURN_IF_ERROR(prepared.status());
        bool redone = false;
        PIPECRM_RETURN_IF_ERROR(Finish(summary, &redone));
        if (redone && *prepared) {
            // The batch before it was written the writer's way, with other ids and keys.
            prepared = Prepare(batch);
            PIPECRM_RETURN_IF_ERROR(prepared.status());
        }
        if (!*prepared) {
            next_ids_.reset();  // the writer's way takes its ids itself
            return WriteBatch(batch, summary);
        }
        in_flight_ = std::move(**prepared);
        in_flight_->rows = std::move(batch);
        InFlight* flight = &*in_flight_;
        auto written = std::make_shared<std::promise<Status>>();
        flight->written = written->get_future();
        store_.WriteBulk(
            [this, flight](domain::Repositories& repos) -> Status {
                auto listener = domain::AnyChangeListener(repos, actor_.workspace_id);
                PIPECRM_RETURN_IF_ERROR(listener.status());
                auto next = domain::BulkWrites::ReadNextIds(repos);
                PIPECRM_RETURN_IF_ERROR(next.status());
                if (*listener || *next != std::optional(flight->start)) {
                    return Sentinel(kChanged);
                }
                Status inserted = flight->bulk.Insert(repos);
                if (!inserted.ok() && IsRowError(inserted)) {
                    return Internal("writing the imported rows: " + inserted.message());
                }
                return inserted;
            },
            [written](Status status) { written->set_value(std::move(status)); });
        return Status::Ok();
    }

    /// Waits for the batch Submit left being written, and counts it; `redone` is set when it
    /// had to be written the writer's way instead (something else wrote in between).
    Status Finish(ImportSummary& summary, bool* redone = nullptr) {
        if (!in_flight_) {
            return Status::Ok();
        }
        Status status = in_flight_->written.get();  // the write job reads *in_flight_ until then
        InFlight flight = std::move(*in_flight_);
        in_flight_.reset();
        if (IsSentinel(status, kChanged)) {
            // Its keys and those of anything prepared after it go; it is written again.
            index_.RollbackTo(flight.mark);
            next_ids_.reset();
            if (redone != nullptr) {
                *redone = true;
            }
            return WriteBatch(flight.rows, summary);
        }
        PIPECRM_RETURN_IF_ERROR(status);
        index_.Keep(flight.end);
        Count(flight.rows, flight.results, flight.organizations, flight.persons, summary);
        return Status::Ok();
    }

    // Adds a committed batch's outcomes to the summary.
    static void Count(std::vector<PendingRow>& batch,
                      const std::vector<RowResult>& results,
                      std::int64_t organizations,
                      std::int64_t persons,
                      ImportSummary& summary) {
        summary.rows += static_cast<std::int64_t>(batch.size());
        for (std::size_t i = 0; i < batch.size(); ++i) {
            PendingRow& pending = batch[i];
            if (!pending.row || results[i].outcome == Outcome::kRejected) {
                Reject(summary, pending, pending.row ? results[i].reason : pending.reason);
                continue;
            }
            ++(results[i].outcome == Outcome::kCreated   ? summary.created
               : results[i].outcome == Outcome::kUpdated ? summary.updated
                                                         : summary.skipped);
        }
        summary.organizations_created += organizations;
        summary.persons_created += persons;
    }

    static void Reject(ImportSummary& summary, PendingRow& row, std::string reason) {
        ++summary.rejected;
        summary.rejected_rows.push_back({row.line, std::move(reason), std::move(row.fields)});
    }

  private:
    // A batch whose rows were built outside any transaction, while the writer inserted the
    // batch before it, and the write that inserts them.
    struct InFlight {
        std::vector<PendingRow> rows;
        std::vector<RowResult> results;
        domain::BulkWrites bulk;
        domain::BulkWrites::NextIds start;  ///< its first ids: still the next ones when written
        std::int64_t organizations = 0;
        std::int64_t persons = 0;
        DedupeIndex::Mark mark;  ///< the index before its keys
        DedupeIndex::Mark end;   ///< and after them
        std::future<Status> written;
    };

    // Builds the batch's new organizations, persons and deals on a read snapshot, when nothing
    // listens to change events and every row takes the bulk path (no update, no product, no
    // custom field, no row the domain refuses); none otherwise, with the index as it was, and
    // the writer's way decides. The ids continue from the batch in flight.
    Result<std::optional<InFlight>> Prepare(std::vector<PendingRow>& batch) {
        InFlight prepared;
        prepared.mark = index_.Position();
        bool clean = false;
        Status status = store_.Read([&](domain::Repositories& repos) -> Status {
            auto listener = domain::AnyChangeListener(repos, actor_.workspace_id);
            PIPECRM_RETURN_IF_ERROR(listener.status());
            if (!next_ids_) {
                auto next = domain::BulkWrites::ReadNextIds(repos);
                PIPECRM_RETURN_IF_ERROR(next.status());
                if (!*next) {
                    ids_ahead_ = false;  // the backend cannot tell them (PostgreSQL)
                    return Status::Ok();
                }
                next_ids_ = **next;
            }
            if (*listener) {
                return Status::Ok();
            }
            nobody_listens_ = true;
            organizations_created_ = 0;
            persons_created_ = 0;
            bulk_.Clear();
            bulk_.ReserveFrom(*next_ids_);
            prepared.start = *next_ids_;
            prepared.results.resize(batch.size());
            preparing_ = true;
            std::size_t failed = 0;
            clean = ApplyRows(repos, batch, prepared.results, failed).ok();
            return Status::Ok();
        });
        preparing_ = false;
        if (!status.ok() || !clean) {
            index_.RollbackTo(prepared.mark);
            bulk_.Clear();
            if (!status.ok()) {
                return status;
            }
            return std::optional<InFlight>();
        }
        next_ids_ = bulk_.next_ids();
        prepared.bulk = std::exchange(bulk_, domain::BulkWrites());
        prepared.organizations = organizations_created_;
        prepared.persons = persons_created_;
        prepared.end = index_.Position();
        return std::optional<InFlight>(std::move(prepared));
    }

    // Applies the batch's valid rows in order, filling `results`; stops at the first row that
    // fails, whose index goes to `failed`.
    Status ApplyRows(domain::Repositories& repos,
                     const std::vector<PendingRow>& batch,
                     std::vector<RowResult>& results,
                     std::size_t& failed) {
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (!batch[i].row) {
                continue;
            }
            if (i + 1 < batch.size() && batch[i + 1].row) {
                Prefetch(*batch[i + 1].row);
            }
            Result<RowResult> result = ApplyRow(repos, *batch[i].row);
            if (!result.ok()) {
                failed = i;
                return result.status();
            }
            results[i] = *result;
        }
        return Status::Ok();
    }

    // Starts loading what a deal row's organization and person lookups will read, while the
    // row before it is applied: about a fifth of the importing thread waited for that memory.
    void Prefetch(const ValidRow& row) const {
        if (const auto* deal = std::get_if<DealRow>(&row)) {
            index_.PrefetchOrganization(deal->organization);
            index_.PrefetchPerson(deal->person_email, deal->person_phone, deal->person);
        }
    }

    Result<RowResult> ApplyRow(domain::Repositories& repos, const ValidRow& row) {
        if (const auto* person = std::get_if<PersonRow>(&row)) {
            return ApplyPerson(repos, *person);
        }
        if (const auto* org = std::get_if<OrganizationRow>(&row)) {
            return ApplyOrganization(repos, *org);
        }
        if (const auto* deal = std::get_if<DealRow>(&row)) {
            return ApplyDeal(repos, *deal);
        }
        return ApplyActivity(repos, std::get<ActivityRow>(row));
    }

    static RowResult Rejected(std::string reason) {
        return RowResult{Outcome::kRejected, std::move(reason)};
    }

    Instant Now() const { return clock_.Now(); }

    // The owner named by the row (email or name), or none; an unknown one rejects the row.
    std::optional<std::optional<Id>> Owner(const std::string& owner) const {
        if (owner.empty()) {
            return std::optional<Id>();
        }
        std::string key = owner;
        if (owner.find('@') != std::string::npos) {
            std::transform(key.begin(), key.end(), key.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        } else {
            key = text::FoldForSearch(owner);
        }
        auto found = lookups_.users.find(key);
        if (found == lookups_.users.end()) {
            return std::nullopt;
        }
        return std::optional<Id>(found->second);
    }

    // Inserts the organizations, persons and deals the bulk path kept in this job, and the
    // deals' events, many per statement. Called before anything else may write those tables,
    // so their ids come in the per-row order.
    Status FlushBulk(domain::Repositories& repos) {
        if (preparing_) {
            return Sentinel(kChanged);  // a row written one by one needs the writer
        }
        if (bulk_.size() == 0) {
            bulk_.Clear();
            return Status::Ok();
        }
        Status status = bulk_.Flush(repos);
        if (!status.ok() && IsRowError(status)) {
            // Not the fault of the row being written now: the import stops.
            return Internal("writing the imported rows: " + status.message());
        }
        return status;
    }

    // Where a deals file's new organizations, persons and deals are kept to be inserted many
    // per statement (with ids taken ahead where the backend can tell them), or none: the other
    // kinds, and every deal while something listens to change events, write row by row.
    Result<domain::BulkWrites*> Bulk(domain::Repositories& repos) {
        if (!nobody_listens_ || options_.kind != ImportKind::kDeals) {
            return nullptr;
        }
        auto reserved = bulk_.Reserve(repos);
        if (!reserved.ok()) {
            return reserved.status();
        }
        return &bulk_;
    }

    // Whether the write jobs are bulk writes (Store::WriteBulk).
    bool BulkBatches() const {
        return options_.kind == ImportKind::kDeals && !options_.per_row_writes;
    }

    // Whether the creates of this write job build and publish their change events.
    domain::ChangeListeners Listeners() const {
        return nobody_listens_ ? domain::ChangeListeners::kNoneChecked
                               : domain::ChangeListeners::kPublish;
    }

    static std::string UnknownOwner(const std::string& owner) {
        return "owner: no user has the email or name \"" + owner + "\"";
    }

    Result<Id> FindOrCreateOrganization(domain::Repositories& repos, const std::string& name) {
        if (OptionalId found = index_.FindOrganization(name)) {
            return *found;
        }
        domain::OrganizationChange change;
        change.name = name;
        auto bulk = Bulk(repos);
        if (!bulk.ok()) {
            return bulk.status();
        }
        auto org = domain::CreateOrganizationWith(Listeners(), repos, actor_, change, Now(), *bulk);
        if (!org.ok()) {
            return org.status();
        }
        index_.AddOrganization(org->id, org->name);
        ++organizations_created_;
        return org->id;
    }

    // The person a deal or activity names by email, phone or name; created (by name, with the
    // email and phone) when there is none.
    Result<OptionalId> FindOrCreatePerson(domain::Repositories& repos,
                                          const std::string& name,
                                          const std::string& email,
                                          const std::string& phone,
                                          OptionalId org_id) {
        std::vector<std::string> emails;
        std::vector<std::string> phones;
        if (!email.empty()) {
            emails.push_back(email);
        }
        if (!phone.empty()) {
            phones.push_back(phone);
        }
        if (OptionalId found = index_.FindPerson(emails, phones)) {
            return found;
        }
        if (!name.empty()) {
            if (OptionalId found = index_.FindPersonByName(name)) {
                return found;
            }
        }
        if (name.empty() && emails.empty() && phones.empty()) {
            return OptionalId();
        }
        domain::PersonChange change;
        change.name = name.empty() ? (emails.empty() ? phones.front() : emails.front()) : name;
        change.org_id = org_id;
        change.emails = std::vector<domain::ContactPoint>();
        for (const std::string& e : emails) {
            change.emails->push_back({e, "work", false});
        }
        change.phones = std::vector<domain::ContactPoint>();
        for (const std::string& p : phones) {
            change.phones->push_back({p, "mobile", false});
        }
        // The organization was found in the dedupe index or created in this transaction.
        auto bulk = Bulk(repos);
        if (!bulk.ok()) {
            return bulk.status();
        }
        auto person = domain::CreatePersonWith(options_.per_row_writes
                                                   ? domain::ReferenceCheck::kLookUp
                                                   : domain::ReferenceCheck::kCheckedByCaller,
                                               repos, actor_, change, Now(), Listeners(), *bulk);
        if (!person.ok()) {
            return person.status();
        }
        index_.AddPerson(person->id, person->name, emails, phones);
        ++persons_created_;
        return OptionalId(person->id);
    }

    Result<RowResult> ApplyPerson(domain::Repositories& repos, const PersonRow& row) {
        auto owner = Owner(row.owner);
        if (!owner) {
            return Rejected(UnknownOwner(row.owner));
        }
        // Ids are positive; 0 means "create". (A plain Id: GCC's -Wmaybe-uninitialized misreads
        // an OptionalId assigned on several paths.)
        Id target = row.id.value_or(0);
        if (target == 0) {
            target = index_.FindPerson(row.emails, row.phones).value_or(0);
            if (target != 0 && options_.on_duplicate == OnDuplicate::kSkip) {
                return RowResult{Outcome::kSkipped, ""};
            }
            if (options_.on_duplicate == OnDuplicate::kCreate) {
                target = 0;
            }
        }
        domain::PersonChange change;
        if (!row.name.empty()) {
            change.name = row.name;
        }
        if (*owner) {
            change.owner_id = **owner;
        }
        if (!row.organization.empty()) {
            auto org = FindOrCreateOrganization(repos, row.organization);
            if (!org.ok()) {
                return org.status();
            }
            change.org_id = OptionalId(*org);
        }
        change.custom_fields = row.custom_fields;
        std::vector<domain::ContactPoint> emails;
        std::vector<domain::ContactPoint> phones;
        if (target != 0) {
            auto existing = domain::GetLivePerson(repos, actor_.workspace_id, target);
            if (!existing.ok()) {
                return existing.status().code() == ErrorCode::kNotFound
                           ? Result<RowResult>(
                                 Rejected("id: no person has id " + std::to_string(target)))
                           : Result<RowResult>(existing.status());
            }
            emails = existing->emails;
            phones = existing->phones;
        }
        // On update the row's emails and phones are added to those the person has.
        for (const std::string& email : row.emails) {
            if (std::none_of(emails.begin(), emails.end(),
                             [&](const domain::ContactPoint& p) { return p.value == email; })) {
                emails.push_back({email, "work", false});
            }
        }
        for (const std::string& phone : row.phones) {
            if (std::none_of(phones.begin(), phones.end(), [&](const domain::ContactPoint& p) {
                    return text::NormalizePhone(p.value, lookups_.phone_region).value_or(p.value) ==
                           phone;
                })) {
                phones.push_back({phone, "mobile", false});
            }
        }
        change.emails = emails;
        change.phones = phones;
        if (target != 0) {
            auto person = domain::UpdatePerson(repos, actor_, target, change, Now());
            if (!person.ok()) {
                return person.status();
            }
            index_.AddPerson(person->id, person->name, row.emails, row.phones);
            return RowResult{Outcome::kUpdated, ""};
        }
        auto person = domain::CreatePersonWith(domain::ReferenceCheck::kLookUp, repos, actor_,
                                               change, Now(), Listeners());
        if (!person.ok()) {
            return person.status();
        }
        index_.AddPerson(person->id, person->name, row.emails, row.phones);
        return RowResult{Outcome::kCreated, ""};
    }

    Result<RowResult> ApplyOrganization(domain::Repositories& repos, const OrganizationRow& row) {
        auto owner = Owner(row.owner);
        if (!owner) {
            return Rejected(UnknownOwner(row.owner));
        }
        Id target = row.id.value_or(0);
        if (target == 0) {
            target = index_.FindOrganization(row.name).value_or(0);
            if (target != 0 && options_.on_duplicate == OnDuplicate::kSkip) {
                return RowResult{Outcome::kSkipped, ""};
            }
            if (options_.on_duplicate == OnDuplicate::kCreate) {
                target = 0;
            }
        }
        domain::OrganizationChange change;
        if (!row.name.empty()) {
            change.name = row.name;
        }
        if (*owner) {
            change.owner_id = **owner;
        }
        change.address = row.address;
        change.custom_fields = row.custom_fields;
        if (target != 0) {
            auto org = domain::UpdateOrganization(repos, actor_, target, change, Now());
            if (!org.ok()) {
                return org.status().code() == ErrorCode::kNotFound && row.id
                           ? Result<RowResult>(
                                 Rejected("id: no organization has id " + std::to_string(target)))
                           : Result<RowResult>(org.status());
            }
            index_.AddOrganization(org->id, org->name);
            return RowResult{Outcome::kUpdated, ""};
        }
        auto org = domain::CreateOrganizationWith(Listeners(), repos, actor_, change, Now());
        if (!org.ok()) {
            return org.status();
        }
        index_.AddOrganization(org->id, org->name);
        return RowResult{Outcome::kCreated, ""};
    }

    Result<RowResult> ApplyDeal(domain::Repositories& repos, const DealRow& row) {
        auto owner = Owner(row.owner);
        if (!owner) {
            return Rejected(UnknownOwner(row.owner));
        }
        domain::DealChange change;
        if (!row.title.empty()) {
            change.title = row.title;
        }
        if (*owner) {
            change.owner_id = **owner;
        }
        change.value = row.value;
        if (!row.currency.empty()) {
            change.currency = row.currency;
        }
        std::optional<domain::Stage> stage = lookups_.default_stage;
        if (!row.stage.empty()) {
            auto found = lookups_.stages.find(text::FoldForSearch(row.stage));
            if (found != lookups_.stages.end()) {
                change.stage_id = found->second.id;
                stage = found->second;
            } else if (!row.stage_means_status) {
                return Rejected("stage: the pipeline has no stage \"" + row.stage +
                                "\" (it has: " + lookups_.stage_names + ")");
            }
        }
        std::optional<domain::Product> product;
        if (!row.product.empty() || !row.product_code.empty()) {
            auto by_code = lookups_.products_by_code.find(row.product_code);
            auto by_name = lookups_.products_by_name.find(ProductKey(row.product));
            if (!row.product_code.empty() && by_code != lookups_.products_by_code.end()) {
                product = by_code->second;
            } else if (!row.product.empty() && by_name != lookups_.products_by_name.end()) {
                product = by_name->second;
            } else {
                return Rejected("product: no product has the name or code \"" +
                                (row.product.empty() ? row.product_code : row.product) + "\"");
            }
        }
        if (!row.organization.empty()) {
            auto org = FindOrCreateOrganization(repos, row.organization);
            if (!org.ok()) {
                return org.status();
            }
            change.org_id = OptionalId(*org);
        }
        if (row.id.value_or(0) == 0) {  // FindDeal below; its memory loads meanwhile
            index_.PrefetchDeal(row.title, change.org_id ? *change.org_id : OptionalId(),
                                row.add_time);
        }
        if (!row.person.empty() || !row.person_email.empty() || !row.person_phone.empty()) {
            auto person = FindOrCreatePerson(repos, row.person, row.person_email, row.person_phone,
                                             change.org_id ? *change.org_id : OptionalId());
            if (!person.ok()) {
                return person.status();
            }
            change.person_id = *person;
        }
        change.expected_close_date = row.expected_close_date;
        if (row.probability) {
            change.probability = row.probability;
        }
        change.custom_fields = row.custom_fields;
        const Instant now = Now();
        Id target = row.id.value_or(0);
        const Instant add_time = row.add_time.value_or(now);
        if (target == 0) {
            target = index_
                         .FindDeal(row.title, change.org_id ? *change.org_id : OptionalId(),
                                   row.add_time)
                         .value_or(0);
            if (target != 0 && options_.on_duplicate == OnDuplicate::kSkip) {
                return RowResult{Outcome::kSkipped, ""};
            }
            if (options_.on_duplicate == OnDuplicate::kCreate) {
                target = 0;
            }
        }
        if (target != 0) {
            PIPECRM_RETURN_IF_ERROR(FlushBulk(repos));
            // An update changes the deal as of now; its history stays as it was.
            change.status = row.status;
            if (row.status == domain::DealStatus::kLost) {
                change.lost_reason = row.lost_reason;
            }
            auto deal = domain::UpdateDeal(repos, actor_, target, change, now);
            if (!deal.ok()) {
                return deal.status().code() == ErrorCode::kNotFound && row.id
                           ? Result<RowResult>(
                                 Rejected("id: no deal has id " + std::to_string(target)))
                           : Result<RowResult>(deal.status());
            }
            return RowResult{Outcome::kUpdated, ""};
        }
        // A new deal is written as it happened: created at its add time (with its products),
        // then won or lost at its own time, each step through the deal service so the event
        // log holds the history reports read.
        std::optional<Instant> closed_at;
        if (row.status == domain::DealStatus::kWon) {
            closed_at = row.won_time ? row.won_time : row.close_time;
        } else if (row.status == domain::DealStatus::kLost) {
            closed_at = row.lost_time ? row.lost_time : row.close_time;
        }
        if (row.status && *row.status != domain::DealStatus::kOpen && !closed_at) {
            closed_at = add_time;
        }
        if (closed_at && *closed_at < add_time) {
            return Rejected("the deal closes (" + FormatSqlTime(*closed_at) +
                            ") before it was added (" + FormatSqlTime(add_time) + ")");
        }
        std::optional<domain::DealClosing> closing;
        if (closed_at) {
            closing = domain::DealClosing{{}, *closed_at};
            closing->change.status = row.status;
            if (row.status == domain::DealStatus::kLost && !row.lost_reason.empty()) {
                closing->change.lost_reason = row.lost_reason;
            }
        }
        const bool owner_checked =
            !change.owner_id || lookups_.active_users.contains(*change.owner_id);
        if (!product && stage && owner_checked && nobody_listens_) {
            // Every reference of the deal came from the lookups or the dedupe index (read in
            // this workspace, or created in this transaction): written in one go. (A disabled
            // owner takes the per-row path, whose check rejects the row; so does every deal
            // when a webhook or automation rule may take its created and won/lost events.)
            auto bulk = Bulk(repos);
            if (!bulk.ok()) {
                return bulk.status();
            }
            auto deal = domain::CreateDealWithHistory(repos, actor_, change, {*stage}, add_time,
                                                      closing, *bulk);
            if (!deal.ok()) {
                return deal.status();
            }
            index_.AddDeal(deal->id, deal->title, deal->org_id, add_time);
            if (!preparing_ && bulk_.size() >= kBulkRowsMax) {
                PIPECRM_RETURN_IF_ERROR(FlushBulk(repos));
            }
            return RowResult{Outcome::kCreated, ""};
        }
        PIPECRM_RETURN_IF_ERROR(FlushBulk(repos));
        auto deal = domain::CreateDeal(repos, actor_, change, add_time);
        if (!deal.ok()) {
            return deal.status();
        }
        index_.AddDeal(deal->id, deal->title, deal->org_id, add_time);
        if (product) {
            domain::DealProductChange line;
            line.product_id = product->id;
            line.quantity = row.product_quantity.value_or(1);
            // The row's unit price, else its value spread over the quantity (so the deal keeps
            // the value the file gives), else the product's list price in the deal's currency.
            std::string price = row.product_price.value_or("");
            if (price.empty() && row.value) {
                price =
                    FormatAmount(static_cast<std::int64_t>(
                                     static_cast<double>(deal->value.minor_units) / *line.quantity),
                                 deal->value.currency);
            }
            for (const domain::ProductPrice& p : product->prices) {
                if (price.empty() && p.price.currency == deal->value.currency) {
                    price = FormatAmount(p.price.minor_units, p.price.currency);
                }
            }
            if (price.empty()) {
                price = "0";
            }
            line.item_price = price;
            auto added = domain::AddDealProduct(repos, actor_, deal->id, line, add_time);
            if (!added.ok()) {
                return added.status();
            }
        }
        if (closing) {
            auto closed = domain::UpdateDeal(repos, actor_, deal->id, closing->change, closing->at);
            if (!closed.ok()) {
                return closed.status();
            }
        }
        return RowResult{Outcome::kCreated, ""};
    }

    Result<RowResult> ApplyActivity(domain::Repositories& repos, const ActivityRow& row) {
        auto owner = Owner(row.owner);
        if (!owner) {
            return Rejected(UnknownOwner(row.owner));
        }
        domain::ActivityChange change;
        if (!row.subject.empty()) {
            change.subject = row.subject;
        }
        if (!row.type.empty()) {
            auto type = lookups_.activity_types.find(text::FoldForSearch(row.type));
            if (type == lookups_.activity_types.end()) {
                return Rejected("type: the workspace has no activity type \"" + row.type + "\"");
            }
            change.type = type->second;
        }
        if (*owner) {
            change.owner_id = **owner;
        }
        if (row.deal_id) {
            change.deal_id = row.deal_id;
        }
        if (!row.organization.empty()) {
            auto org = FindOrCreateOrganization(repos, row.organization);
            if (!org.ok()) {
                return org.status();
            }
            change.org_id = OptionalId(*org);
        }
        if (!row.person.empty() || !row.person_email.empty()) {
            auto person = FindOrCreatePerson(repos, row.person, row.person_email, "",
                                             change.org_id ? *change.org_id : OptionalId());
            if (!person.ok()) {
                return person.status();
            }
            change.person_id = *person;
        }
        if (row.due_date) {
            change.due_date = row.due_date;
        }
        if (row.due_time_minutes) {
            change.due_time_minutes = row.due_time_minutes;
        }
        if (row.duration_minutes) {
            change.duration_minutes = row.duration_minutes;
        }
        change.done = row.done;
        if (!row.note.empty()) {
            change.note = row.note;
        }
        if (row.id) {
            auto activity = domain::UpdateActivity(repos, actor_, *row.id, change, Now());
            if (!activity.ok()) {
                return activity.status().code() == ErrorCode::kNotFound
                           ? Result<RowResult>(
                                 Rejected("id: no activity has id " + std::to_string(*row.id)))
                           : Result<RowResult>(activity.status());
            }
            return RowResult{Outcome::kUpdated, ""};
        }
        auto activity = domain::CreateActivity(repos, actor_, change, Now());
        if (!activity.ok()) {
            return activity.status();
        }
        return RowResult{Outcome::kCreated, ""};
    }

    domain::Store& store_;
    const domain::Actor& actor_;
    const ImportOptions& options_;
    const Clock& clock_;
    Lookups lookups_;
    DedupeIndex index_;
    std::int64_t organizations_created_ = 0;
    std::int64_t persons_created_ = 0;
    bool nobody_listens_ = false;  ///< AnyChangeListener said no in this write job
    /// What the bulk path created in this job, not yet inserted (FlushBulk).
    domain::BulkWrites bulk_;
    static constexpr std::size_t kBulkRowsMax = 16384;
    /// Prepare runs: a row that needs the writer stops it (FlushBulk).
    bool preparing_ = false;
    /// False once the backend said it cannot tell ids ahead: no batch is prepared.
    bool ids_ahead_ = true;
    /// The ids the next prepared batch takes (after the one in flight); none: read them.
    std::optional<domain::BulkWrites::NextIds> next_ids_;
    std::optional<InFlight> in_flight_;
};

Result<ValidRow> Validate(ImportKind kind, const MappedRow& row, const ValidationContext& context) {
    switch (kind) {
        case ImportKind::kPersons: {
            auto person = ValidatePerson(row, context);
            return person.ok() ? Result<ValidRow>(ValidRow(*person)) : person.status();
        }
        case ImportKind::kOrganizations: {
            auto org = ValidateOrganization(row, context);
            return org.ok() ? Result<ValidRow>(ValidRow(*org)) : org.status();
        }
        case ImportKind::kDeals: {
            auto deal = ValidateDeal(row, context);
            return deal.ok() ? Result<ValidRow>(ValidRow(*deal)) : deal.status();
        }
        case ImportKind::kActivities: {
            auto activity = ValidateActivity(row, context);
            return activity.ok() ? Result<ValidRow>(ValidRow(*activity)) : activity.status();
        }
    }
    return Internal("unknown import kind");
}

// Reads the whole text once, before anything is written, so that a bad byte or an open quote
// anywhere stops the import with nothing changed. Returns the number of data records.
Result<std::int64_t> CheckWholeFile(std::string_view csv) {
    CsvReader reader(csv);
    std::int64_t records = 0;
    while (true) {
        auto read = reader.Skip();
        if (!read.ok()) {
            return read.status();
        }
        if (!*read) {
            break;
        }
        ++records;
    }
    if (records == 0) {
        return InvalidArgument("the file is empty: it needs a header line and rows");
    }
    return records - 1;
}

}  // namespace

std::optional<OnDuplicate> ParseOnDuplicate(std::string_view text) {
    if (text == "skip") {
        return OnDuplicate::kSkip;
    }
    if (text == "update") {
        return OnDuplicate::kUpdate;
    }
    if (text == "create") {
        return OnDuplicate::kCreate;
    }
    return std::nullopt;
}

Result<ImportSummary> RunImport(domain::Store& store,
                                const domain::Actor& actor,
                                std::string_view csv,
                                const ImportOptions& options,
                                const Clock& clock) {
    auto total = CheckWholeFile(csv);
    if (!total.ok()) {
        return total.status();
    }
    ImportRun run(store, actor, options, clock);
    PIPECRM_RETURN_IF_ERROR(run.Load());
    CsvReader reader(csv);
    auto header = reader.Next();
    if (!header.ok()) {
        return header.status();
    }
    ImportSummary summary;
    summary.header = (*header)->fields;
    auto mapping =
        MapColumns(options.kind, summary.header, options.map, run.lookups().custom_fields);
    if (!mapping.ok()) {
        return mapping.status();
    }
    summary.ignored_columns = mapping->ignored;
    const ValidationContext context{run.lookups().phone_region, run.lookups().custom_fields};
    // A dry run is one transaction rolled back at the end, so rows may refer to records that
    // earlier rows would have created.
    const std::size_t batch_rows = options.dry_run
                                       ? static_cast<std::size_t>(*total) + 1
                                       : static_cast<std::size_t>(std::max(1, options.batch_rows));
    // The next batch is read and validated on its own thread while the writer commits the
    // current one: checking text (ICU, libphonenumber) and writing rows overlap.
    auto read_batch = [&reader, &mapping, &options, &context, batch_rows]() {
        std::vector<PendingRow> batch;
        while (batch.size() < batch_rows) {
            auto record = reader.Next();  // the whole file was checked: no errors here
            if (!record.ok() || !record->has_value()) {
                break;
            }
            CsvRecord& csv_record = **record;
            auto mapped = ApplyMapping(*mapping, csv_record);
            PendingRow pending{csv_record.line, std::move(csv_record.fields), std::nullopt, ""};
            if (!mapped.ok()) {
                pending.reason = Reason(mapped.status());
            } else if (auto valid = Validate(options.kind, *mapped, context); valid.ok()) {
                pending.row = std::move(*valid);
            } else {
                pending.reason = Reason(valid.status());
            }
            batch.push_back(std::move(pending));
        }
        return batch;
    };
    // Progress counts committed rows only: those a crash cannot take back.
    std::int64_t reported = 0;
    auto report = [&] {
        if (options.progress && summary.rows != reported) {
            reported = summary.rows;
            options.progress({summary.rows, *total, &summary});
        }
    };
    std::vector<PendingRow> batch = read_batch();
    while (!batch.empty()) {
        if (options.should_stop && options.should_stop()) {
            PIPECRM_RETURN_IF_ERROR(run.Finish(summary));
            return Unavailable("the import was stopped after " + std::to_string(summary.rows) +
                               " rows; those are committed, and importing the same file again "
                               "skips them");
        }
        // The next batch is read and validated while the writer writes this one: on this thread
        // when it prepares batches itself (a third busy thread would only take turns with the
        // two on this machine's cores), else on a thread of its own while this one waits.
        if (run.Pipelined()) {
            PIPECRM_RETURN_IF_ERROR(run.Submit(std::move(batch), summary));
            batch = read_batch();
        } else {
            auto next = std::async(std::launch::async, read_batch);
            Status written = run.Submit(std::move(batch), summary);
            batch = next.get();
            PIPECRM_RETURN_IF_ERROR(written);
        }
        report();
    }
    PIPECRM_RETURN_IF_ERROR(run.Finish(summary));
    report();
    return summary;
}

std::string RejectedCsv(const ImportSummary& summary) {
    std::vector<std::string> header = {"line", "reason"};
    header.insert(header.end(), summary.header.begin(), summary.header.end());
    std::string csv = CsvLine(header);
    for (const RejectedRow& row : summary.rejected_rows) {
        std::vector<std::string> fields = {std::to_string(row.line), row.reason};
        fields.insert(fields.end(), row.fields.begin(), row.fields.end());
        csv += CsvLine(fields);
    }
    return csv;
}

}  // namespace pipecrm::importer
