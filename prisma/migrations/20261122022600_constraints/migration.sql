-- Hand-written: what Prisma's schema language cannot say (see docs/decisions/0002).
-- A later generated migration must not drop these; `npm run db:new-migration` warns if it would.

-- At most one active owner per vehicle, enforced by the database.
CREATE UNIQUE INDEX "Holding_one_active_owner" ON "Holding" ("vehicleId") WHERE "kind" = 'OWNER' AND "endedAt" IS NULL;

-- A holding names exactly one holder: a user (owner, driver) or an organisation (stock).
ALTER TABLE "Holding" ADD CONSTRAINT "Holding_holder_check" CHECK (
  ("kind" IN ('OWNER', 'DRIVER') AND "userId" IS NOT NULL AND "organisationId" IS NULL)
  OR ("kind" = 'STOCK' AND "organisationId" IS NOT NULL AND "userId" IS NULL)
);
ALTER TABLE "Holding" ADD CONSTRAINT "Holding_end_check" CHECK (("endedAt" IS NULL) = ("endReason" IS NULL));

-- At most one pending transfer per AutoPaspoort.
CREATE UNIQUE INDEX "PassportTransfer_one_pending" ON "PassportTransfer" ("passportId") WHERE "status" = 'PENDING';

-- At most one pending invitation per vehicle.
CREATE UNIQUE INDEX "Invitation_one_pending" ON "Invitation" ("vehicleId") WHERE "status" = 'PENDING';

-- E-mail addresses are stored lower-cased.
ALTER TABLE "User" ADD CONSTRAINT "User_email_lower_check" CHECK ("email" = lower("email"));

-- The audit log is append-only.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only';
END;
$$;
CREATE TRIGGER "AuditLog_no_update" BEFORE UPDATE OR DELETE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
