-- Drydock's tables, as drysim models them (docs/drydock.md): leases,
-- resources, commands and slot locks, and drysim's audit log. Times are
-- model-time nanoseconds (0: unset); ID lists are JSON arrays.
CREATE TABLE IF NOT EXISTS drydock_lease (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  status INTEGER NOT NULL,
  resource_id BIGINT NOT NULL DEFAULT 0,
  wants TEXT NOT NULL,
  blueprints TEXT NOT NULL,
  allocated TEXT NOT NULL,
  reclaimed TEXT NOT NULL,
  break_cause INTEGER NOT NULL,
  until_ns BIGINT NOT NULL,
  task BIGINT NOT NULL,
  requested_ns BIGINT NOT NULL,
  activated_ns BIGINT NOT NULL,
  modified_ns BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS drydock_lease_key_resource ON drydock_lease (resource_id, status);

CREATE TABLE IF NOT EXISTS drydock_resource (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  blueprint_id BIGINT NOT NULL,
  type TEXT NOT NULL,
  status INTEGER NOT NULL,
  attributes TEXT NOT NULL,
  attributes_set INTEGER NOT NULL,
  allocated_by BIGINT NOT NULL,
  awaken TEXT NOT NULL,
  created_ns BIGINT NOT NULL,
  modified_ns BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS drydock_resource_key_blueprint ON drydock_resource (blueprint_id, status);

CREATE TABLE IF NOT EXISTS drydock_command (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  target_kind INTEGER NOT NULL,
  target_id BIGINT NOT NULL,
  kind INTEGER NOT NULL,
  author_kind INTEGER NOT NULL,
  author_id BIGINT NOT NULL,
  consumed INTEGER NOT NULL,
  awaken TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS drydock_command_key_target ON drydock_command (target_kind, target_id, consumed);

-- DrydockSlotLock: the UNIQUE key is on a 12-byte digest of the key
-- (lockIndex, PhabricatorHash::digestForIndex), so keys of any length fit.
CREATE TABLE IF NOT EXISTS drydock_slotlock (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_kind INTEGER NOT NULL,
  owner_id BIGINT NOT NULL,
  lock_index BLOB NOT NULL,
  lock_key TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS drydock_slotlock_key_lock ON drydock_slotlock (lock_index);
CREATE INDEX IF NOT EXISTS drydock_slotlock_key_owner ON drydock_slotlock (owner_kind, owner_id);

CREATE TABLE IF NOT EXISTS drysim_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  time_ns BIGINT NOT NULL,
  kind INTEGER NOT NULL,
  lease_id BIGINT NOT NULL,
  resource_id BIGINT NOT NULL,
  other_id BIGINT NOT NULL,
  from_status INTEGER NOT NULL,
  to_status INTEGER NOT NULL,
  resource_status INTEGER NOT NULL,
  cause TEXT NOT NULL,
  hook TEXT NOT NULL,
  live TEXT NOT NULL,
  actor_kind INTEGER NOT NULL,
  actor_id BIGINT NOT NULL,
  owner_kind INTEGER NOT NULL,
  owner_id BIGINT NOT NULL,
  lock_keys TEXT NOT NULL,
  command_id BIGINT NOT NULL
);
