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

std::string_view ${SYMBOL}() {
    // An array and its size: a string_view from a pointer would count the characters in a
    // constexpr loop, which GCC caps at 262144 iterations.
    static constexpr char kText[] = R\"pipecrm_text(${text})pipecrm_text\";
    return {kText, sizeof kText - 1};
}

}  // namespace ${NAMESPACE}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
