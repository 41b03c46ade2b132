-- CSV imports started over the API (issue 8): each job's options, progress, summary and
-- rejected rows, so that its progress survives leaving the page (and a restart of the server).
CREATE TABLE import_jobs (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    dry_run INTEGER NOT NULL DEFAULT 0,
    on_duplicate TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    rows_total INTEGER NOT NULL DEFAULT 0,
    rows_done INTEGER NOT NULL DEFAULT 0,
    created INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    organizations_created INTEGER NOT NULL DEFAULT 0,
    persons_created INTEGER NOT NULL DEFAULT 0,
    ignored_columns TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    rejected_csv TEXT NOT NULL DEFAULT '',
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL,
    finish_time INTEGER
);
CREATE INDEX import_jobs_workspace ON import_jobs(workspace_id, id);
CREATE INDEX import_jobs_running ON import_jobs(status) WHERE status = 'running';
