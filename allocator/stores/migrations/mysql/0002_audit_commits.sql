-- Commit boundaries in the audit log: ends_commit is 1 on the last entry
-- a commit wrote (allocator.AuditEntry.EndsCommit), so that a checker
-- replaying the log after a live run reads it commit by commit.
ALTER TABLE drysim_audit ADD COLUMN ends_commit TINYINT UNSIGNED NOT NULL DEFAULT 0;
