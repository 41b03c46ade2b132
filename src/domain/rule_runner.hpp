// Runs one automation run inside a write transaction: the rule's conditions are checked
// against the record as it is now, the actions applied through the domain services, and the
// outcome written to the run log — all in one transaction, so a run happens exactly once.
#pragma once

#include <optional>

#include "base/status.hpp"
#include "base/time.hpp"
#include "domain/automation_rule.hpp"
#include "domain/repositories.hpp"

namespace pipecrm::domain {

/// Claims and executes `run`. Returns its final state, or nullopt when it was no longer
/// pending (another worker took it). An action's error is returned as is: the caller's
/// transaction is undone and the caller records the failure (RecordRunFailure).
Result<std::optional<RunState>> ExecuteRun(Repositories& repos,
                                           const AutomationRun& run,
                                           Instant now,
                                           Date today);

/// Marks the run failed with the error's message.
Status RecordRunFailure(Repositories& repos,
                        const AutomationRun& run,
                        const Status& error,
                        Instant now);

}  // namespace pipecrm::domain
