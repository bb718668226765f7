import type { Database } from 'better-sqlite3'

/**
 * One step of the schema's history. Versions are consecutive from 1; a released migration is never
 * edited, only followed by a new one, because users' databases have already run it.
 */
export interface Migration {
  version: number
  description: string
  up: (db: Database) => void
}

/**
 * Conventions of the store: times as epoch milliseconds (`*_ms`) for ranges and ordering, WHOOP's
 * own ISO strings kept as they came; `local_date` is the member's calendar day of a record in the
 * timezone WHOOP recorded it in; `raw` is the record exactly as WHOOP sent it, so nothing is lost;
 * `source` says where a record came from (`api`, `export` for WHOOP's CSV export, `demo`);
 * `walk` marks the sync walk that last saw the record, so records WHOOP deleted can be swept.
 */
/** Within an UPDATE of `cycle`: the date its member woke from its main sleep (its first one that is not a nap). */
const mainSleepWakeDate = `SELECT s.local_date FROM sleep s WHERE s.cycle_id = cycle.id AND s.nap = 0 ORDER BY s.start_ms LIMIT 1`

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'Accounts, WHOOP records, journal, sync state, sync log and activity log',
    up: (db) =>
      db.exec(`
        CREATE TABLE account (
          user_id      INTEGER PRIMARY KEY,
          connected_at TEXT NOT NULL,
          is_demo      INTEGER NOT NULL DEFAULT 0
        ) STRICT;

        CREATE TABLE profile (
          user_id    INTEGER PRIMARY KEY REFERENCES account(user_id) ON DELETE CASCADE,
          email      TEXT NOT NULL,
          first_name TEXT NOT NULL,
          last_name  TEXT NOT NULL,
          fetched_at TEXT NOT NULL,
          raw        TEXT NOT NULL
        ) STRICT;

        CREATE TABLE body_measurement (
          user_id         INTEGER PRIMARY KEY REFERENCES account(user_id) ON DELETE CASCADE,
          height_meter    REAL NOT NULL,
          weight_kilogram REAL NOT NULL,
          max_heart_rate  INTEGER NOT NULL,
          fetched_at      TEXT NOT NULL,
          raw             TEXT NOT NULL
        ) STRICT;

        CREATE TABLE cycle (
          id                 INTEGER PRIMARY KEY,
          user_id            INTEGER NOT NULL REFERENCES account(user_id) ON DELETE CASCADE,
          start_ms           INTEGER NOT NULL,
          end_ms             INTEGER,
          timezone_offset    TEXT NOT NULL,
          local_date         TEXT NOT NULL,
          score_state        TEXT NOT NULL,
          strain             REAL,
          kilojoule          REAL,
          average_heart_rate INTEGER,
          max_heart_rate     INTEGER,
          created_at         TEXT NOT NULL,
          updated_at         TEXT NOT NULL,
          updated_ms         INTEGER NOT NULL,
          source             TEXT NOT NULL,
          walk               INTEGER,
          raw                TEXT NOT NULL
        ) STRICT;
        CREATE INDEX cycle_by_start ON cycle (user_id, start_ms);
        CREATE INDEX cycle_by_date ON cycle (user_id, local_date);

        CREATE TABLE recovery (
          cycle_id           INTEGER PRIMARY KEY,
          user_id            INTEGER NOT NULL REFERENCES account(user_id) ON DELETE CASCADE,
          sleep_id           TEXT NOT NULL,
          sleep_start_ms     INTEGER NOT NULL,
          score_state        TEXT NOT NULL,
          user_calibrating   INTEGER,
          recovery_score     REAL,
          resting_heart_rate REAL,
          hrv_rmssd_milli    REAL,
          spo2_percentage    REAL,
          skin_temp_celsius  REAL,
          created_at         TEXT NOT NULL,
          updated_at         TEXT NOT NULL,
          updated_ms         INTEGER NOT NULL,
          source             TEXT NOT NULL,
          walk               INTEGER,
          raw                TEXT NOT NULL
        ) STRICT;
        CREATE INDEX recovery_by_sleep_start ON recovery (user_id, sleep_start_ms);

        CREATE TABLE sleep (
          id                TEXT PRIMARY KEY,
          user_id           INTEGER NOT NULL REFERENCES account(user_id) ON DELETE CASCADE,
          cycle_id          INTEGER NOT NULL,
          start_ms          INTEGER NOT NULL,
          end_ms            INTEGER NOT NULL,
          timezone_offset   TEXT NOT NULL,
          local_date        TEXT NOT NULL,
          nap               INTEGER NOT NULL,
          score_state       TEXT NOT NULL,
          in_bed_ms         INTEGER,
          awake_ms          INTEGER,
          no_data_ms        INTEGER,
          light_ms          INTEGER,
          deep_ms           INTEGER,
          rem_ms            INTEGER,
          sleep_cycle_count INTEGER,
          disturbance_count INTEGER,
          need_ms           INTEGER,
          respiratory_rate  REAL,
          performance_pct   REAL,
          consistency_pct   REAL,
          efficiency_pct    REAL,
          created_at        TEXT NOT NULL,
          updated_at        TEXT NOT NULL,
          updated_ms        INTEGER NOT NULL,
          source            TEXT NOT NULL,
          walk              INTEGER,
          raw               TEXT NOT NULL
        ) STRICT;
        CREATE INDEX sleep_by_start ON sleep (user_id, start_ms);
        CREATE INDEX sleep_by_date ON sleep (user_id, local_date);

        CREATE TABLE workout (
          id                    TEXT PRIMARY KEY,
          user_id               INTEGER NOT NULL REFERENCES account(user_id) ON DELETE CASCADE,
          start_ms              INTEGER NOT NULL,
          end_ms                INTEGER NOT NULL,
          timezone_offset       TEXT NOT NULL,
          local_date            TEXT NOT NULL,
          sport_name            TEXT NOT NULL,
          score_state           TEXT NOT NULL,
          strain                REAL,
          average_heart_rate    INTEGER,
          max_heart_rate        INTEGER,
          kilojoule             REAL,
          percent_recorded      REAL,
          distance_meter        REAL,
          altitude_gain_meter   REAL,
          altitude_change_meter REAL,
          zone0_ms              INTEGER,
          zone1_ms              INTEGER,
          zone2_ms              INTEGER,
          zone3_ms              INTEGER,
          zone4_ms              INTEGER,
          zone5_ms              INTEGER,
          created_at            TEXT NOT NULL,
          updated_at            TEXT NOT NULL,
          updated_ms            INTEGER NOT NULL,
          source                TEXT NOT NULL,
          walk                  INTEGER,
          raw                   TEXT NOT NULL
        ) STRICT;
        CREATE INDEX workout_by_start ON workout (user_id, start_ms);
        CREATE INDEX workout_by_date ON workout (user_id, local_date);

        CREATE TABLE journal_entry (
          user_id         INTEGER NOT NULL REFERENCES account(user_id) ON DELETE CASCADE,
          cycle_start_ms  INTEGER NOT NULL,
          cycle_end_ms    INTEGER,
          timezone_offset TEXT NOT NULL,
          local_date      TEXT NOT NULL,
          question        TEXT NOT NULL,
          answered_yes    INTEGER,
          notes           TEXT,
          source          TEXT NOT NULL,
          PRIMARY KEY (user_id, cycle_start_ms, question)
        ) STRICT;

        CREATE TABLE sync_state (
          user_id           INTEGER NOT NULL REFERENCES account(user_id) ON DELETE CASCADE,
          resource          TEXT NOT NULL,
          history_complete  INTEGER NOT NULL DEFAULT 0,
          last_success_ms   INTEGER,
          last_reconcile_ms INTEGER,
          walk              INTEGER,
          walk_kind         TEXT,
          walk_start        TEXT,
          walk_end          TEXT,
          walk_next_token   TEXT,
          walk_pages        INTEGER,
          PRIMARY KEY (user_id, resource)
        ) STRICT;

        CREATE TABLE activity (
          id      INTEGER PRIMARY KEY AUTOINCREMENT,
          at      TEXT NOT NULL,
          kind    TEXT NOT NULL,
          ok      INTEGER NOT NULL,
          summary TEXT NOT NULL
        ) STRICT;

        CREATE TABLE sync_run (
          id          INTEGER PRIMARY KEY AUTOINCREMENT,
          user_id     INTEGER,
          trigger     TEXT NOT NULL,
          started_at  TEXT NOT NULL,
          finished_at TEXT,
          status      TEXT NOT NULL,
          outcome     TEXT
        ) STRICT;
      `)
  },
  {
    version: 2,
    description: "A cycle's day is the date its member woke from its main sleep",
    // A cycle starts when its member falls asleep, so start + 12 h (`local_date`) puts two cycles of
    // someone who sleeps by day on one date and none on the next. The wake date of the cycle's main
    // sleep is right; it is kept by triggers, because cycles and sleeps arrive in either order, from
    // sync, import and restore alike. `day` is what every page dates a cycle by.
    up: (db) =>
      db.exec(`
        ALTER TABLE cycle ADD COLUMN wake_date TEXT;
        ALTER TABLE cycle ADD COLUMN day TEXT GENERATED ALWAYS AS (COALESCE(wake_date, local_date)) VIRTUAL;
        CREATE INDEX cycle_by_day ON cycle (user_id, day);
        CREATE INDEX sleep_by_cycle ON sleep (cycle_id);

        CREATE TRIGGER cycle_wake_date_on_cycle_insert AFTER INSERT ON cycle BEGIN
          UPDATE cycle SET wake_date = (${mainSleepWakeDate}) WHERE id = NEW.id;
        END;
        CREATE TRIGGER cycle_wake_date_on_sleep_insert AFTER INSERT ON sleep BEGIN
          UPDATE cycle SET wake_date = (${mainSleepWakeDate}) WHERE id = NEW.cycle_id;
        END;
        CREATE TRIGGER cycle_wake_date_on_sleep_update AFTER UPDATE ON sleep BEGIN
          UPDATE cycle SET wake_date = (${mainSleepWakeDate}) WHERE id IN (OLD.cycle_id, NEW.cycle_id);
        END;
        CREATE TRIGGER cycle_wake_date_on_sleep_delete AFTER DELETE ON sleep BEGIN
          UPDATE cycle SET wake_date = (${mainSleepWakeDate}) WHERE id = OLD.cycle_id;
        END;

        UPDATE cycle SET wake_date = (${mainSleepWakeDate});
      `)
  },
  {
    version: 3,
    description: 'Each collection re-reads its older history in turn',
    // Where the rolling re-read of the history has come to (it moves from the recent window back to
    // the oldest record, then starts again), and when it last moved.
    up: (db) =>
      db.exec(`
        ALTER TABLE sync_state ADD COLUMN recheck_cursor_ms INTEGER;
        ALTER TABLE sync_state ADD COLUMN last_recheck_ms INTEGER;
      `)
  },
  {
    version: 4,
    description: 'When an AI assistant last read the data',
    // Told by the read-only MCP server, which cannot write the database itself; one row.
    up: (db) =>
      db.exec(`
        CREATE TABLE assistant_read (
          id         INTEGER PRIMARY KEY CHECK (id = 1),
          read_at_ms INTEGER NOT NULL,
          tool       TEXT NOT NULL
        ) STRICT;
      `)
  },
  {
    version: 5,
    description: "A recovery is placed at its sleep's start, whichever of the two arrived first",
    // WHOOP orders and filters recoveries by their sleep's start, and a sync removes what a re-read
    // window should hold and did not. A recovery stored before its sleep (a first sync stores some:
    // there are more sleeps than recoveries) stood at its cycle's start, or its creation, and a window
    // holding that time but not the sleep's start removed it. Kept by triggers, as `wake_date` is.
    up: (db) =>
      db.exec(`
        CREATE INDEX recovery_by_sleep ON recovery (sleep_id);

        CREATE TRIGGER recovery_sleep_start_on_sleep_insert AFTER INSERT ON sleep BEGIN
          UPDATE recovery SET sleep_start_ms = NEW.start_ms WHERE sleep_id = NEW.id AND sleep_start_ms IS NOT NEW.start_ms;
        END;
        CREATE TRIGGER recovery_sleep_start_on_sleep_update AFTER UPDATE OF start_ms ON sleep BEGIN
          UPDATE recovery SET sleep_start_ms = NEW.start_ms WHERE sleep_id = NEW.id AND sleep_start_ms IS NOT NEW.start_ms;
        END;

        UPDATE recovery SET sleep_start_ms = (SELECT start_ms FROM sleep WHERE sleep.id = recovery.sleep_id)
          WHERE EXISTS (SELECT 1 FROM sleep WHERE sleep.id = recovery.sleep_id);
      `)
  },
  {
    version: 6,
    description: 'Tags a person puts on their own days',
    // A tag names what a day held (sick, travel, a late meal): one row per day and tag, a tag's
    // letter case not making it another. `date` is the member's day as every page dates a cycle.
    up: (db) =>
      db.exec(`
        CREATE TABLE day_tag (
          user_id    INTEGER NOT NULL REFERENCES account(user_id) ON DELETE CASCADE,
          date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
          tag        TEXT NOT NULL COLLATE NOCASE CHECK (length(tag) BETWEEN 1 AND 40),
          created_ms INTEGER NOT NULL,
          PRIMARY KEY (user_id, date, tag)
        ) STRICT;
      `)
  },
  {
    version: 7,
    description: 'What the app has told the person in notifications',
    // A notification is shown once: the morning's recovery once per member and day, the request to
    // connect again once until they have. Kept here so a restart or a re-sync does not repeat one.
    up: (db) =>
      db.exec(`
        CREATE TABLE notice_sent (
          kind    TEXT NOT NULL,
          subject TEXT NOT NULL,
          at      TEXT NOT NULL,
          PRIMARY KEY (kind, subject)
        ) STRICT;
      `)
  }
]

export const latestSchemaVersion = migrations.length
