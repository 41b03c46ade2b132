// The storage ports: what the domain needs from storage, implemented in src/storage.
// Every method is scoped by workspace. Implementations are bound to one connection and are
// not safe for concurrent use; the Store hands them to one job at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/ids.hpp"
#include "base/status.hpp"
#include "domain/activity.hpp"
#include "domain/audit.hpp"
#include "domain/automation_repository.hpp"
#include "domain/call_list_repository.hpp"
#include "domain/campaign_repository.hpp"
#include "domain/custom_field.hpp"
#include "domain/deal.hpp"
#include "domain/deal_event.hpp"
#include "domain/deal_label.hpp"
#include "domain/deal_reports.hpp"
#include "domain/filter.hpp"
#include "domain/forecast_facts.hpp"
#include "domain/import_job.hpp"
#include "domain/list_options.hpp"
#include "domain/lost_reason.hpp"
#include "domain/note.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/pipeline.hpp"
#include "domain/playbook_repository.hpp"
#include "domain/product.hpp"
#include "domain/project_repository.hpp"
#include "domain/record_extras.hpp"
#include "domain/report_facts.hpp"
#include "domain/report_source.hpp"
#include "domain/segment_repository.hpp"
#include "domain/session.hpp"
#include "domain/stage.hpp"
#include "domain/stage_time_facts.hpp"
#include "domain/team.hpp"
#include "domain/user.hpp"
#include "domain/webhook.hpp"
#include "domain/webhook_delivery.hpp"
#include "domain/workspace.hpp"

namespace pipecrm::domain {

// Insert methods return the new row's id and ignore the id field of their argument.
// Get methods fail with kNotFound for a row of another workspace or none at all.

class WorkspaceRepository {
  public:
    virtual ~WorkspaceRepository() = default;
    virtual Result<Id> Insert(const Workspace& workspace) = 0;
    virtual Result<Workspace> Get(Id id) = 0;
    /// The visibility new records get when a request names none.
    virtual Status SetDefaultVisibility(Id id, Visibility visibility) = 0;
    virtual Result<std::vector<Workspace>> List() = 0;
};

class UserRepository {
  public:
    virtual ~UserRepository() = default;
    virtual Result<Id> Insert(const User& user) = 0;
    virtual Result<User> Get(Id workspace_id, Id id) = 0;
    /// Emails are unique within a workspace.
    virtual Result<std::optional<User>> FindByEmail(Id workspace_id, const std::string& email) = 0;
    /// Every workspace's user with this email (an email may sign in to several workspaces).
    virtual Result<std::vector<User>> FindByEmailEverywhere(const std::string& email) = 0;
    virtual Result<std::vector<User>> List(Id workspace_id) = 0;
    /// Replaces the user's argon2id hash and update time (no effect when there is no such user).
    virtual Status SetPasswordHash(Id workspace_id,
                                   Id id,
                                   const std::string& password_hash,
                                   Instant now) = 0;
    /// Writes name, role, password hash, active and update_time.
    virtual Status Update(const User& user) = 0;
};

class TeamRepository {
  public:
    virtual ~TeamRepository() = default;
    /// kAlreadyExists("name") when a live team of the workspace has the name.
    virtual Result<Id> Insert(const Team& team) = 0;
    virtual Result<std::optional<Team>> FindByName(Id workspace_id, const std::string& name) = 0;
    /// Live teams by name.
    virtual Result<std::vector<Team>> List(Id workspace_id) = 0;
    /// Adding a member twice changes nothing.
    virtual Status AddMember(Id workspace_id, Id team_id, Id user_id, Instant now) = 0;
    /// Every membership of the workspace's live teams.
    virtual Result<std::vector<TeamMembership>> ListMemberships(Id workspace_id) = 0;
};

/// Who an API token belongs to.
struct TokenOwner {
    Id token_id = 0;
    User user;  ///< its workspace is the token's; it may be disabled
    std::optional<Instant> revoked_time;
    Visibility default_visibility = Visibility::kEveryone;  ///< the workspace's, for new records
};

/// What is shown about a token: never the token or its hash.
struct TokenInfo {
    Id id = 0;
    Id user_id = 0;
    std::string user_email;
    std::string name;
    Instant add_time;
    std::optional<Instant> last_used_time;
    std::optional<Instant> revoked_time;
};

class TokenRepository {
  public:
    virtual ~TokenRepository() = default;
    virtual Result<Id> Insert(Id workspace_id,
                              Id user_id,
                              const std::string& token_hash,
                              const std::string& name,
                              Instant now) = 0;
    /// The token with this hash, revoked or not, whatever its user's state.
    virtual Result<std::optional<TokenOwner>> FindByHash(const std::string& token_hash) = 0;
    /// The workspace's tokens (of one user, or all) by id.
    virtual Result<std::vector<TokenInfo>> List(Id workspace_id, OptionalId user_id) = 0;
    /// Marks a token revoked; kNotFound for no such token in the workspace, and
    /// kFailedPrecondition when it already is.
    virtual Status Revoke(Id workspace_id, Id token_id, Instant now) = 0;
    /// Records when the token with this hash was last used (if it is not revoked).
    virtual Status SetLastUsed(const std::string& token_hash, Instant at) = 0;
};

class AuditLogRepository {
  public:
    virtual ~AuditLogRepository() = default;
    /// Appends; there is no update or delete.
    virtual Result<Id> Append(const AuditEntry& entry) = 0;
    virtual Result<std::vector<AuditEntry>> List(const AuditQuery& query) = 0;
};

/// A session and the user it acts for.
struct SessionOwner {
    Session session;
    User user;  ///< active; its workspace is the session's
};

class SessionRepository {
  public:
    virtual ~SessionRepository() = default;
    virtual Result<Id> Insert(const Session& session) = 0;
    /// The session with this digest if its user is active, revoked or not (the caller decides
    /// with SessionExpired); nullopt when there is none.
    virtual Result<std::optional<SessionOwner>> FindByHash(const std::string& token_hash) = 0;
    virtual Status Touch(Id workspace_id, Id id, Instant now) = 0;
    virtual Status Revoke(Id workspace_id, Id id, Instant now) = 0;
    /// Revokes every live session of the user except `keep` (when given).
    virtual Status RevokeAllOfUser(Id workspace_id, Id user_id, OptionalId keep, Instant now) = 0;
};

class PipelineRepository {
  public:
    virtual ~PipelineRepository() = default;
    virtual Result<Id> Insert(const Pipeline& pipeline) = 0;
    virtual Result<Pipeline> Get(Id workspace_id, Id id) = 0;
    virtual Status Update(const Pipeline& pipeline) = 0;
    /// Pipelines not deleted.
    virtual Result<std::vector<Pipeline>> List(Id workspace_id, const ListOptions& options) = 0;
    virtual Result<int> MaxOrder(Id workspace_id) = 0;
};

class StageRepository {
  public:
    virtual ~StageRepository() = default;
    virtual Result<Id> Insert(const Stage& stage) = 0;
    virtual Result<Stage> Get(Id workspace_id, Id id) = 0;
    virtual Status Update(const Stage& stage) = 0;
    /// Stages not deleted, of one pipeline or of all.
    virtual Result<std::vector<Stage>> List(Id workspace_id,
                                            OptionalId pipeline_id,
                                            const ListOptions& options) = 0;
    /// The highest order_nr among the pipeline's stages not deleted; 0 when it has none.
    virtual Result<int> MaxOrder(Id workspace_id, Id pipeline_id) = 0;
    /// The first live stage of a live pipeline: of `pipeline_id`, or of the first pipeline by
    /// order. Empty when there is none.
    virtual Result<std::optional<Stage>> FirstStage(Id workspace_id, OptionalId pipeline_id) = 0;
};

/// What search compares: the term folded like the stored search forms (text::FoldForSearch),
/// and the term as a phone number in E.164 when it reads as one.
struct SearchTerm {
    Id workspace_id = 0;
    std::string folded;
    std::optional<std::string> phone;
    int limit = 100;  ///< repositories return at most this many rows
};

struct DealQuery {
    Id workspace_id = 0;
    std::vector<DealStatus> statuses;  ///< empty: every status but deleted
    OptionalId owner_id;
    OptionalId stage_id;
    OptionalId pipeline_id;
    OptionalId person_id;
    OptionalId org_id;
    OptionalId label_id;  ///< only deals carrying this label
    std::vector<Id> ids;
    std::optional<Instant> updated_since;
    std::optional<Instant> updated_until;
    /// Only deals whose date field falls in [from, until): unix seconds, or day numbers for
    /// expected_close_date (see DateFieldKey).
    struct DateRange {
        DealDateField field = DealDateField::kAddTime;
        std::int64_t from = 0;
        std::int64_t until = 0;
    };
    std::optional<DateRange> date_range;
    std::optional<FilterConditions> filter;  ///< a saved filter's conditions (ApplyFilter)
    ListOptions options;
};

class DealRepository {
  public:
    virtual ~DealRepository() = default;
    virtual Result<Id> Insert(const Deal& deal) = 0;
    /// The id the next Insert gives a deal when nothing else inserts in between, for bulk
    /// writers that take ids ahead and pass rows to InsertMany; empty where the backend cannot
    /// tell it without taking it (PostgreSQL's sequences). Only in a write transaction.
    virtual Result<OptionalId> NextId() = 0;
    /// Inserts deals whose ids are set (ascending from NextId), as Insert one by one would,
    /// many per statement.
    virtual Status InsertMany(const std::vector<Deal>& deals) = 0;
    virtual Result<Deal> Get(Id workspace_id, Id id) = 0;
    /// Writes the columns in which `deal` differs from `previous` (the row as read), so that
    /// only the indexes on those columns are touched.
    virtual Status Update(const Deal& deal, const Deal& previous) = 0;
    virtual Result<std::vector<Deal>> List(const DealQuery& query) = 0;
    /// Count, value and weighted value (WeightedMinorUnits) of every deal the query matches,
    /// one entry per currency, sorted by currency code. Paging options are ignored.
    virtual Result<std::vector<CurrencyTotals>> Totals(const DealQuery& query) = 0;
    /// Deals not deleted whose title contains the term.
    virtual Result<std::vector<Deal>> Search(const SearchTerm& term) = 0;
    /// Deals not deleted in the stage (or pipeline, when stage_id is empty).
    virtual Result<std::int64_t> CountLive(Id workspace_id,
                                           OptionalId pipeline_id,
                                           OptionalId stage_id) = 0;
    /// Figures from other tables (RecordExtras) for these deals (activities, notes, products,
    /// first_won): one query per family in `which`. One entry per id, in the order of `ids`; ids of
    /// no deal get zeros.
    virtual Result<std::vector<RecordExtras>> Extras(Id workspace_id,
                                                     const std::vector<Id>& ids,
                                                     const ExtrasWanted& which) = 0;
};

class DealEventLog {
  public:
    virtual ~DealEventLog() = default;
    /// Appends; there is no update or delete.
    virtual Result<Id> Append(const DealEvent& event) = 0;
    /// Appends each in order, as Append one by one would (ids ascending), in few statements.
    virtual Status AppendMany(const std::vector<DealEvent>& events) = 0;
    virtual Result<std::vector<DealEvent>> ListForDeal(Id workspace_id, Id deal_id) = 0;
    virtual Result<std::int64_t> Count(Id workspace_id) = 0;
};

/// Filters shared by the person and organization lists (org_id applies to persons only).
struct ContactQuery {
    Id workspace_id = 0;
    OptionalId owner_id;
    OptionalId org_id;
    std::vector<Id> ids;
    std::optional<Instant> updated_since;
    std::optional<Instant> updated_until;
    std::optional<FilterConditions> filter;  ///< a saved filter's conditions (ApplyFilter)
    ListOptions options;
};

class PersonRepository {
  public:
    virtual ~PersonRepository() = default;
    virtual Result<Id> Insert(const Person& person) = 0;
    /// The id the next Insert gives a person when nothing else inserts in between, for bulk
    /// writers that take ids ahead and pass rows to InsertMany; empty where the backend cannot
    /// tell it without taking it (PostgreSQL's sequences). Only in a write transaction.
    virtual Result<OptionalId> NextId() = 0;
    /// Inserts persons (with their emails and phones) whose ids are set (ascending from NextId), as
    /// Insert one by one would, many per statement.
    virtual Status InsertMany(const std::vector<Person>& persons) = 0;
    virtual Result<Person> Get(Id workspace_id, Id id) = 0;
    /// Replaces the row and its emails and phones.
    virtual Status Update(const Person& person) = 0;
    /// Persons not deleted.
    virtual Result<std::vector<Person>> List(const ContactQuery& query) = 0;
    /// Persons whose name or an email contains the term, or with the term's phone number.
    virtual Result<std::vector<Person>> Search(const SearchTerm& term) = 0;
    /// Figures from other tables (RecordExtras) for these persons (activities, notes, deals): one
    /// query per family in `which`. One entry per id, in the order of `ids`; ids of no person get
    /// zeros.
    virtual Result<std::vector<RecordExtras>> Extras(Id workspace_id,
                                                     const std::vector<Id>& ids,
                                                     const ExtrasWanted& which) = 0;
};

class OrganizationRepository {
  public:
    virtual ~OrganizationRepository() = default;
    virtual Result<Id> Insert(const Organization& organization) = 0;
    /// The id the next Insert gives a organization when nothing else inserts in between, for bulk
    /// writers that take ids ahead and pass rows to InsertMany; empty where the backend cannot
    /// tell it without taking it (PostgreSQL's sequences). Only in a write transaction.
    virtual Result<OptionalId> NextId() = 0;
    /// Inserts organizations whose ids are set (ascending from NextId), as Insert one by one would,
    /// many per statement.
    virtual Status InsertMany(const std::vector<Organization>& organizations) = 0;
    virtual Result<Organization> Get(Id workspace_id, Id id) = 0;
    virtual Status Update(const Organization& organization) = 0;
    /// Organizations not deleted.
    virtual Result<std::vector<Organization>> List(const ContactQuery& query) = 0;
    /// Organizations whose name or address contains the term.
    virtual Result<std::vector<Organization>> Search(const SearchTerm& term) = 0;
    /// Figures from other tables (RecordExtras) for these organizations (activities, notes, deals,
    /// people): one query per family in `which`. One entry per id, in the order of `ids`; ids of no
    /// organization get zeros.
    virtual Result<std::vector<RecordExtras>> Extras(Id workspace_id,
                                                     const std::vector<Id>& ids,
                                                     const ExtrasWanted& which) = 0;
};

struct ActivityQuery {
    Id workspace_id = 0;
    OptionalId owner_id;
    OptionalId deal_id;
    OptionalId person_id;
    OptionalId org_id;
    std::optional<bool> done;
    std::vector<Id> ids;
    std::optional<Instant> updated_since;
    std::optional<Instant> updated_until;
    std::optional<FilterConditions> filter;  ///< a saved filter's conditions (ApplyFilter)
    ListOptions options;
};

class ActivityRepository {
  public:
    virtual ~ActivityRepository() = default;
    virtual Result<Id> Insert(const Activity& activity) = 0;
    virtual Result<Activity> Get(Id workspace_id, Id id) = 0;
    virtual Status Update(const Activity& activity) = 0;
    /// Activities not deleted.
    virtual Result<std::vector<Activity>> List(const ActivityQuery& query) = 0;
    virtual Result<std::vector<Activity>> ListForDeal(Id workspace_id, Id deal_id) = 0;
    virtual Result<Id> InsertType(const ActivityType& type) = 0;
    virtual Result<std::optional<ActivityType>> FindType(Id workspace_id,
                                                         const std::string& key_string) = 0;
    /// The workspace's activity types in order.
    virtual Result<std::vector<ActivityType>> ListTypes(Id workspace_id) = 0;
};

/// Notes are listed newest first, by offset (Pipedrive v1 paging).
struct NoteQuery {
    Id workspace_id = 0;
    OptionalId deal_id;
    OptionalId person_id;
    OptionalId org_id;
    OptionalId user_id;
    int offset = 0;
    int limit = 100;  ///< repositories return up to limit + 1 rows so callers can see "more"
};

class NoteRepository {
  public:
    virtual ~NoteRepository() = default;
    virtual Result<Id> Insert(const Note& note) = 0;
    virtual Result<Note> Get(Id workspace_id, Id id) = 0;
    virtual Status Update(const Note& note) = 0;
    /// Notes not deleted.
    virtual Result<std::vector<Note>> List(const NoteQuery& query) = 0;
    virtual Result<std::vector<Note>> ListForDeal(Id workspace_id, Id deal_id) = 0;
};

class ProductRepository {
  public:
    virtual ~ProductRepository() = default;
    virtual Result<Id> Insert(const Product& product) = 0;
    virtual Result<Product> Get(Id workspace_id, Id id) = 0;
    /// Replaces the row and its prices.
    virtual Status Update(const Product& product) = 0;
    /// Products not deleted (ContactQuery's owner, ids and update-time filters).
    virtual Result<std::vector<Product>> List(const ContactQuery& query) = 0;
    /// Products whose name or code contains the term.
    virtual Result<std::vector<Product>> Search(const SearchTerm& term) = 0;
    virtual Result<Id> InsertDealProduct(const DealProduct& line) = 0;
    virtual Result<DealProduct> GetDealProduct(Id workspace_id, Id id) = 0;
    virtual Status UpdateDealProduct(const DealProduct& line) = 0;
    virtual Status DeleteDealProduct(Id workspace_id, Id id) = 0;
    /// The deal's product lines in the order they were added.
    virtual Result<std::vector<DealProduct>> ListForDeal(Id workspace_id, Id deal_id) = 0;
};

/// One record's stored value of one custom field, as canonical text (see CheckFieldValue).
struct StoredFieldValue {
    Id entity_id = 0;
    Id field_id = 0;
    std::string value;
};

class CustomFieldRepository {
  public:
    virtual ~CustomFieldRepository() = default;
    virtual Result<Id> Insert(const CustomField& field) = 0;
    virtual Result<CustomField> Get(Id workspace_id, Id id) = 0;
    virtual Status Update(const CustomField& field) = 0;
    /// The entity's fields not deleted, by order_nr.
    virtual Result<std::vector<CustomField>> List(Id workspace_id, FieldEntity entity) = 0;
    /// The highest order_nr among the entity's fields, deleted or not; 0 when it has none.
    virtual Result<int> MaxOrder(Id workspace_id, FieldEntity entity) = 0;
    /// Sets one record's value of one field; no value removes it.
    virtual Status SetValue(Id workspace_id,
                            FieldEntity entity,
                            Id entity_id,
                            Id field_id,
                            const std::optional<std::string>& value) = 0;
    /// Every value stored for these records, in one query.
    virtual Result<std::vector<StoredFieldValue>> ListValues(Id workspace_id,
                                                             FieldEntity entity,
                                                             const std::vector<Id>& entity_ids) = 0;
};

class FilterRepository {
  public:
    virtual ~FilterRepository() = default;
    /// Inserts the filter with its conditions.
    virtual Result<Id> Insert(const Filter& filter) = 0;
    virtual Result<Filter> Get(Id workspace_id, Id id) = 0;
    /// Replaces the row and its conditions.
    virtual Status Update(const Filter& filter) = 0;
    /// Filters not deleted, of one type or of all, by id.
    virtual Result<std::vector<Filter>> List(Id workspace_id, std::optional<FilterType> type) = 0;
};

class WebhookRepository {
  public:
    virtual ~WebhookRepository() = default;
    virtual Result<Id> Insert(const Webhook& webhook) = 0;
    virtual Result<Webhook> Get(Id workspace_id, Id id) = 0;
    virtual Status Update(const Webhook& webhook) = 0;
    /// Webhooks not deleted, by id.
    virtual Result<std::vector<Webhook>> List(Id workspace_id) = 0;
};

class ImportJobRepository {
  public:
    virtual ~ImportJobRepository() = default;
    virtual Result<Id> Insert(const ImportJob& job) = 0;
    virtual Result<ImportJob> Get(Id workspace_id, Id id) = 0;
    /// Writes every column but the ids, kind and add_time.
    virtual Status Update(const ImportJob& job) = 0;
    /// The jobs `user_id` started, newest first, skipping `offset` and returning at most
    /// `limit` + 1 (so the caller sees whether there are more); rejected_csv is left empty.
    virtual Result<std::vector<ImportJob>> ListByUser(Id workspace_id,
                                                      Id user_id,
                                                      int offset,
                                                      int limit) = 0;
    /// Marks every running job of every workspace failed with `error` (a server that stopped
    /// while they ran); returns how many.
    virtual Result<std::int64_t> FailRunning(const std::string& error, Instant now) = 0;
};

class LostReasonRepository {
  public:
    virtual ~LostReasonRepository() = default;
    virtual Result<Id> Insert(const LostReason& reason) = 0;
    virtual Result<LostReason> Get(Id workspace_id, Id id) = 0;
    virtual Status Update(const LostReason& reason) = 0;
    /// Reasons not deleted, by id.
    virtual Result<std::vector<LostReason>> List(Id workspace_id) = 0;
};

class DealLabelRepository {
  public:
    virtual ~DealLabelRepository() = default;
    virtual Result<Id> Insert(const DealLabel& label) = 0;
    virtual Result<DealLabel> Get(Id workspace_id, Id id) = 0;
    /// Writes name, color, is_deleted and update_time.
    virtual Status Update(const DealLabel& label) = 0;
    /// Labels not deleted, by id.
    virtual Result<std::vector<DealLabel>> List(Id workspace_id) = 0;
    /// Takes the label off every deal of the workspace (their update_time stays); returns how
    /// many deals carried it.
    virtual Result<std::int64_t> RemoveFromDeals(Id workspace_id, Id label_id) = 0;
};

/// Every repository, bound to one connection (and, for writes, one transaction).
class Repositories {
  public:
    virtual ~Repositories() = default;
    virtual WorkspaceRepository& Workspaces() = 0;
    virtual UserRepository& Users() = 0;
    virtual TokenRepository& Tokens() = 0;
    virtual TeamRepository& Teams() = 0;
    virtual AuditLogRepository& AuditLog() = 0;
    virtual SessionRepository& Sessions() = 0;
    virtual PipelineRepository& Pipelines() = 0;
    virtual StageRepository& Stages() = 0;
    virtual DealRepository& Deals() = 0;
    virtual DealEventLog& DealEvents() = 0;
    virtual PersonRepository& Persons() = 0;
    virtual OrganizationRepository& Organizations() = 0;
    virtual ActivityRepository& Activities() = 0;
    virtual NoteRepository& Notes() = 0;
    virtual ProductRepository& Products() = 0;
    virtual CustomFieldRepository& CustomFields() = 0;
    virtual FilterRepository& Filters() = 0;
    virtual WebhookRepository& Webhooks() = 0;
    virtual ImportJobRepository& ImportJobs() = 0;
    virtual WebhookOutboxRepository& WebhookOutbox() = 0;
    virtual AutomationRepository& Automations() = 0;
    virtual SegmentRepository& Segments() = 0;
    virtual CallListRepository& CallLists() = 0;
    virtual PlaybookRepository& Playbooks() = 0;
    virtual CampaignRepository& Campaigns() = 0;
    virtual ReportSource& Reports() = 0;
    virtual ReportFactStore& ReportFacts() = 0;
    virtual StageTimeFactStore& StageTimeFacts() = 0;
    virtual ForecastFactStore& ForecastFacts() = 0;
    virtual LostReasonRepository& LostReasons() = 0;
    virtual DealLabelRepository& DealLabels() = 0;
    virtual ProjectRepository& Projects() = 0;
};

}  // namespace pipecrm::domain
