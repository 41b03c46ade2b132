#include "http/errors.hpp"

#include <gtest/gtest.h>

#include <set>

#include "http/router.hpp"

namespace pipecrm::http {
namespace {

TEST(HttpErrors, EveryErrorCodeMapsToAnErrorStatus) {
    for (ErrorCode code : kAllErrorCodes) {
        const int status = HttpStatusFor(code);
        EXPECT_GE(status, 400) << ErrorCodeName(code);
        EXPECT_LE(status, 599) << ErrorCodeName(code);
    }
    EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidArgument), 400);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kUnauthenticated), 401);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kPermissionDenied), 403);
    EXPECT_EQ(HttpStatusFor(ErrorCode::kNotFound), 404);
}

TEST(HttpErrors, BodyNamesTheField) {
    Response response = ErrorResponse(InvalidArgument("title is required", "title"));
    EXPECT_EQ(response.status, 400);
    EXPECT_NE(response.body.find("\"success\":false"), std::string::npos);
    EXPECT_NE(response.body.find("\"error\":\"title is required\""), std::string::npos);
    EXPECT_NE(response.body.find("\"field\":\"title\""), std::string::npos);
}

TEST(HttpErrors, UnauthenticatedCarriesErrorCode401) {
    Response response = ErrorResponse(Unauthenticated("no token"));
    EXPECT_EQ(response.status, 401);
    EXPECT_NE(response.body.find("\"errorCode\":401"), std::string::npos);
}

TEST(Router, MatchesPatternsAndCapturesParameters) {
    Router router;
    int called = 0;
    router.Add("GET", "/api/v2/deals/{id}", [&](const RouteContext&, Responder) { ++called; });
    Router::Match match = router.Find("GET", "/api/v2/deals/42");
    ASSERT_NE(match.route, nullptr);
    ASSERT_EQ(match.params.size(), 1u);
    EXPECT_EQ(match.params[0], "42");
    Router::Match wrong_method = router.Find("PUT", "/api/v2/deals/42");
    EXPECT_EQ(wrong_method.route, nullptr);
    EXPECT_TRUE(wrong_method.path_known);
    EXPECT_EQ(router.Find("GET", "/api/v2/deals").route, nullptr);
}

TEST(Router, IdParameterMustBePositive) {
    Request request;
    for (std::string_view text : {"0", "-1", "abc", "12x", ""}) {
        RouteContext context{request, nullptr, {text}};
        auto id = context.IdParam(0);
        EXPECT_FALSE(id.ok()) << text;
        EXPECT_EQ(id.status().code(), ErrorCode::kNotFound);
    }
}

}  // namespace
}  // namespace pipecrm::http
