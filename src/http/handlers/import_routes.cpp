// CSV import as a job and CSV export (issue 8), for the web app's upload, mapping, progress and
// result screens:
//   POST /api/v1/imports/preview  the header, what each column would fill, the first rows
//   POST /api/v1/imports          starts an import job (201 with the job)
//   GET  /api/v1/imports          the caller's recent imports, newest first (offset pages)
//   GET  /api/v1/imports/{id}     its progress and, once finished, its summary
//   GET  /api/v1/imports/{id}/rejected   its rejected rows as CSV
//   GET  /api/v1/exports/{kind}   persons, organizations, deals, activities or notes as CSV
// The file is the request body as is; the options are query parameters (kind, map (repeated
// CSVCOL=FIELD), on_duplicate, dry_run, pipeline_id, file_name).
#include <memory>

#include "http/api.hpp"
#include "http/handlers/handler_support.hpp"
#include "importer/exporter.hpp"
#include "importer/import_jobs.hpp"
#include "importer/preview.hpp"

namespace pipecrm::http {
namespace {

Result<importer::ImportOptions> ParseOptions(const Request& request) {
    importer::ImportOptions options;
    const std::string* kind = request.Query("kind");
    auto parsed = kind ? importer::ParseImportKind(*kind) : std::nullopt;
    if (!parsed) {
        return InvalidArgument("kind must be persons, organizations, deals or activities", "kind");
    }
    options.kind = *parsed;
    for (const auto& [name, value] : request.query) {
        if (name == "map") {
            options.map.push_back(value);
        }
    }
    if (const std::string* on_duplicate = request.Query("on_duplicate")) {
        auto value = importer::ParseOnDuplicate(*on_duplicate);
        if (!value) {
            return InvalidArgument("on_duplicate must be skip, update or create", "on_duplicate");
        }
        options.on_duplicate = *value;
    }
    auto dry_run = QueryBool(request, "dry_run");
    if (!dry_run.ok()) {
        return dry_run.status();
    }
    options.dry_run = dry_run->value_or(false);
    auto pipeline = QueryId(request, "pipeline_id");
    if (!pipeline.ok()) {
        return pipeline.status();
    }
    options.pipeline_id = *pipeline;
    return options;
}

void WriteJob(JsonWriter& w, const domain::ImportJob& job) {
    w.StartObject();
    w.Key("id").Int(job.id);
    w.Key("kind").String(job.kind);
    w.Key("status").String(domain::ImportJobStatusName(job.status));
    w.Key("file_name").String(job.file_name);
    w.Key("dry_run").Bool(job.dry_run);
    w.Key("on_duplicate").String(job.on_duplicate);
    w.Key("user_id").Int(job.user_id);
    w.Key("rows_total").Int(job.rows_total);
    w.Key("rows_done").Int(job.rows_done);
    w.Key("created").Int(job.created);
    w.Key("updated").Int(job.updated);
    w.Key("skipped").Int(job.skipped);
    w.Key("rejected").Int(job.rejected);
    w.Key("organizations_created").Int(job.organizations_created);
    w.Key("persons_created").Int(job.persons_created);
    w.Key("ignored_columns").StartArray();
    for (std::size_t start = 0;
         !job.ignored_columns.empty() && start <= job.ignored_columns.size();) {
        const auto end = job.ignored_columns.find('\n', start);
        w.String(std::string_view(job.ignored_columns).substr(start, end - start));
        if (end == std::string::npos) {
            break;
        }
        start = end + 1;
    }
    w.EndArray();
    w.Key("error").StringOrNull(job.error);
    w.Key("add_time").Rfc3339(job.add_time);
    w.Key("update_time").Rfc3339(job.update_time);
    w.Key("finish_time").Rfc3339(job.finish_time);
    w.EndObject();
}

void WritePreview(JsonWriter& w, const importer::ImportPreview& preview) {
    w.StartObject();
    w.Key("delimiter").String(std::string(1, preview.delimiter));
    w.Key("rows_total").Int(preview.rows_total);
    w.Key("columns").StartArray();
    for (std::size_t i = 0; i < preview.header.size(); ++i) {
        const importer::ColumnTarget& target = preview.mapping.columns[i];
        w.StartObject();
        w.Key("header").String(preview.header[i]);
        w.Key("field").StringOrNull(target.field);
        w.Key("custom_field_key").StringOrNull(target.custom_key);
        w.EndObject();
    }
    w.EndArray();
    w.Key("fields").StartArray();
    for (const std::string& field : importer::StandardFields(preview.kind)) {
        w.String(field);
    }
    w.EndArray();
    w.Key("custom_fields").StartArray();
    for (const domain::CustomField& field : preview.custom_fields) {
        w.StartObject().Key("key").String(field.key).Key("name").String(field.name).EndObject();
    }
    w.EndArray();
    w.Key("rows").StartArray();
    for (const std::vector<std::string>& row : preview.rows) {
        w.StartArray();
        for (const std::string& cell : row) {
            w.String(cell);
        }
        w.EndArray();
    }
    w.EndArray();
    w.Key("problems").StartArray();
    for (const Status& problem : preview.problems) {
        if (problem.ok()) {
            w.Null();
            continue;
        }
        w.StartObject();
        w.Key("reason").String(problem.message());
        w.Key("field").StringOrNull(problem.field());
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

Response CsvResponse(std::string csv, const std::string& file_name) {
    Response response;
    response.content_type = "text/csv; charset=utf-8";
    response.body = std::move(csv);
    response.headers.emplace_back("Content-Disposition",
                                  "attachment; filename=\"" + file_name + "\"");
    return response;
}

// GET of one job the caller started (any job of the workspace for an admin), answered with
// `render(job)`. A job's rejected rows hold the file's data, so other users get 404.
template <typename Render>
RouteHandler JobRoute(domain::Store& store, Render render) {
    return [&store, render](const RouteContext& ctx, Responder respond) {
        auto id = ctx.IdParam(0);
        if (!id.ok()) {
            respond(ErrorResponse(id.status()));
            return;
        }
        const domain::User& caller = ctx.principal->user;
        ReadThen<domain::ImportJob>(
            store,
            [&](domain::Repositories& repos) -> Result<domain::ImportJob> {
                auto job = repos.ImportJobs().Get(caller.workspace_id, *id);
                if (job.ok() && job->user_id != caller.id && caller.role != domain::Role::kAdmin) {
                    return NotFound("import job " + std::to_string(*id) + " not found");
                }
                return job;
            },
            render, respond);
    };
}

}  // namespace

void AddImportRoutes(Router& router, const ApiServices& services) {
    domain::Store& store = services.store;
    // Shared by the route handlers below, which the router keeps for the life of the Api; the
    // last one destroyed stops the imports still running and waits for them.
    auto runner = std::make_shared<importer::ImportJobRunner>(store, services.clock);

    router.Add("POST", "/api/v1/imports/preview",
               [&store](const RouteContext& ctx, Responder respond) {
                   auto options = ParseOptions(ctx.request);
                   if (!options.ok()) {
                       respond(ErrorResponse(options.status()));
                       return;
                   }
                   auto preview =
                       importer::PreviewImport(store, ActorOf(ctx), ctx.request.body, *options, 10);
                   if (!preview.ok()) {
                       respond(ErrorResponse(preview.status()));
                       return;
                   }
                   JsonWriter w;
                   WritePreview(w, *preview);
                   respond(SuccessResponse(w.Take()));
               });
    router.Add("POST", "/api/v1/imports", [runner](const RouteContext& ctx, Responder respond) {
        auto options = ParseOptions(ctx.request);
        if (!options.ok()) {
            respond(ErrorResponse(options.status()));
            return;
        }
        const std::string* file_name = ctx.request.Query("file_name");
        auto job =
            runner->Start(ActorOf(ctx), ctx.request.body, file_name ? *file_name : "", *options);
        respond(job.ok() ? SuccessResponse(ToJson(*job, WriteJob), 201)
                         : ErrorResponse(job.status()));
    });
    router.Add("GET", "/api/v1/imports", [&store](const RouteContext& ctx, Responder respond) {
        auto page = QueryOffsetPage(ctx.request);
        if (!page.ok()) {
            respond(ErrorResponse(page.status()));
            return;
        }
        const auto [start, limit] = *page;
        const domain::User& user = ctx.principal->user;
        ReadThen<std::vector<domain::ImportJob>>(
            store,
            [&](domain::Repositories& repos) {
                return repos.ImportJobs().ListByUser(user.workspace_id, user.id, start, limit);
            },
            [&](std::vector<domain::ImportJob>& jobs) {
                const bool more = jobs.size() > static_cast<std::size_t>(limit);
                if (more) {
                    jobs.pop_back();
                }
                return SuccessResponse(ToJsonArray(jobs, WriteJob), 200,
                                       OffsetPagination(start, limit, more));
            },
            respond);
    });
    router.Add("GET", "/api/v1/imports/{id}", JobRoute(store, [](const domain::ImportJob& job) {
                   return SuccessResponse(ToJson(job, WriteJob));
               }));
    router.Add("GET", "/api/v1/imports/{id}/rejected",
               JobRoute(store, [](const domain::ImportJob& job) {
                   return CsvResponse(
                       job.rejected_csv,
                       (job.file_name.empty() ? "import" : job.file_name) + ".rejected.csv");
               }));
    router.Add(
        "GET", "/api/v1/exports/{kind}", [&store](const RouteContext& ctx, Responder respond) {
            const std::string kind_name(ctx.params[0]);
            auto kind = importer::ParseExportKind(kind_name);
            if (!kind) {
                respond(ErrorResponse(
                    NotFound("exports are of persons, organizations, deals, activities or notes")));
                return;
            }
            const Id workspace_id = ActorOf(ctx).workspace_id;
            std::string csv;
            Status status = store.Read([&](domain::Repositories& repos) {
                return importer::ExportCsv(repos, workspace_id, *kind,
                                           [&csv](std::string_view chunk) { csv += chunk; });
            });
            respond(status.ok() ? CsvResponse(std::move(csv), kind_name + ".csv")
                                : ErrorResponse(status));
        });
}

}  // namespace pipecrm::http
