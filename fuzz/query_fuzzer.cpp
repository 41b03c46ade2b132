// Query strings: any bytes through the query-string parser and the typed parameter readers.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/query_params.hpp"
#include "http/server.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    pipecrm::http::Request request;
    request.query = pipecrm::http::ParseQueryString(text);
    request.path = pipecrm::http::PercentDecode(text, false);
    (void)pipecrm::http::QueryListOptions(
        request, {{"id", pipecrm::domain::SortField::kId},
                  {"update_time", pipecrm::domain::SortField::kUpdateTime}});
    for (const char* name : {"stage_id", "owner_id", "ids", "updated_since", "cursor"}) {
        (void)pipecrm::http::QueryId(request, name);
        (void)pipecrm::http::QueryIdList(request, name);
        (void)pipecrm::http::QueryInstant(request, name);
        (void)pipecrm::http::QueryWords(request, name);
    }
    return 0;
}
