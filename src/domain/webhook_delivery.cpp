#include "domain/webhook_delivery.hpp"

namespace pipecrm::domain {

std::string_view DeliveryStateName(DeliveryState state) {
    switch (state) {
        case DeliveryState::kPending:
            return "pending";
        case DeliveryState::kSending:
            return "sending";
        case DeliveryState::kDelivered:
            return "delivered";
        case DeliveryState::kFailed:
            return "failed";
    }
    return "pending";
}

std::optional<DeliveryState> ParseDeliveryState(std::string_view text) {
    for (DeliveryState state : {DeliveryState::kPending, DeliveryState::kSending,
                                DeliveryState::kDelivered, DeliveryState::kFailed}) {
        if (DeliveryStateName(state) == text) {
            return state;
        }
    }
    return std::nullopt;
}

}  // namespace pipecrm::domain
