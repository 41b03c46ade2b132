// Calendar days in one time zone, for code that asks many times: the zone is opened once
// (text::LocalDay opens it on every call, which costs microseconds).
#pragma once

#include <memory>
#include <string_view>

#include "base/status.hpp"
#include "base/time.hpp"

namespace pipecrm::text {

/// Not safe for concurrent use.
class ZoneDays {
  public:
    /// kInvalidArgument for a zone ICU does not know.
    static Result<ZoneDays> Open(std::string_view zone);
    ZoneDays(ZoneDays&&) noexcept;
    ZoneDays& operator=(ZoneDays&&) noexcept;
    ~ZoneDays();

    /// The same answers as text::LocalDay and text::StartOfLocalDay for this zone.
    Date LocalDay(Instant t) const;
    Instant StartOfLocalDay(Date day) const;

  private:
    struct Zone;  // the ICU zone, kept out of this header
    explicit ZoneDays(std::unique_ptr<Zone> zone);
    std::unique_ptr<Zone> zone_;
};

}  // namespace pipecrm::text
