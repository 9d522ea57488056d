-- Hand-written (docs/decisions/0002 and 0017): who holds a vehicle stays consistent, enforced by
-- the database and not only by the use cases. Every holding change first locks the vehicle's row
-- (the use cases already hold that lock: lib/holdings/vehicles.ts lockVehicle), so each check
-- below sees what the car's previous holding change committed.
--   * A car in a garage's stock has no owner, and is in one stock at a time (one active owner per
--     vehicle is the partial unique index "Holding_one_active_owner").
--   * An authorised driver linked through an owner drives through that owner's active holding,
--     and an owner's holding ends only once no driver drives through it any more.
CREATE FUNCTION "holding_consistency"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "Vehicle" WHERE "id" = NEW."vehicleId" FOR UPDATE;
  IF NEW."endedAt" IS NULL THEN
    IF NEW."kind" IN ('OWNER', 'STOCK') AND EXISTS (
      SELECT 1 FROM "Holding" h
      WHERE h."vehicleId" = NEW."vehicleId" AND h."endedAt" IS NULL AND h."id" <> NEW."id"
        AND (h."kind" = 'STOCK' OR (h."kind" = 'OWNER' AND NEW."kind" = 'STOCK'))
    ) THEN
      RAISE EXCEPTION 'a car in stock has no owner and is in one stock at a time (vehicle %)', NEW."vehicleId" USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."kind" = 'DRIVER' AND NEW."viaHoldingId" IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM "Holding" h
      WHERE h."id" = NEW."viaHoldingId" AND h."vehicleId" = NEW."vehicleId" AND h."kind" = 'OWNER' AND h."endedAt" IS NULL
    ) THEN
      RAISE EXCEPTION 'an authorised driver drives through an active owner''s holding of the same car (vehicle %)', NEW."vehicleId" USING ERRCODE = 'check_violation';
    END IF;
  ELSIF TG_OP = 'UPDATE' AND OLD."endedAt" IS NULL AND NEW."kind" = 'OWNER' AND EXISTS (
    SELECT 1 FROM "Holding" d WHERE d."viaHoldingId" = NEW."id" AND d."endedAt" IS NULL
  ) THEN
    RAISE EXCEPTION 'an owner''s holding ends with the access of the drivers through it (holding %)', NEW."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Holding_consistency" BEFORE INSERT OR UPDATE OF "kind", "vehicleId", "endedAt", "viaHoldingId" ON "Holding" FOR EACH ROW EXECUTE FUNCTION "holding_consistency"();
