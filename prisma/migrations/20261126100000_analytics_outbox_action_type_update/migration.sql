-- An action type renamed (by hand or a future API) must reach the analytics copy too.
CREATE TRIGGER "action_types_outbox_update" AFTER UPDATE ON "action_types"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT
  EXECUTE FUNCTION "analytics_outbox_from_rows"('action_type');
