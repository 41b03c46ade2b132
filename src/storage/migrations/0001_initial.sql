-- 0001: the first schema. Every table carries workspace_id; every index starts with it.
CREATE TABLE workspaces (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL DEFAULT 0, -- equals id; keeps the every-table rule
    name TEXT NOT NULL,
    language TEXT NOT NULL,
    default_currency TEXT NOT NULL,
    phone_region TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    add_time INTEGER NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL DEFAULT '',
    default_currency TEXT NOT NULL,
    locale TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE UNIQUE INDEX users_email ON users(workspace_id, email);
CREATE INDEX users_email_any ON users(email);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    token_hash TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    add_time INTEGER NOT NULL,
    last_used_time INTEGER,
    revoked_time INTEGER
);
CREATE UNIQUE INDEX api_tokens_hash ON api_tokens(token_hash);
CREATE INDEX api_tokens_user ON api_tokens(workspace_id, user_id);

CREATE TABLE pipelines (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    order_nr INTEGER NOT NULL,
    is_deal_probability_enabled INTEGER NOT NULL DEFAULT 1,
    is_deleted INTEGER NOT NULL DEFAULT 0,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE INDEX pipelines_ws ON pipelines(workspace_id, order_nr);

CREATE TABLE stages (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    pipeline_id INTEGER NOT NULL REFERENCES pipelines(id),
    name TEXT NOT NULL,
    order_nr INTEGER NOT NULL,
    deal_probability INTEGER NOT NULL,
    is_deal_rot_enabled INTEGER NOT NULL DEFAULT 0,
    days_to_rotten INTEGER,
    is_deleted INTEGER NOT NULL DEFAULT 0,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE INDEX stages_pipeline ON stages(workspace_id, pipeline_id, order_nr);

CREATE TABLE organizations (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    owner_id INTEGER NOT NULL REFERENCES users(id),
    address TEXT NOT NULL DEFAULT '',
    visible_to INTEGER NOT NULL,
    search_text TEXT NOT NULL DEFAULT '',  -- name and address, folded for search
    is_deleted INTEGER NOT NULL DEFAULT 0,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE INDEX organizations_ws ON organizations(workspace_id, id);

CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    owner_id INTEGER NOT NULL REFERENCES users(id),
    org_id INTEGER REFERENCES organizations(id),
    visible_to INTEGER NOT NULL,
    search_text TEXT NOT NULL DEFAULT '',  -- name and emails, folded for search
    is_deleted INTEGER NOT NULL DEFAULT 0,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE INDEX persons_ws ON persons(workspace_id, id);
CREATE INDEX persons_org ON persons(workspace_id, org_id);

-- A person's emails and phones, in the order given.
CREATE TABLE person_contacts (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    person_id INTEGER NOT NULL REFERENCES persons(id),
    kind TEXT NOT NULL CHECK (kind IN ('email', 'phone')),
    value TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    is_primary INTEGER NOT NULL DEFAULT 0,
    normalized TEXT NOT NULL DEFAULT ''  -- folded email, or the phone in E.164
);
CREATE INDEX person_contacts_person ON person_contacts(workspace_id, person_id);
CREATE INDEX person_contacts_value ON person_contacts(workspace_id, kind, normalized);

CREATE TABLE deals (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    title TEXT NOT NULL,
    value INTEGER NOT NULL,          -- minor units of currency
    currency TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'won', 'lost', 'deleted')),
    pipeline_id INTEGER NOT NULL REFERENCES pipelines(id),
    stage_id INTEGER NOT NULL REFERENCES stages(id),
    owner_id INTEGER NOT NULL REFERENCES users(id),
    creator_user_id INTEGER NOT NULL REFERENCES users(id),
    person_id INTEGER REFERENCES persons(id),
    org_id INTEGER REFERENCES organizations(id),
    expected_close_date INTEGER,     -- days since 1970-01-01
    probability INTEGER,
    lost_reason TEXT NOT NULL DEFAULT '',
    visible_to INTEGER NOT NULL,
    search_text TEXT NOT NULL DEFAULT '',  -- the title, folded for search
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL,
    stage_change_time INTEGER,
    won_time INTEGER,
    lost_time INTEGER,
    close_time INTEGER
);
-- In id order within a stage or pipeline, so a page of a column needs no sort; the status is
-- checked on the rows as they come.
CREATE INDEX deals_stage ON deals(workspace_id, stage_id, id);
CREATE INDEX deals_pipeline ON deals(workspace_id, pipeline_id, id);
CREATE INDEX deals_owner ON deals(workspace_id, owner_id, id);
CREATE INDEX deals_update_time ON deals(workspace_id, update_time, id);
-- Partial: many deals have no person or organization, and those need no entry.
CREATE INDEX deals_person ON deals(workspace_id, person_id) WHERE person_id IS NOT NULL;
CREATE INDEX deals_org ON deals(workspace_id, org_id) WHERE org_id IS NOT NULL;

-- Append-only: nothing updates or deletes these rows (triggers below refuse it).
CREATE TABLE deal_events (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    deal_id INTEGER NOT NULL REFERENCES deals(id),
    kind TEXT NOT NULL,
    actor_user_id INTEGER NOT NULL,
    at INTEGER NOT NULL,
    from_stage_id INTEGER,
    to_stage_id INTEGER,
    from_pipeline_id INTEGER,
    to_pipeline_id INTEGER,
    from_value INTEGER,
    to_value INTEGER,
    currency TEXT NOT NULL DEFAULT '',
    from_owner_id INTEGER,
    to_owner_id INTEGER,
    lost_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX deal_events_deal ON deal_events(workspace_id, deal_id, id);
CREATE INDEX deal_events_at ON deal_events(workspace_id, at);
CREATE TRIGGER deal_events_no_update BEFORE UPDATE ON deal_events
BEGIN SELECT RAISE(ABORT, 'deal_events is append-only'); END;
CREATE TRIGGER deal_events_no_delete BEFORE DELETE ON deal_events
BEGIN SELECT RAISE(ABORT, 'deal_events is append-only'); END;

CREATE TABLE activity_types (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    key_string TEXT NOT NULL,
    name TEXT NOT NULL,
    icon_key TEXT NOT NULL,
    order_nr INTEGER NOT NULL,
    is_custom INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX activity_types_key ON activity_types(workspace_id, key_string);

CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    subject TEXT NOT NULL,
    type TEXT NOT NULL,
    owner_id INTEGER NOT NULL REFERENCES users(id),
    creator_user_id INTEGER NOT NULL REFERENCES users(id),
    deal_id INTEGER REFERENCES deals(id),
    person_id INTEGER REFERENCES persons(id),
    org_id INTEGER REFERENCES organizations(id),
    due_date INTEGER,
    due_time_minutes INTEGER,
    duration_minutes INTEGER,
    done INTEGER NOT NULL DEFAULT 0,
    marked_as_done_time INTEGER,
    note TEXT NOT NULL DEFAULT '',
    is_deleted INTEGER NOT NULL DEFAULT 0,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE INDEX activities_deal ON activities(workspace_id, deal_id) WHERE deal_id IS NOT NULL;
CREATE INDEX activities_person ON activities(workspace_id, person_id) WHERE person_id IS NOT NULL;
CREATE INDEX activities_org ON activities(workspace_id, org_id) WHERE org_id IS NOT NULL;
CREATE INDEX activities_update_time ON activities(workspace_id, update_time, id);
CREATE INDEX activities_owner_due ON activities(workspace_id, owner_id, done, due_date);

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    content TEXT NOT NULL,
    deal_id INTEGER REFERENCES deals(id),
    person_id INTEGER REFERENCES persons(id),
    org_id INTEGER REFERENCES organizations(id),
    is_deleted INTEGER NOT NULL DEFAULT 0,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE INDEX notes_deal ON notes(workspace_id, deal_id) WHERE deal_id IS NOT NULL;
CREATE INDEX notes_person ON notes(workspace_id, person_id) WHERE person_id IS NOT NULL;
CREATE INDEX notes_org ON notes(workspace_id, org_id) WHERE org_id IS NOT NULL;
CREATE INDEX notes_add_time ON notes(workspace_id, add_time, id);

CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    name TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    tax REAL NOT NULL DEFAULT 0,          -- percent
    description TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    is_linkable INTEGER NOT NULL DEFAULT 1,
    visible_to INTEGER NOT NULL DEFAULT 7,
    owner_id INTEGER NOT NULL REFERENCES users(id),
    search_text TEXT NOT NULL DEFAULT '',  -- name and code, folded for search
    is_deleted INTEGER NOT NULL DEFAULT 0,
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE INDEX products_ws ON products(workspace_id, id);
CREATE INDEX products_update_time ON products(workspace_id, update_time, id);

-- A product's price in each currency it is sold in (minor units).
CREATE TABLE product_prices (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    product_id INTEGER NOT NULL REFERENCES products(id),
    currency TEXT NOT NULL,
    price INTEGER NOT NULL,
    cost INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX product_prices_currency ON product_prices(workspace_id, product_id, currency);

CREATE TABLE deal_products (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER NOT NULL REFERENCES workspaces(id),
    deal_id INTEGER NOT NULL REFERENCES deals(id),
    product_id INTEGER NOT NULL REFERENCES products(id),
    item_price INTEGER NOT NULL,
    quantity REAL NOT NULL,
    discount REAL NOT NULL DEFAULT 0,
    discount_type TEXT NOT NULL DEFAULT 'percentage',
    tax REAL NOT NULL DEFAULT 0,
    tax_method TEXT NOT NULL DEFAULT 'none',
    is_enabled INTEGER NOT NULL DEFAULT 1,
    comments TEXT NOT NULL DEFAULT '',
    add_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL
);
CREATE INDEX deal_products_deal ON deal_products(workspace_id, deal_id);
