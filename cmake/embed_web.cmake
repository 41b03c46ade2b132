# Writes OUTPUT: a C++ file defining `std::span<const pipecrm::http::WebAsset> EmbeddedWebAssets()`
# with every file under DIR (the built web app), each with its URL path, content type and an
# ETag (the first 16 hex digits of its SHA-256). Run at build time after the web build.
file(GLOB_RECURSE files RELATIVE "${DIR}" "${DIR}/*")
cmake_policy(SET CMP0057 NEW)
list(SORT files)
if(NOT "index.html" IN_LIST files)
  message(FATAL_ERROR "${DIR} has no index.html: the web build failed")
endif()
set(arrays "")
set(entries "")
set(index 0)
foreach(file IN LISTS files)
  get_filename_component(ext "${file}" LAST_EXT)
  string(TOLOWER "${ext}" ext)
  if(ext STREQUAL ".html")
    set(type "text/html; charset=utf-8")
  elseif(ext STREQUAL ".js")
    set(type "text/javascript; charset=utf-8")
  elseif(ext STREQUAL ".css")
    set(type "text/css; charset=utf-8")
  elseif(ext STREQUAL ".svg")
    set(type "image/svg+xml")
  elseif(ext STREQUAL ".png")
    set(type "image/png")
  elseif(ext STREQUAL ".woff2")
    set(type "font/woff2")
  elseif(ext STREQUAL ".txt")
    set(type "text/plain; charset=utf-8")
  else()
    set(type "application/octet-stream")
  endif()
  file(SHA256 "${DIR}/${file}" digest)
  string(SUBSTRING "${digest}" 0 16 etag)
  file(READ "${DIR}/${file}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  # One line per 32 bytes keeps the generated file readable to a compiler error message.
  string(REGEX REPLACE "((0x..,){32})" "\\1\n" bytes "${bytes}")
  string(APPEND arrays "// ${file}\nconst unsigned char kAsset${index}[] = {\n${bytes}0};\n")
  string(APPEND entries "    {\"/${file}\", \"${type}\", \"\\\"${etag}\\\"\", "
                        "{reinterpret_cast<const char*>(kAsset${index}), ${size}}},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from ${DIR} by cmake/embed_web.cmake. Do not edit.
#include \"http/web_asset.hpp\"

namespace pipecrm::http {
namespace {

${arrays}
const WebAsset kAssets[] = {
${entries}};

}  // namespace

std::span<const WebAsset> EmbeddedWebAssets() { return kAssets; }

}  // namespace pipecrm::http
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
