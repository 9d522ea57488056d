-- CreateEnum
CREATE TYPE "FleetUnlinkStatus" AS ENUM ('OPEN', 'APPROVED', 'DECLINED');

-- CreateTable
CREATE TABLE "ServiceAttachment" (
    "id" TEXT NOT NULL,
    "serviceRecordId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "originalName" TEXT NOT NULL,
    "uploadedById" TEXT,
    "holderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FleetUnlinkRequest" (
    "id" TEXT NOT NULL,
    "passportId" TEXT NOT NULL,
    "fleetAccountId" TEXT NOT NULL,
    "garageId" TEXT NOT NULL,
    "status" "FleetUnlinkStatus" NOT NULL DEFAULT 'OPEN',
    "reason" TEXT NOT NULL,
    "requestedById" TEXT,
    "decidedById" TEXT,
    "declineReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FleetUnlinkRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceAttachment_storageKey_key" ON "ServiceAttachment"("storageKey");

-- CreateIndex
CREATE INDEX "ServiceAttachment_serviceRecordId_idx" ON "ServiceAttachment"("serviceRecordId");

-- CreateIndex
CREATE INDEX "FleetUnlinkRequest_garageId_status_createdAt_idx" ON "FleetUnlinkRequest"("garageId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "FleetUnlinkRequest_fleetAccountId_createdAt_idx" ON "FleetUnlinkRequest"("fleetAccountId", "createdAt");

-- CreateIndex
CREATE INDEX "FleetUnlinkRequest_passportId_idx" ON "FleetUnlinkRequest"("passportId");

-- AddForeignKey
ALTER TABLE "ServiceAttachment" ADD CONSTRAINT "ServiceAttachment_serviceRecordId_fkey" FOREIGN KEY ("serviceRecordId") REFERENCES "ServiceRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceAttachment" ADD CONSTRAINT "ServiceAttachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceAttachment" ADD CONSTRAINT "ServiceAttachment_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FleetUnlinkRequest" ADD CONSTRAINT "FleetUnlinkRequest_passportId_fkey" FOREIGN KEY ("passportId") REFERENCES "Passport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FleetUnlinkRequest" ADD CONSTRAINT "FleetUnlinkRequest_fleetAccountId_fkey" FOREIGN KEY ("fleetAccountId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FleetUnlinkRequest" ADD CONSTRAINT "FleetUnlinkRequest_garageId_fkey" FOREIGN KEY ("garageId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FleetUnlinkRequest" ADD CONSTRAINT "FleetUnlinkRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FleetUnlinkRequest" ADD CONSTRAINT "FleetUnlinkRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- At most one open unlink request per passport (docs/decisions/0030-fleet-console-and-attachments.md).
CREATE UNIQUE INDEX "FleetUnlinkRequest_one_open_per_passport" ON "FleetUnlinkRequest"("passportId") WHERE "status" = 'OPEN';

-- An attachment belongs to an append-only entry and is never changed or deleted either; the only
-- update let through is the database's own ON DELETE SET NULL of the uploader or the holder.
CREATE FUNCTION "service_attachment_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
    AND (to_jsonb(NEW) - 'uploadedById' - 'holderId') = (to_jsonb(OLD) - 'uploadedById' - 'holderId')
    AND (NEW."uploadedById" IS NULL OR NEW."uploadedById" = OLD."uploadedById")
    AND (NEW."holderId" IS NULL OR NEW."holderId" = OLD."holderId") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ServiceAttachment is append-only';
END;
$$;
CREATE TRIGGER "ServiceAttachment_append_only" BEFORE UPDATE OR DELETE ON "ServiceAttachment" FOR EACH ROW EXECUTE FUNCTION "service_attachment_append_only"();
CREATE TRIGGER "ServiceAttachment_no_truncate" BEFORE TRUNCATE ON "ServiceAttachment" FOR EACH STATEMENT EXECUTE FUNCTION "service_attachment_append_only"();
