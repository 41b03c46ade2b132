// The custom field tables (migration 0002) on both backends (the storage contract): definitions
// with their options, values set, listed for a page at once and cleared, all scoped by workspace.
#include <gtest/gtest.h>

#include "contract_store.hpp"
#include "support/process.hpp"

namespace pipecrm::storage {
namespace {

using domain::CustomField;
using domain::FieldEntity;
using domain::Repositories;

const Instant kNow = FromUnixSeconds(1767262800);

class CustomFieldTable : public ::testing::TestWithParam<BackendKind> {};

struct Fixture {
    testing::TempDir dir;
    std::unique_ptr<domain::Store> store;
    Id workspace_id = 0;
    Id other_workspace_id = 0;

    explicit Fixture(BackendKind kind) : store(OpenTestStore(kind, dir)) {
        workspace_id = AddTestWorkspace(*store, "a@example.com", kNow).workspace_id;
        other_workspace_id = AddTestWorkspace(*store, "b@example.com", kNow).workspace_id;
    }

    Status Write(const domain::StoreJob& job) { return store->WriteAndWait(job); }
};

CustomField SetField(Id workspace_id) {
    CustomField field;
    field.workspace_id = workspace_id;
    field.entity = FieldEntity::kDeal;
    field.key = std::string(40, 'c');
    field.name = "Tags";
    field.type = domain::FieldType::kSet;
    field.options = {{1, "hot"}, {2, "vip, gold"}};
    field.last_option_id = 2;
    field.order_nr = 1;
    field.add_time = kNow;
    field.update_time = kNow;
    return field;
}

TEST_P(CustomFieldTable, StoresDefinitionsWithIdsAboveTheSystemFields) {
    Fixture f(GetParam());
    Id id = 0;
    ASSERT_TRUE(f.Write([&](Repositories& repos) -> Status {
                     auto inserted = repos.CustomFields().Insert(SetField(f.workspace_id));
                     if (!inserted.ok()) {
                         return inserted.status();
                     }
                     id = *inserted;
                     return Status::Ok();
                 }).ok());
    EXPECT_GT(id, 1000);
    Status status = f.store->Read([&](Repositories& repos) -> Status {
        auto field = repos.CustomFields().Get(f.workspace_id, id);
        EXPECT_TRUE(field.ok());
        EXPECT_EQ(field->key, std::string(40, 'c'));
        EXPECT_EQ(field->type, domain::FieldType::kSet);
        EXPECT_EQ(field->options.size(), 2u);
        EXPECT_EQ(field->options[1].label, "vip, gold");
        EXPECT_EQ(field->last_option_id, 2);
        EXPECT_EQ(repos.CustomFields().List(f.workspace_id, FieldEntity::kDeal)->size(), 1u);
        EXPECT_EQ(repos.CustomFields().List(f.workspace_id, FieldEntity::kPerson)->size(), 0u);
        EXPECT_EQ(*repos.CustomFields().MaxOrder(f.workspace_id, FieldEntity::kDeal), 1);
        EXPECT_EQ(repos.CustomFields().Get(f.other_workspace_id, id).status().code(),
                  ErrorCode::kNotFound);
        EXPECT_EQ(repos.CustomFields().List(f.other_workspace_id, FieldEntity::kDeal)->size(), 0u);
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok());
}

TEST_P(CustomFieldTable, ValuesForAPageInOneCallAndClearing) {
    Fixture f(GetParam());
    Status written = f.Write([&](Repositories& repos) -> Status {
        auto id = repos.CustomFields().Insert(SetField(f.workspace_id));
        if (!id.ok()) {
            return id.status();
        }
        auto& fields = repos.CustomFields();
        PIPECRM_RETURN_IF_ERROR(fields.SetValue(f.workspace_id, FieldEntity::kDeal, 10, *id, "1"));
        PIPECRM_RETURN_IF_ERROR(fields.SetValue(f.workspace_id, FieldEntity::kDeal, 10, *id, "2"));
        PIPECRM_RETURN_IF_ERROR(
            fields.SetValue(f.workspace_id, FieldEntity::kDeal, 11, *id, "1,2"));
        PIPECRM_RETURN_IF_ERROR(fields.SetValue(f.workspace_id, FieldEntity::kDeal, 12, *id, "1"));
        PIPECRM_RETURN_IF_ERROR(
            fields.SetValue(f.workspace_id, FieldEntity::kDeal, 12, *id, std::nullopt));
        // The same record id as another kind of record, or in another workspace, is another
        // record.
        PIPECRM_RETURN_IF_ERROR(
            fields.SetValue(f.workspace_id, FieldEntity::kPerson, 10, *id, "x"));
        return fields.SetValue(f.other_workspace_id, FieldEntity::kDeal, 11, *id, "y");
    });
    ASSERT_TRUE(written.ok()) << written.ToString();
    Status status = f.store->Read([&](Repositories& repos) -> Status {
        auto values =
            repos.CustomFields().ListValues(f.workspace_id, FieldEntity::kDeal, {10, 11, 12, 13});
        EXPECT_TRUE(values.ok());
        EXPECT_EQ(values->size(), 2u);
        for (const domain::StoredFieldValue& value : *values) {
            EXPECT_EQ(value.value, value.entity_id == 10 ? "2" : "1,2");
        }
        EXPECT_TRUE(
            repos.CustomFields().ListValues(f.workspace_id, FieldEntity::kDeal, {})->empty());
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok());
}

PIPECRM_CONTRACT_BACKENDS(CustomFieldTable);

}  // namespace
}  // namespace pipecrm::storage
