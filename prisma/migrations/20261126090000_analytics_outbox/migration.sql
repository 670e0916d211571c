-- The analytics outbox: every change the Actions tab's analytics copy (ClickHouse) must see is
-- recorded here by triggers, in the same transaction as the change itself, whoever writes it
-- (API, batch, UI, seed). The app drains it to ClickHouse; the row's id is the version of the
-- state the drainer reads, so replays and out-of-order deliveries converge.
CREATE TABLE "analytics_outbox" (
    "program_id" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_outbox_pkey" PRIMARY KEY ("program_id","id")
);

ALTER TABLE "analytics_outbox" ADD CONSTRAINT "analytics_outbox_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Statement-level triggers with transition tables: one INSERT … SELECT per statement, so a
-- set-based write of 1,000 actions adds one statement, not 1,000.
CREATE FUNCTION "analytics_outbox_from_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "analytics_outbox" ("program_id", "entity", "entity_id")
  SELECT "program_id", TG_ARGV[0], "id" FROM "changed_rows";
  RETURN NULL;
END $$;

-- partnership_tags rows name their partnership: a tag change is a change of that partnership.
CREATE FUNCTION "analytics_outbox_from_tags"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "analytics_outbox" ("program_id", "entity", "entity_id")
  SELECT DISTINCT "program_id", 'partnership', "partnership_id" FROM "changed_rows";
  RETURN NULL;
END $$;

CREATE TRIGGER "actions_outbox_insert" AFTER INSERT ON "actions"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT
  EXECUTE FUNCTION "analytics_outbox_from_rows"('action');
CREATE TRIGGER "actions_outbox_update" AFTER UPDATE ON "actions"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT
  EXECUTE FUNCTION "analytics_outbox_from_rows"('action');
CREATE TRIGGER "partnerships_outbox_insert" AFTER INSERT ON "partnerships"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT
  EXECUTE FUNCTION "analytics_outbox_from_rows"('partnership');
CREATE TRIGGER "partnerships_outbox_update" AFTER UPDATE ON "partnerships"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT
  EXECUTE FUNCTION "analytics_outbox_from_rows"('partnership');
CREATE TRIGGER "partnership_tags_outbox_insert" AFTER INSERT ON "partnership_tags"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT
  EXECUTE FUNCTION "analytics_outbox_from_tags"();
CREATE TRIGGER "partnership_tags_outbox_delete" AFTER DELETE ON "partnership_tags"
  REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT
  EXECUTE FUNCTION "analytics_outbox_from_tags"();
CREATE TRIGGER "customers_outbox_insert" AFTER INSERT ON "customers"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT
  EXECUTE FUNCTION "analytics_outbox_from_rows"('customer');
CREATE TRIGGER "customers_outbox_update" AFTER UPDATE ON "customers"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT
  EXECUTE FUNCTION "analytics_outbox_from_rows"('customer');
CREATE TRIGGER "action_types_outbox_insert" AFTER INSERT ON "action_types"
  REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT
  EXECUTE FUNCTION "analytics_outbox_from_rows"('action_type');
