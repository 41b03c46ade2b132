-- Dated exchange rates into each workspace's base currency (issue 7): how many units of the
-- base currency (workspaces.default_currency) one unit of `currency` is worth on `rate_date`.
-- Rows are never updated: changing a rate adds a version with a later entered_time, so a
-- closed deal keeps converting with the version that was current when it closed.
CREATE TABLE exchange_rates (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    currency TEXT NOT NULL,
    rate_date INTEGER NOT NULL,      -- days since 1970-01-01
    rate TEXT NOT NULL,              -- decimal text, e.g. '25400.5'
    entered_by INTEGER,                -- the user who entered it; NULL for the command line
    entered_time INTEGER NOT NULL
);
CREATE INDEX exchange_rates_lookup ON exchange_rates(workspace_id, currency, rate_date, id);
