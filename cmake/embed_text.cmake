# Writes OUTPUT: a C++ file defining `std::string_view SYMBOL()` in NAMESPACE with the text of
# INPUT, so a document ships inside the binary. Run at build time; rebuilt when INPUT changes.
file(READ "${INPUT}" text)
string(FIND "${text}" ")pipecrm_text\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter")
endif()
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT} by cmake/embed_text.cmake. Do not edit.
#include <string_view>

namespace ${NAMESPACE} {

// The length comes from sizeof: a constexpr string_view would count the characters at compile
// time, which fails past GCC's constexpr loop limit (262,144) for a long document.
std::string_view ${SYMBOL}() {
    static constexpr char kText[] = R\"pipecrm_text(${text})pipecrm_text\";
    return std::string_view(kText, sizeof kText - 1);
}

}  // namespace ${NAMESPACE}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
