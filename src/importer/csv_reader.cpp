#include "importer/csv_reader.hpp"

#include <array>

namespace pipecrm::importer {
namespace {

constexpr std::array<char, 4> kDelimiters = {',', ';', '\t', '|'};

// Length of the UTF-8 sequence starting at text[i], or 0 when it is not a valid one
// (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t Utf8SequenceLength(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        return 1;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (i + length > text.size()) {
        return 0;
    }
    if (byte(i + 1) < low || byte(i + 1) > high) {
        return 0;
    }
    for (std::size_t k = 2; k < length; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) {
            return 0;
        }
    }
    return length;
}

// Field counts of the first few records for one delimiter (quotes respected).
std::vector<int> FieldCounts(std::string_view text, char delimiter, int max_records) {
    std::vector<int> counts;
    int fields = 1;
    bool quoted = false;
    bool blank = true;
    for (std::size_t i = 0; i < text.size() && static_cast<int>(counts.size()) < max_records; ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                quoted = false;
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            blank = false;
        } else if (c == delimiter) {
            ++fields;
            blank = false;
        } else if (c == '\n' || c == '\r') {
            if (!blank) {
                counts.push_back(fields);
            }
            fields = 1;
            blank = true;
        } else {
            blank = false;
        }
    }
    if (!blank && static_cast<int>(counts.size()) < max_records) {
        counts.push_back(fields);
    }
    return counts;
}

char GuessDelimiter(std::string_view text) {
    char best = ',';
    int best_score = 0;
    bool best_consistent = false;
    for (char delimiter : kDelimiters) {
        const std::vector<int> counts = FieldCounts(text, delimiter, 10);
        if (counts.empty() || counts.front() < 2) {
            continue;
        }
        bool consistent = true;
        for (int count : counts) {
            consistent = consistent && count == counts.front();
        }
        const int score = counts.front();
        if ((consistent && !best_consistent) ||
            (consistent == best_consistent && score > best_score)) {
            best = delimiter;
            best_score = score;
            best_consistent = consistent;
        }
    }
    return best;
}

Status NotUtf8(std::int64_t line) {
    return InvalidArgument("line " + std::to_string(line) +
                               " is not UTF-8 text; save the file as CSV UTF-8 and try again",
                           "line " + std::to_string(line));
}

}  // namespace

CsvReader::CsvReader(std::string_view text) : text_(text) {
    if (text_.size() >= 2 && ((text_[0] == '\xFF' && text_[1] == '\xFE') ||
                              (text_[0] == '\xFE' && text_[1] == '\xFF'))) {
        encoding_error_ = InvalidArgument(
            "line 1: the file is UTF-16; save it as CSV UTF-8 and try again", "line 1");
    }
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
        pos_ = 3;
    }
    delimiter_ = GuessDelimiter(text_.substr(pos_, 64 * 1024));
}

Result<std::optional<CsvRecord>> CsvReader::Next() {
    CsvRecord record;
    auto read = Read(&record);
    if (!read.ok()) {
        return read.status();
    }
    if (!*read) {
        return std::optional<CsvRecord>();
    }
    return std::optional<CsvRecord>(std::move(record));
}

Result<bool> CsvReader::Skip() {
    return Read(nullptr);
}

Result<bool> CsvReader::Read(CsvRecord* record) {
    if (encoding_error_) {
        return *encoding_error_;
    }
    // Blank lines between records are skipped.
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
        if (text_[pos_] == '\n' ||
            (text_[pos_] == '\r' && (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '\n'))) {
            ++line_;
        }
        ++pos_;
    }
    if (pos_ >= text_.size()) {
        return false;
    }
    const std::int64_t first_line = line_;
    if (record != nullptr) {
        record->line = first_line;
    }
    // Without a record the text is only checked: nothing is copied, only whether the field
    // has anything yet is followed (it decides what a quote means).
    std::string field;
    bool field_empty = true;
    const auto append = [&](std::string_view text) {
        if (record != nullptr) {
            field.append(text);
        }
        field_empty = false;
    };
    bool quoted = false;
    bool after_quote = false;  // the field was quoted and its closing quote was read
    while (pos_ < text_.size()) {
        // A run of ASCII bytes that mean nothing to CSV here (most of most files) at once.
        std::size_t run = pos_;
        while (run < text_.size()) {
            const auto b = static_cast<unsigned char>(text_[run]);
            if (b >= 0x80 || b == '"' || b == '\n' || b == '\r' ||
                b == static_cast<unsigned char>(delimiter_)) {
                break;
            }
            ++run;
        }
        if (run > pos_) {
            append(text_.substr(pos_, run - pos_));
            pos_ = run;
            continue;
        }
        const std::size_t length = Utf8SequenceLength(text_, pos_);
        if (length == 0) {
            return NotUtf8(line_);
        }
        const char c = text_[pos_];
        if (length > 1) {
            append(text_.substr(pos_, length));
            pos_ += length;
            continue;
        }
        ++pos_;
        if (quoted) {
            if (c == '"') {
                if (pos_ < text_.size() && text_[pos_] == '"') {
                    append("\"");
                    ++pos_;
                } else {
                    quoted = false;
                    after_quote = true;
                }
            } else {
                if (c == '\n') {
                    ++line_;
                }
                append(std::string_view(&c, 1));
            }
            continue;
        }
        if (c == delimiter_) {
            if (record != nullptr) {
                record->fields.push_back(std::move(field));
                field.clear();
            }
            field_empty = true;
            after_quote = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') {
                ++pos_;
            }
            ++line_;
            break;
        } else if (c == '"' && field_empty && !after_quote) {
            quoted = true;
        } else {
            // Text after a closing quote, or a quote inside an unquoted field.
            append(std::string_view(&c, 1));
        }
    }
    if (quoted) {
        return InvalidArgument("line " + std::to_string(first_line) +
                                   ": a quoted field is never closed (a \" is missing)",
                               "line " + std::to_string(first_line));
    }
    if (record != nullptr) {
        record->fields.push_back(std::move(field));
    }
    return true;
}

}  // namespace pipecrm::importer
