#include "importer/validation.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

#include "base/encoding.hpp"
#include "base/money.hpp"
#include "domain/workspace_setup.hpp"
#include "text/search_text.hpp"

namespace pipecrm::importer {
namespace {

bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}

std::optional<int> ParseInt(std::string_view text) {
    int value = 0;
    if (text.empty() || std::from_chars(text.data(), text.data() + text.size(), value).ptr !=
                            text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

Result<OptionalId> ParseIdCell(const MappedRow& row, const char* field) {
    const std::string& text = row.Get(field);
    if (text.empty()) {
        return OptionalId();
    }
    auto value = ParseInt(text);
    if (!value || *value <= 0) {
        return InvalidArgument(std::string(field) + " \"" + text + "\" is not a positive number",
                               field);
    }
    return OptionalId(static_cast<Id>(*value));
}

Result<std::string> CheckedName(const std::string& text, const char* field, bool required) {
    std::string name = text::ToNfc(text);
    if (required && name.empty()) {
        return InvalidArgument(std::string(field) + " is empty", field);
    }
    if (name.size() > 255) {
        return InvalidArgument(std::string(field) + " is longer than 255 bytes", field);
    }
    return name;
}

// Emails and phones may come several to a cell, separated by ',' ';' or new lines.
std::vector<std::string> SplitList(const std::vector<std::string>& cells) {
    std::vector<std::string> items;
    for (const std::string& cell : cells) {
        std::string item;
        for (char c : cell + ",") {
            if (c == ',' || c == ';' || c == '\n' || c == '\r') {
                const auto begin = item.find_first_not_of(" \t");
                if (begin != std::string::npos) {
                    items.push_back(item.substr(begin, item.find_last_not_of(" \t") - begin + 1));
                }
                item.clear();
            } else {
                item += c;
            }
        }
    }
    return items;
}

Result<std::vector<std::string>> CheckedEmails(const std::vector<std::string>& cells,
                                               const char* field) {
    std::vector<std::string> emails;
    for (const std::string& item : SplitList(cells)) {
        auto email = domain::NormalizeEmail(item);
        if (!email.ok()) {
            return InvalidArgument("\"" + item + "\" is not an email address", field);
        }
        emails.push_back(*email);
    }
    return emails;
}

Result<std::vector<std::string>> CheckedPhones(const std::vector<std::string>& cells,
                                               const ValidationContext& context,
                                               const char* field) {
    std::vector<std::string> phones;
    for (const std::string& item : SplitList(cells)) {
        auto phone = text::NormalizePhone(item, context.phone_region);
        if (!phone) {
            return InvalidArgument("\"" + item + "\" is not a phone number", field);
        }
        phones.push_back(*phone);
    }
    return phones;
}

Result<std::optional<Instant>> OptionalInstant(const MappedRow& row, const char* field) {
    const std::string& text = row.Get(field);
    if (text.empty()) {
        return std::optional<Instant>();
    }
    auto instant = ParseImportInstant(text);
    if (!instant.ok()) {
        return InvalidArgument(std::string(field) + ": " + instant.status().message(), field);
    }
    return std::optional<Instant>(*instant);
}

Result<std::optional<std::string>> OptionalAmount(const MappedRow& row, const char* field) {
    const std::string& text = row.Get(field);
    if (text.empty()) {
        return std::optional<std::string>();
    }
    auto amount = NormalizeAmount(text);
    if (!amount.ok()) {
        return InvalidArgument(std::string(field) + ": " + amount.status().message(), field);
    }
    return std::optional<std::string>(*amount);
}

std::optional<domain::DealStatus> StatusWord(std::string_view text) {
    const std::string folded = text::FoldForSearch(text);
    if (folded == "open" || folded == "mo" || folded == "dang mo" || folded == "dang xu ly") {
        return domain::DealStatus::kOpen;
    }
    if (folded == "won" || folded == "win" || folded == "thang" || folded == "da thang" ||
        folded == "closed won") {
        return domain::DealStatus::kWon;
    }
    if (folded == "lost" || folded == "thua" || folded == "mat" || folded == "da thua" ||
        folded == "closed lost") {
        return domain::DealStatus::kLost;
    }
    return std::nullopt;
}

std::optional<bool> BoolWord(std::string_view text) {
    const std::string folded = text::FoldForSearch(text);
    for (const char* yes : {"1", "true", "yes", "y", "done", "x", "co", "roi", "da xong", "xong"}) {
        if (folded == yes) {
            return true;
        }
    }
    for (const char* no : {"0", "false", "no", "n", "khong", "chua", "chua xong"}) {
        if (folded == no) {
            return false;
        }
    }
    return std::nullopt;
}

// "HH:MM" (or "HH:MM:SS") as minutes after midnight.
std::optional<int> ClockMinutes(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) {
        return std::nullopt;
    }
    auto hours = ParseInt(text.substr(0, colon));
    std::string_view rest = text.substr(colon + 1);
    auto minutes = ParseInt(rest.substr(0, rest.find(':')));
    if (!hours || !minutes || *hours < 0 || *hours > 23 || *minutes < 0 || *minutes > 59) {
        return std::nullopt;
    }
    return *hours * 60 + *minutes;
}

Result<domain::FieldInput> CustomInput(const domain::CustomField& field, const std::string& text) {
    domain::FieldInput input;
    const auto refuse = [&](const std::string& expected) {
        return InvalidArgument(field.name + ": \"" + text + "\" is not " + expected, field.name);
    };
    switch (field.type) {
        case domain::FieldType::kVarchar:
        case domain::FieldType::kText:
        case domain::FieldType::kPhone:
            input.kind = domain::FieldInput::Kind::kString;
            input.text = text::ToNfc(text);
            return input;
        case domain::FieldType::kDouble: {
            auto amount = NormalizeAmount(text);
            if (!amount.ok()) {
                return refuse("a number");
            }
            input.kind = domain::FieldInput::Kind::kNumber;
            input.text = *amount;
            return input;
        }
        case domain::FieldType::kMonetary: {
            // "1.500.000 VND", "VND 1500000" or "1500 usd".
            const auto space = text.find_first_of(' ');
            if (space == std::string::npos) {
                return refuse("an amount with its currency (\"1500 USD\")");
            }
            std::string first = text.substr(0, space);
            std::string second = text.substr(text.find_last_of(' ') + 1);
            const bool currency_first =
                !first.empty() && std::isalpha(static_cast<unsigned char>(first[0]));
            auto amount = NormalizeAmount(currency_first ? text.substr(space + 1)
                                                         : text.substr(0, text.find_last_of(' ')));
            if (!amount.ok()) {
                return refuse("an amount with its currency (\"1500 USD\")");
            }
            input.kind = domain::FieldInput::Kind::kMoney;
            input.text = *amount;
            input.currency = currency_first ? first : second;
            return input;
        }
        case domain::FieldType::kDate: {
            auto date = ParseImportDate(text);
            if (!date.ok()) {
                return refuse("a date");
            }
            input.kind = domain::FieldInput::Kind::kString;
            input.text = FormatDate(*date);
            return input;
        }
        case domain::FieldType::kEnum:
        case domain::FieldType::kSet: {
            std::vector<std::int64_t> ids;
            const std::vector<std::string> labels = field.type == domain::FieldType::kSet
                                                        ? SplitList({text})
                                                        : std::vector<std::string>{text};
            for (const std::string& label : labels) {
                const domain::FieldOption* match = nullptr;
                for (const domain::FieldOption& option : field.options) {
                    if (text::FoldForSearch(option.label) == text::FoldForSearch(label) ||
                        std::to_string(option.id) == label) {
                        match = &option;
                    }
                }
                if (match == nullptr) {
                    std::string known;
                    for (const domain::FieldOption& option : field.options) {
                        known += (known.empty() ? "" : ", ") + option.label;
                    }
                    return refuse("one of its options (" + known + ")");
                }
                ids.push_back(match->id);
            }
            if (field.type == domain::FieldType::kSet) {
                input.kind = domain::FieldInput::Kind::kIntegers;
                input.integers = ids;
            } else {
                input.kind = domain::FieldInput::Kind::kNumber;
                input.is_integer = true;
                input.text = std::to_string(ids.front());
            }
            return input;
        }
        case domain::FieldType::kUser:
        case domain::FieldType::kPeople:
        case domain::FieldType::kOrg: {
            auto id = ParseInt(text);
            if (!id || *id <= 0) {
                return refuse("an id");
            }
            input.kind = domain::FieldInput::Kind::kNumber;
            input.is_integer = true;
            input.text = std::to_string(*id);
            return input;
        }
    }
    return refuse("a value");
}

Result<std::vector<domain::FieldAssignment>> CustomAssignments(const MappedRow& row,
                                                               const ValidationContext& context) {
    std::vector<domain::FieldAssignment> assignments;
    for (const auto& [key, text] : row.custom) {
        for (const domain::CustomField& field : context.custom_fields) {
            if (field.key != key) {
                continue;
            }
            auto input = CustomInput(field, text);
            if (!input.ok()) {
                return input.status();
            }
            assignments.push_back({key, *input});
        }
    }
    return assignments;
}

// A date's digits: (year, month, day) from ISO or day-first text; what follows is returned in
// `rest`.
std::optional<std::array<int, 3>> DateParts(std::string_view text, std::string_view& rest) {
    std::array<std::string_view, 3> parts;
    std::size_t part = 0;
    std::size_t start = 0;
    char separator = 0;
    std::size_t i = 0;
    for (; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : ' ';
        if (IsDigit(c)) {
            continue;
        }
        parts[part++] = text.substr(start, i - start);
        if (part == 3 || (c != '-' && c != '/' && c != '.')) {
            break;
        }
        if (separator != 0 && c != separator) {
            return std::nullopt;
        }
        separator = c;
        start = i + 1;
    }
    if (part != 3) {
        return std::nullopt;
    }
    rest = i < text.size() ? text.substr(i) : std::string_view();
    auto a = ParseInt(parts[0]);
    auto b = ParseInt(parts[1]);
    auto c = ParseInt(parts[2]);
    if (!a || !b || !c) {
        return std::nullopt;
    }
    if (parts[0].size() == 4) {
        return std::array<int, 3>{*a, *b, *c};
    }
    if (parts[2].size() == 4) {
        return std::array<int, 3>{*c, *b, *a};
    }
    return std::nullopt;
}

}  // namespace

Result<Date> ParseImportDate(std::string_view text) {
    std::string_view rest;
    auto parts = DateParts(TrimSpaces(text), rest);
    const Status bad =
        InvalidArgument("\"" + std::string(text) + "\" is not a date (2026-03-31 or 31/03/2026)");
    if (!parts) {
        return bad;
    }
    const std::chrono::year_month_day day{std::chrono::year{(*parts)[0]},
                                          std::chrono::month{static_cast<unsigned>((*parts)[1])},
                                          std::chrono::day{static_cast<unsigned>((*parts)[2])}};
    if (!day.ok() || (*parts)[0] < 1900 || (*parts)[0] > 2200) {
        return bad;
    }
    return Date{day};
}

Result<Instant> ParseImportInstant(std::string_view text) {
    text = TrimSpaces(text);
    if (auto instant = ParseInstant(text); instant.ok()) {
        return *instant;
    }
    std::string_view rest;
    auto date = ParseImportDate(text);
    if (!date.ok()) {
        return InvalidArgument("\"" + std::string(text) +
                               "\" is not a date and time (2026-03-31 14:30 or 31/03/2026)");
    }
    DateParts(text, rest);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == 'T')) {
        rest.remove_prefix(1);
    }
    if (rest.empty()) {
        return Instant{*date} + std::chrono::hours(12);
    }
    auto minutes = ClockMinutes(rest);
    if (!minutes) {
        return InvalidArgument("\"" + std::string(text) + "\" has no time of day we can read");
    }
    int seconds = 0;
    if (const auto second_colon = rest.find(':', rest.find(':') + 1);
        second_colon != std::string_view::npos) {
        seconds = ParseInt(rest.substr(second_colon + 1, 2)).value_or(0);
    }
    return Instant{*date} + std::chrono::minutes(*minutes) + std::chrono::seconds(seconds);
}

Result<std::string> NormalizeAmount(std::string_view text) {
    std::string digits;
    bool negative = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\'' || c == '_') {
            continue;
        }
        if (c == '-' && digits.empty() && !negative) {
            negative = true;
            continue;
        }
        if (!IsDigit(c) && c != '.' && c != ',') {
            return InvalidArgument("\"" + std::string(text) + "\" is not an amount");
        }
        digits += c;
    }
    if (digits.empty() || !IsDigit(digits.front()) || !IsDigit(digits.back())) {
        if (digits.empty() || digits.back() == '.' || digits.back() == ',') {
            return InvalidArgument("\"" + std::string(text) + "\" is not an amount");
        }
    }
    const auto last_dot = digits.rfind('.');
    const auto last_comma = digits.rfind(',');
    char decimal = 0;
    if (last_dot != std::string::npos && last_comma != std::string::npos) {
        decimal = last_dot > last_comma ? '.' : ',';
    } else if (last_dot != std::string::npos || last_comma != std::string::npos) {
        const char separator = last_dot != std::string::npos ? '.' : ',';
        const auto last = digits.rfind(separator);
        const bool single = digits.find(separator) == last;
        const bool three_after = digits.size() - last - 1 == 3;
        decimal = single && !three_after ? separator : 0;
    }
    std::string normalized = negative ? "-" : "";
    bool seen_decimal = false;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        const char c = digits[i];
        if (IsDigit(c)) {
            normalized += c;
        } else if (c == decimal && i == digits.rfind(decimal)) {
            normalized += '.';
            seen_decimal = true;
        } else if (c == decimal || (i > 0 && !IsDigit(digits[i - 1]))) {
            return InvalidArgument("\"" + std::string(text) + "\" is not an amount");
        }
    }
    (void)seen_decimal;
    return normalized;
}

Result<PersonRow> ValidatePerson(const MappedRow& row, const ValidationContext& context) {
    PersonRow person;
    auto id = ParseIdCell(row, "id");
    if (!id.ok()) {
        return id.status();
    }
    person.id = *id;
    std::string name = row.Get("name");
    if (name.empty()) {
        const std::string& first = row.Get("first_name");
        const std::string& last = row.Get("last_name");
        name = first.empty() ? last : last.empty() ? first : first + " " + last;
    }
    auto checked = CheckedName(name, "name", !person.id);
    if (!checked.ok()) {
        return checked.status();
    }
    person.name = *checked;
    auto emails = CheckedEmails(row.GetAll("email"), "email");
    if (!emails.ok()) {
        return emails.status();
    }
    person.emails = *emails;
    auto phones = CheckedPhones(row.GetAll("phone"), context, "phone");
    if (!phones.ok()) {
        return phones.status();
    }
    person.phones = *phones;
    auto organization = CheckedName(row.Get("organization"), "organization", false);
    if (!organization.ok()) {
        return organization.status();
    }
    person.organization = *organization;
    person.owner = row.Get("owner");
    auto custom = CustomAssignments(row, context);
    if (!custom.ok()) {
        return custom.status();
    }
    person.custom_fields = *custom;
    return person;
}

Result<OrganizationRow> ValidateOrganization(const MappedRow& row,
                                             const ValidationContext& context) {
    OrganizationRow org;
    auto id = ParseIdCell(row, "id");
    if (!id.ok()) {
        return id.status();
    }
    org.id = *id;
    auto name = CheckedName(row.Get("name"), "name", !org.id);
    if (!name.ok()) {
        return name.status();
    }
    org.name = *name;
    if (!row.Get("address").empty()) {
        org.address = text::ToNfc(row.Get("address"));
    }
    org.owner = row.Get("owner");
    auto custom = CustomAssignments(row, context);
    if (!custom.ok()) {
        return custom.status();
    }
    org.custom_fields = *custom;
    return org;
}

Result<DealRow> ValidateDeal(const MappedRow& row, const ValidationContext& context) {
    DealRow deal;
    auto id = ParseIdCell(row, "id");
    if (!id.ok()) {
        return id.status();
    }
    deal.id = *id;
    auto title = CheckedName(row.Get("title"), "title", !deal.id);
    if (!title.ok()) {
        return title.status();
    }
    deal.title = *title;
    auto value = OptionalAmount(row, "value");
    if (!value.ok()) {
        return value.status();
    }
    deal.value = *value;
    for (char c : row.Get("currency")) {
        deal.currency += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (!deal.currency.empty() && !IsKnownCurrency(deal.currency)) {
        return InvalidArgument("unknown currency \"" + row.Get("currency") + "\"", "currency");
    }
    if (const std::string& status = row.Get("status"); !status.empty()) {
        deal.status = StatusWord(status);
        if (!deal.status) {
            return InvalidArgument("status \"" + status + "\" is not open, won or lost", "status");
        }
    }
    deal.stage = text::ToNfc(row.Get("stage"));
    if (auto status = StatusWord(deal.stage); status && *status != domain::DealStatus::kOpen) {
        deal.stage_means_status = true;
        deal.status = deal.status.value_or(*status);
    }
    deal.owner = row.Get("owner");
    auto organization = CheckedName(row.Get("organization"), "organization", false);
    auto person = CheckedName(row.Get("person"), "person", false);
    if (!organization.ok() || !person.ok()) {
        return !organization.ok() ? organization.status() : person.status();
    }
    deal.organization = *organization;
    deal.person = *person;
    auto emails = CheckedEmails(row.GetAll("person_email"), "person_email");
    if (!emails.ok()) {
        return emails.status();
    }
    deal.person_email = emails->empty() ? "" : emails->front();
    auto phones = CheckedPhones(row.GetAll("person_phone"), context, "person_phone");
    if (!phones.ok()) {
        return phones.status();
    }
    deal.person_phone = phones->empty() ? "" : phones->front();
    for (auto [field, target] :
         {std::pair{"add_time", &deal.add_time}, std::pair{"won_time", &deal.won_time},
          std::pair{"lost_time", &deal.lost_time}, std::pair{"close_time", &deal.close_time}}) {
        auto instant = OptionalInstant(row, field);
        if (!instant.ok()) {
            return instant.status();
        }
        *target = *instant;
    }
    if (const std::string& text = row.Get("expected_close_date"); !text.empty()) {
        auto date = ParseImportDate(text);
        if (!date.ok()) {
            return InvalidArgument("expected_close_date: " + date.status().message(),
                                   "expected_close_date");
        }
        deal.expected_close_date = *date;
    }
    deal.lost_reason = text::ToNfc(row.Get("lost_reason"));
    if (const std::string& text = row.Get("probability"); !text.empty()) {
        std::string digits = text;
        if (!digits.empty() && digits.back() == '%') {
            digits.pop_back();
        }
        deal.probability = ParseInt(TrimSpaces(digits));
        if (!deal.probability || *deal.probability < 0 || *deal.probability > 100) {
            return InvalidArgument("probability \"" + text + "\" is not 0 to 100", "probability");
        }
    }
    deal.product = text::ToNfc(row.Get("product"));
    deal.product_code = row.Get("product_code");
    if (const std::string& text = row.Get("product_quantity"); !text.empty()) {
        auto amount = NormalizeAmount(text);
        double quantity = 0;
        if (!amount.ok() ||
            std::from_chars(amount->data(), amount->data() + amount->size(), quantity).ec !=
                std::errc() ||
            quantity <= 0) {
            return InvalidArgument("product_quantity \"" + text + "\" is not a positive number",
                                   "product_quantity");
        }
        deal.product_quantity = quantity;
    }
    auto price = OptionalAmount(row, "product_price");
    if (!price.ok()) {
        return price.status();
    }
    deal.product_price = *price;
    auto custom = CustomAssignments(row, context);
    if (!custom.ok()) {
        return custom.status();
    }
    deal.custom_fields = *custom;
    return deal;
}

Result<ActivityRow> ValidateActivity(const MappedRow& row, const ValidationContext& context) {
    (void)context;
    ActivityRow activity;
    auto id = ParseIdCell(row, "id");
    auto deal_id = ParseIdCell(row, "deal_id");
    if (!id.ok() || !deal_id.ok()) {
        return !id.ok() ? id.status() : deal_id.status();
    }
    activity.id = *id;
    activity.deal_id = *deal_id;
    auto subject = CheckedName(row.Get("subject"), "subject", false);
    if (!subject.ok()) {
        return subject.status();
    }
    activity.subject = *subject;
    activity.type = row.Get("type");
    if (const std::string& text = row.Get("due_date"); !text.empty()) {
        auto date = ParseImportDate(text);
        if (!date.ok()) {
            return InvalidArgument("due_date: " + date.status().message(), "due_date");
        }
        activity.due_date = *date;
    }
    if (const std::string& text = row.Get("due_time"); !text.empty()) {
        activity.due_time_minutes = ClockMinutes(text);
        if (!activity.due_time_minutes) {
            return InvalidArgument("due_time \"" + text + "\" is not HH:MM", "due_time");
        }
    }
    if (const std::string& text = row.Get("duration"); !text.empty()) {
        activity.duration_minutes =
            text.find(':') != std::string::npos ? ClockMinutes(text) : ParseInt(text);
        if (!activity.duration_minutes || *activity.duration_minutes < 0) {
            return InvalidArgument("duration \"" + text + "\" is not minutes or HH:MM", "duration");
        }
    }
    if (const std::string& text = row.Get("done"); !text.empty()) {
        activity.done = BoolWord(text);
        if (!activity.done) {
            return InvalidArgument("done \"" + text + "\" is not yes or no", "done");
        }
    }
    activity.note = text::ToNfc(row.Get("note"));
    activity.owner = row.Get("owner");
    auto person = CheckedName(row.Get("person"), "person", false);
    auto organization = CheckedName(row.Get("organization"), "organization", false);
    if (!person.ok() || !organization.ok()) {
        return !person.ok() ? person.status() : organization.status();
    }
    activity.person = *person;
    activity.organization = *organization;
    auto emails = CheckedEmails(row.GetAll("person_email"), "person_email");
    if (!emails.ok()) {
        return emails.status();
    }
    activity.person_email = emails->empty() ? "" : emails->front();
    return activity;
}

}  // namespace pipecrm::importer
