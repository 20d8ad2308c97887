-- 0009 gave decisions a policy_version_id ("only new rows get it"), but the update trigger of 0008
-- names each column it protects and so did not protect the new one: a decision's version could be
-- rewritten. The trigger again lets an erasure rewrite the reasons (keeping their number) and
-- nothing else. Never edit this file once shipped: add a new NNNN_name.sql instead.
DROP TRIGGER decisions_no_update;
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
WHEN NOT (new.id = old.id AND new.comment_id = old.comment_id AND new.actor_kind = old.actor_kind
          AND new.decided_by = old.decided_by AND new.action = old.action AND new.status = old.status
          AND new.created_at = old.created_at AND new.batch_id IS old.batch_id AND new.undoes IS old.undoes
          AND new.policy_version_id IS old.policy_version_id
          AND json_array_length(new.reasons) = json_array_length(old.reasons))
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
