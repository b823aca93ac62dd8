-- Drydock's tables, as drysim models them (docs/drydock.md): leases,
-- resources, commands and slot locks, and drysim's audit log. Times are
-- model-time nanoseconds (0: unset); ID lists are JSON arrays.
CREATE TABLE IF NOT EXISTS drydock_lease (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  type VARCHAR(64) NOT NULL,
  status TINYINT UNSIGNED NOT NULL,
  resource_id BIGINT NOT NULL DEFAULT 0,
  wants TEXT NOT NULL,
  blueprints TEXT NOT NULL,
  allocated TEXT NOT NULL,
  reclaimed TEXT NOT NULL,
  break_cause TINYINT UNSIGNED NOT NULL,
  until_ns BIGINT NOT NULL,
  task BIGINT NOT NULL,
  requested_ns BIGINT NOT NULL,
  activated_ns BIGINT NOT NULL,
  modified_ns BIGINT NOT NULL,
  KEY key_resource (resource_id, status)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS drydock_resource (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  blueprint_id BIGINT NOT NULL,
  type VARCHAR(64) NOT NULL,
  status TINYINT UNSIGNED NOT NULL,
  attributes TEXT NOT NULL,
  attributes_set TINYINT UNSIGNED NOT NULL,
  allocated_by BIGINT NOT NULL,
  awaken TEXT NOT NULL,
  created_ns BIGINT NOT NULL,
  modified_ns BIGINT NOT NULL,
  KEY key_blueprint (blueprint_id, status)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS drydock_command (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  target_kind TINYINT UNSIGNED NOT NULL,
  target_id BIGINT NOT NULL,
  kind TINYINT UNSIGNED NOT NULL,
  author_kind TINYINT UNSIGNED NOT NULL,
  author_id BIGINT NOT NULL,
  consumed TINYINT UNSIGNED NOT NULL,
  awaken TEXT NOT NULL,
  KEY key_target (target_kind, target_id, consumed)
) ENGINE=InnoDB;

-- DrydockSlotLock: the UNIQUE key is on a 12-byte digest of the key
-- (lockIndex, PhabricatorHash::digestForIndex), so keys of any length fit.
CREATE TABLE IF NOT EXISTS drydock_slotlock (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  owner_kind TINYINT UNSIGNED NOT NULL,
  owner_id BIGINT NOT NULL,
  lock_index BINARY(12) NOT NULL,
  lock_key TEXT NOT NULL,
  UNIQUE KEY key_lock (lock_index),
  KEY key_owner (owner_kind, owner_id)
) ENGINE=InnoDB;

CREATE TABLE IF NOT EXISTS drysim_audit (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  time_ns BIGINT NOT NULL,
  kind TINYINT UNSIGNED NOT NULL,
  lease_id BIGINT NOT NULL,
  resource_id BIGINT NOT NULL,
  other_id BIGINT NOT NULL,
  from_status TINYINT UNSIGNED NOT NULL,
  to_status TINYINT UNSIGNED NOT NULL,
  resource_status TINYINT UNSIGNED NOT NULL,
  cause TEXT NOT NULL,
  hook VARCHAR(64) NOT NULL,
  live TEXT NOT NULL,
  actor_kind TINYINT UNSIGNED NOT NULL,
  actor_id BIGINT NOT NULL,
  owner_kind TINYINT UNSIGNED NOT NULL,
  owner_id BIGINT NOT NULL,
  lock_keys TEXT NOT NULL,
  command_id BIGINT NOT NULL
) ENGINE=InnoDB;
