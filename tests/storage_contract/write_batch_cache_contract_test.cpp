// The writer's per-transaction memory of the workspace set-up (sql/write_batch_cache.hpp) on
// both backends: a job that changes stages, custom fields or webhooks sees the change in its next
// reads, and a job rolled back to its savepoint leaves nothing it read behind for the next job of
// the same transaction.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "contract_store.hpp"
#include "domain/deal_service.hpp"

namespace pipecrm::storage {
namespace {

using domain::Repositories;

const Instant kNow = FromUnixSeconds(1767262800);

class WriteBatchCacheContract : public OneWorkspaceTest {
  protected:
    // A stage put before every other stage of the default pipeline.
    domain::Stage NewFirstStage() const {
        domain::Stage stage;
        stage.workspace_id = ws_.workspace_id;
        stage.pipeline_id = ws_.pipeline_id;
        stage.name = "Before all";
        stage.order_nr = 0;
        stage.deal_probability = 5;
        stage.add_time = stage.update_time = kNow;
        return stage;
    }

    static Result<domain::Deal> CreateUnstaged(Repositories& repos, const domain::Actor& actor) {
        domain::DealChange change;
        change.title = "no stage named";
        return domain::CreateDeal(repos, actor, change, kNow);
    }
};

TEST_P(WriteBatchCacheContract, AJobSeesTheSetUpItChanged) {
    Write([&](Repositories& repos) -> Status {
        auto before = repos.Stages().FirstStage(ws_.workspace_id, std::nullopt);
        PIPECRM_RETURN_IF_ERROR(before.status());
        EXPECT_TRUE(before->has_value());
        auto renamed = repos.Stages().Get(ws_.workspace_id, (*before)->id);
        PIPECRM_RETURN_IF_ERROR(renamed.status());
        renamed->name = "Renamed";
        PIPECRM_RETURN_IF_ERROR(repos.Stages().Update(*renamed));
        EXPECT_EQ(repos.Stages().Get(ws_.workspace_id, (*before)->id)->name, "Renamed");

        auto added = repos.Stages().Insert(NewFirstStage());
        PIPECRM_RETURN_IF_ERROR(added.status());
        auto after = repos.Stages().FirstStage(ws_.workspace_id, std::nullopt);
        PIPECRM_RETURN_IF_ERROR(after.status());
        EXPECT_EQ((*after)->id, *added);
        auto deal = CreateUnstaged(repos, Actor());
        PIPECRM_RETURN_IF_ERROR(deal.status());
        EXPECT_EQ(deal->stage_id, *added);
        return Status::Ok();
    });
}

TEST_P(WriteBatchCacheContract, AJobSeesTheCustomFieldsItAdded) {
    Write([&](Repositories& repos) -> Status {
        auto before = repos.CustomFields().List(ws_.workspace_id, domain::FieldEntity::kDeal);
        PIPECRM_RETURN_IF_ERROR(before.status());
        domain::CustomField field;
        field.workspace_id = ws_.workspace_id;
        field.key = std::string(40, 'a');
        field.name = "Region";
        field.order_nr = 1;
        field.add_time = field.update_time = kNow;
        auto id = repos.CustomFields().Insert(field);
        PIPECRM_RETURN_IF_ERROR(id.status());
        auto after = repos.CustomFields().List(ws_.workspace_id, domain::FieldEntity::kDeal);
        PIPECRM_RETURN_IF_ERROR(after.status());
        EXPECT_EQ(after->size(), before->size() + 1);
        return Status::Ok();
    });
}

TEST_P(WriteBatchCacheContract, AWebhookAddedInAJobGetsItsNextDealEvents) {
    Id webhook_id = 0;
    Write([&](Repositories& repos) -> Status {
        PIPECRM_RETURN_IF_ERROR(CreateUnstaged(repos, Actor()).status());  // none subscribed yet
        domain::Webhook hook;
        hook.workspace_id = ws_.workspace_id;
        hook.user_id = hook.admin_id = ws_.admin_user_id;
        hook.name = "all deals";
        hook.subscription_url = "http://127.0.0.1:9/hook";
        hook.event_action = "*";
        hook.event_object = "deal";
        hook.version = "2.0";
        hook.add_time = hook.update_time = kNow;
        auto id = repos.Webhooks().Insert(hook);
        PIPECRM_RETURN_IF_ERROR(id.status());
        webhook_id = *id;
        return CreateUnstaged(repos, Actor()).status();
    });
    Status status = store().Read([&](Repositories& repos) -> Status {
        auto deliveries = repos.WebhookOutbox().List(ws_.workspace_id, webhook_id, 0, 10);
        PIPECRM_RETURN_IF_ERROR(deliveries.status());
        EXPECT_EQ(deliveries->size(), 1u);
        return Status::Ok();
    });
    EXPECT_TRUE(status.ok()) << status.ToString();
}

// A blocker job holds the writer while two jobs queue, so both run in one transaction: the
// first adds a stage, reads it as the first stage, and fails; the second must not get it.
TEST_P(WriteBatchCacheContract, ARolledBackJobLeavesNothingRememberedForTheNext) {
    Id original_first = 0;
    Write([&](Repositories& repos) -> Status {
        auto first = repos.Stages().FirstStage(ws_.workspace_id, std::nullopt);
        PIPECRM_RETURN_IF_ERROR(first.status());
        original_first = (*first)->id;
        return Status::Ok();
    });
    std::atomic<int> finished{0};
    Status failed;
    Status kept;
    std::optional<domain::Deal> deal;
    std::mutex hold;  // held while queueing, so the writer takes both jobs at once
    std::unique_lock<std::mutex> queueing(hold);
    store().Write(
        [&](Repositories&) -> Status {
            std::lock_guard wait_for_queueing(hold);
            return Status::Ok();
        },
        [&](Status) {});
    store().Write(
        [&](Repositories& repos) -> Status {
            auto added = repos.Stages().Insert(NewFirstStage());
            PIPECRM_RETURN_IF_ERROR(added.status());
            auto first = repos.Stages().FirstStage(ws_.workspace_id, std::nullopt);
            PIPECRM_RETURN_IF_ERROR(first.status());
            EXPECT_EQ((*first)->id, *added);
            return InvalidArgument("the job changed its mind", "name");
        },
        [&](Status s) {
            failed = s;
            ++finished;
        });
    store().Write(
        [&](Repositories& repos) -> Status {
            auto created = CreateUnstaged(repos, Actor());
            PIPECRM_RETURN_IF_ERROR(created.status());
            deal = *created;
            return Status::Ok();
        },
        [&](Status s) {
            kept = s;
            ++finished;
        });
    queueing.unlock();
    while (finished.load() < 2) {
        std::this_thread::yield();
    }
    EXPECT_EQ(failed.code(), ErrorCode::kInvalidArgument);
    ASSERT_TRUE(kept.ok()) << kept.ToString();
    EXPECT_EQ(deal->stage_id, original_first);
}

PIPECRM_CONTRACT_BACKENDS(WriteBatchCacheContract);

}  // namespace
}  // namespace pipecrm::storage
