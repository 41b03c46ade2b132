# Writes OUTPUT: a C++ file defining NAMESPACE::AllMigrations() (declared in HEADER) from the
# numbered SQL files in DIR (NNNN_name.sql). NAMESPACE and HEADER default to the SQLite ones.
# Run at build time, so a new or changed file rebuilds.
if(NOT NAMESPACE)
  set(NAMESPACE pipecrm::storage)
endif()
if(NOT HEADER)
  set(HEADER storage/sqlite/migrations.hpp)
endif()
file(GLOB files "${DIR}/[0-9][0-9][0-9][0-9]_*.sql")
list(SORT files)
set(body "")
foreach(path IN LISTS files)
  get_filename_component(name "${path}" NAME_WE)
  string(SUBSTRING "${name}" 0 4 number)
  math(EXPR number "${number}")  # drops leading zeros
  file(READ "${path}" sql)
  string(APPEND body "        {${number}, \"${name}\", R\"pipecrm_sql(${sql})pipecrm_sql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from ${DIR} by embed_migrations.cmake. Do not edit.
#include \"${HEADER}\"

namespace ${NAMESPACE} {

const std::vector<Migration>& AllMigrations() {
    static const std::vector<Migration> kMigrations = {
${body}    };
    return kMigrations;
}

}  // namespace ${NAMESPACE}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
