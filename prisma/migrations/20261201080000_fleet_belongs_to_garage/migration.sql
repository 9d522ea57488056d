-- A fleet account belongs to a garage, and only a fleet account has a parent organisation:
-- enforced by the database, not only by the use case (lib/organisations/create-organisation.ts).
CREATE FUNCTION "organisation_fleet_parent"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" = 'FLEET' THEN
    IF NEW."parentId" IS NULL OR NOT EXISTS (SELECT 1 FROM "Organisation" WHERE "id" = NEW."parentId" AND "kind" = 'GARAGE') THEN
      RAISE EXCEPTION 'a fleet account belongs to a garage';
    END IF;
  ELSIF NEW."parentId" IS NOT NULL THEN
    RAISE EXCEPTION 'only a fleet account has a parent organisation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Organisation_fleet_parent" BEFORE INSERT OR UPDATE OF "kind", "parentId" ON "Organisation" FOR EACH ROW EXECUTE FUNCTION "organisation_fleet_parent"();
