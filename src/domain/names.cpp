// Text names of the domain's enumerations, as the API and storage write them.
#include <array>
#include <utility>

#include "domain/deal.hpp"
#include "domain/deal_event.hpp"
#include "domain/product.hpp"
#include "domain/user.hpp"

namespace pipecrm::domain {
namespace {

constexpr std::array<std::pair<DealStatus, std::string_view>, 4> kStatusNames = {{
    {DealStatus::kOpen, "open"},
    {DealStatus::kWon, "won"},
    {DealStatus::kLost, "lost"},
    {DealStatus::kDeleted, "deleted"},
}};

constexpr std::array<std::pair<DealEventKind, std::string_view>, 8> kEventNames = {{
    {DealEventKind::kCreated, "created"},
    {DealEventKind::kStageMoved, "stage_moved"},
    {DealEventKind::kValueChanged, "value_changed"},
    {DealEventKind::kOwnerChanged, "owner_changed"},
    {DealEventKind::kWon, "won"},
    {DealEventKind::kLost, "lost"},
    {DealEventKind::kReopened, "reopened"},
    {DealEventKind::kDeleted, "deleted"},
}};

template <typename Enum, std::size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum e) {
    for (const auto& [value, name] : table) {
        if (value == e) {
            return name;
        }
    }
    return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> ValueOf(const std::array<std::pair<Enum, std::string_view>, N>& table,
                            std::string_view text) {
    for (const auto& [value, name] : table) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}

constexpr std::array<std::pair<DiscountType, std::string_view>, 2> kDiscountTypeNames = {{
    {DiscountType::kPercentage, "percentage"},
    {DiscountType::kAmount, "amount"},
}};

constexpr std::array<std::pair<TaxMethod, std::string_view>, 3> kTaxMethodNames = {{
    {TaxMethod::kExclusive, "exclusive"},
    {TaxMethod::kInclusive, "inclusive"},
    {TaxMethod::kNone, "none"},
}};

}  // namespace

std::string_view DiscountTypeName(DiscountType type) {
    return NameOf(kDiscountTypeNames, type);
}
std::optional<DiscountType> ParseDiscountType(std::string_view text) {
    return ValueOf(kDiscountTypeNames, text);
}
std::string_view TaxMethodName(TaxMethod method) {
    return NameOf(kTaxMethodNames, method);
}
std::optional<TaxMethod> ParseTaxMethod(std::string_view text) {
    return ValueOf(kTaxMethodNames, text);
}

std::string_view DealStatusName(DealStatus status) {
    return NameOf(kStatusNames, status);
}
std::optional<DealStatus> ParseDealStatus(std::string_view text) {
    return ValueOf(kStatusNames, text);
}
std::string_view DealEventKindName(DealEventKind kind) {
    return NameOf(kEventNames, kind);
}
std::optional<DealEventKind> ParseDealEventKind(std::string_view text) {
    return ValueOf(kEventNames, text);
}

std::optional<Visibility> VisibilityFromInt(long long value) {
    switch (value) {
        case 1:
            return Visibility::kOwner;
        case 3:
            return Visibility::kTeam;
        case 5:
            return Visibility::kFollowers;
        case 7:
            return Visibility::kEveryone;
        default:
            return std::nullopt;
    }
}

std::string_view RoleName(Role role) {
    switch (role) {
        case Role::kAdmin:
            return "admin";
        case Role::kManager:
            return "manager";
        case Role::kMember:
            return "member";
    }
    return "member";
}

std::int64_t DealProductSum(const DealProduct& line) {
    const double gross = static_cast<double>(line.item_price) * line.quantity;
    double net = line.discount_type == DiscountType::kPercentage
                     ? gross * (100.0 - line.discount) / 100.0
                     : gross - line.discount;
    if (line.tax_method == TaxMethod::kExclusive) {
        net = net * (100.0 + line.tax) / 100.0;
    }
    return static_cast<std::int64_t>(net < 0 ? net - 0.5 : net + 0.5);
}

}  // namespace pipecrm::domain
