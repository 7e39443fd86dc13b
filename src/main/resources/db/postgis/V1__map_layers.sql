-- The map layers for GIS tools (QGIS), DERIVED from the ledger. The ledger is the only source of
-- truth: these tables hold nothing the ledger does not, are written only by Truce (PostgisLayers),
-- and are truncated and refilled by `truce map export-postgis`. Never edit them by hand.
CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public;
SET search_path TO truce_gis, public;

-- Every declared feature, drawn or not.
CREATE TABLE features (
    feature_id   text PRIMARY KEY,
    kind         text NOT NULL,
    class        text NOT NULL,
    name_en      text,
    names        jsonb NOT NULL,
    place        text,
    illustrative boolean NOT NULL,
    seq          bigint NOT NULL UNIQUE
);

-- Status reports of points (checkpoints, crossings, heritage sites), one row per report.
CREATE TABLE point_status (
    seq         bigint PRIMARY KEY,
    status_id   text NOT NULL UNIQUE,
    feature_id  text NOT NULL,
    status      text NOT NULL,
    valid_from  date NOT NULL,
    source      text NOT NULL,
    document    jsonb,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX point_status_feature ON point_status (feature_id, valid_from);

-- One row: how far the tables have followed the ledger, and whether a write failed since the last rebuild.
CREATE TABLE layers_state (
    id            boolean PRIMARY KEY DEFAULT true CHECK (id),
    ledger_origin text,
    last_seq      bigint,
    stale         boolean NOT NULL DEFAULT false,
    stale_reason  text
);
INSERT INTO layers_state (id) VALUES (true);

-- Layer "line": every geometry version ever recorded (the history), one row per ledger entry.
CREATE TABLE line_history (
    seq           bigint PRIMARY KEY,       -- the ledger entry that recorded this version
    version_id    text NOT NULL UNIQUE,
    feature_id    text NOT NULL,
    kind          text NOT NULL CHECK (kind = 'line'),
    class         text NOT NULL,
    name_en       text,                      -- label: the common English name, else every side's joined with ' / '
    names         jsonb NOT NULL,            -- every name: [{lang, name, usedBy}], per language and side
    place         text,
    illustrative  boolean NOT NULL,          -- a sketch, not authoritative
    valid_from    date,                      -- [valid_from, valid_to), null: unbounded
    valid_to      date,
    version       text,
    party         text,
    controlled_by text,
    source        text,
    document      jsonb,
    recorded_at   timestamptz NOT NULL,
    length_km double precision, -- Truce's geodesic length (WGS84)
    geom          geometry(MultiLineString, 4326) NOT NULL
);
CREATE INDEX line_history_geom ON line_history USING gist (geom);
CREATE INDEX line_history_valid ON line_history (valid_from, valid_to);

-- Layer "line" as of today (the database's current_date): the versions valid today.
CREATE VIEW line_today AS
    SELECT * FROM line_history
    WHERE (valid_from IS NULL OR valid_from <= current_date) AND (valid_to IS NULL OR current_date < valid_to);

-- Layer "zone": every geometry version ever recorded (the history), one row per ledger entry.
CREATE TABLE zone_history (
    seq           bigint PRIMARY KEY,       -- the ledger entry that recorded this version
    version_id    text NOT NULL UNIQUE,
    feature_id    text NOT NULL,
    kind          text NOT NULL CHECK (kind = 'zone'),
    class         text NOT NULL,
    name_en       text,                      -- label: the common English name, else every side's joined with ' / '
    names         jsonb NOT NULL,            -- every name: [{lang, name, usedBy}], per language and side
    place         text,
    illustrative  boolean NOT NULL,          -- a sketch, not authoritative
    valid_from    date,                      -- [valid_from, valid_to), null: unbounded
    valid_to      date,
    version       text,
    party         text,
    controlled_by text,
    source        text,
    document      jsonb,
    recorded_at   timestamptz NOT NULL,
    area_ha double precision, -- Truce's geodesic area (WGS84)
    geom          geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX zone_history_geom ON zone_history USING gist (geom);
CREATE INDEX zone_history_valid ON zone_history (valid_from, valid_to);

-- Layer "zone" as of today (the database's current_date): the versions valid today.
CREATE VIEW zone_today AS
    SELECT * FROM zone_history
    WHERE (valid_from IS NULL OR valid_from <= current_date) AND (valid_to IS NULL OR current_date < valid_to);

-- Layer "point": every geometry version ever recorded (the history), one row per ledger entry.
CREATE TABLE point_history (
    seq           bigint PRIMARY KEY,       -- the ledger entry that recorded this version
    version_id    text NOT NULL UNIQUE,
    feature_id    text NOT NULL,
    kind          text NOT NULL CHECK (kind = 'point'),
    class         text NOT NULL,
    name_en       text,                      -- label: the common English name, else every side's joined with ' / '
    names         jsonb NOT NULL,            -- every name: [{lang, name, usedBy}], per language and side
    place         text,
    illustrative  boolean NOT NULL,          -- a sketch, not authoritative
    valid_from    date,                      -- [valid_from, valid_to), null: unbounded
    valid_to      date,
    version       text,
    party         text,
    controlled_by text,
    source        text,
    document      jsonb,
    recorded_at   timestamptz NOT NULL,
        geom          geometry(Point, 4326) NOT NULL
);
CREATE INDEX point_history_geom ON point_history USING gist (geom);
CREATE INDEX point_history_valid ON point_history (valid_from, valid_to);

-- Layer "point" as of today (the database's current_date): the versions valid today.
CREATE VIEW point_today AS
    SELECT * FROM point_history
    WHERE (valid_from IS NULL OR valid_from <= current_date) AND (valid_to IS NULL OR current_date < valid_to);

-- Layer "hazard": every geometry version ever recorded (the history), one row per ledger entry.
CREATE TABLE hazard_history (
    seq           bigint PRIMARY KEY,       -- the ledger entry that recorded this version
    version_id    text NOT NULL UNIQUE,
    feature_id    text NOT NULL,
    kind          text NOT NULL CHECK (kind = 'hazard'),
    class         text NOT NULL,
    name_en       text,                      -- label: the common English name, else every side's joined with ' / '
    names         jsonb NOT NULL,            -- every name: [{lang, name, usedBy}], per language and side
    place         text,
    illustrative  boolean NOT NULL,          -- a sketch, not authoritative
    valid_from    date,                      -- [valid_from, valid_to), null: unbounded
    valid_to      date,
    version       text,
    party         text,
    controlled_by text,
    source        text,
    document      jsonb,
    recorded_at   timestamptz NOT NULL,
    area_ha double precision, -- Truce's geodesic area (WGS84)
    geom          geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX hazard_history_geom ON hazard_history USING gist (geom);
CREATE INDEX hazard_history_valid ON hazard_history (valid_from, valid_to);

-- Layer "hazard" as of today (the database's current_date): the versions valid today.
CREATE VIEW hazard_today AS
    SELECT * FROM hazard_history
    WHERE (valid_from IS NULL OR valid_from <= current_date) AND (valid_to IS NULL OR current_date < valid_to);

-- Layer "cleared": every geometry version ever recorded (the history), one row per ledger entry.
CREATE TABLE cleared_history (
    seq           bigint PRIMARY KEY,       -- the ledger entry that recorded this version
    version_id    text NOT NULL UNIQUE,
    feature_id    text NOT NULL,
    kind          text NOT NULL CHECK (kind = 'cleared'),
    class         text NOT NULL,
    name_en       text,                      -- label: the common English name, else every side's joined with ' / '
    names         jsonb NOT NULL,            -- every name: [{lang, name, usedBy}], per language and side
    place         text,
    illustrative  boolean NOT NULL,          -- a sketch, not authoritative
    valid_from    date,                      -- [valid_from, valid_to), null: unbounded
    valid_to      date,
    version       text,
    party         text,
    controlled_by text,
    source        text,
    document      jsonb,
    recorded_at   timestamptz NOT NULL,
    area_ha double precision, -- Truce's geodesic area (WGS84)
    geom          geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX cleared_history_geom ON cleared_history USING gist (geom);
CREATE INDEX cleared_history_valid ON cleared_history (valid_from, valid_to);

-- Layer "cleared" as of today (the database's current_date): the versions valid today.
CREATE VIEW cleared_today AS
    SELECT * FROM cleared_history
    WHERE (valid_from IS NULL OR valid_from <= current_date) AND (valid_to IS NULL OR current_date < valid_to);
