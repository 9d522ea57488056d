-- CreateEnum
CREATE TYPE "ServiceSource" AS ENUM ('WORKSHOP', 'OWNER');

-- AlterTable
ALTER TABLE "ServiceRecord" ADD COLUMN     "correctionReason" TEXT,
ADD COLUMN     "correctsId" TEXT,
ADD COLUMN     "lines" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "recordedById" TEXT,
ADD COLUMN     "source" "ServiceSource" NOT NULL DEFAULT 'WORKSHOP',
ADD COLUMN     "workshopName" TEXT,
ALTER COLUMN "performedAt" SET DATA TYPE DATE;

-- CreateIndex
CREATE UNIQUE INDEX "ServiceRecord_correctsId_key" ON "ServiceRecord"("correctsId");

-- AddForeignKey
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_correctsId_fkey" FOREIGN KEY ("correctsId") REFERENCES "ServiceRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The maintenance record is append-only (docs/decisions/0025-dossier-history.md): an entry is
-- never changed or deleted; a mistake gets a correction entry that points at it. The only update
-- let through is the database's own ON DELETE SET NULL when the recording account or the
-- workshop is deleted: the entry stays with the car without them.
CREATE FUNCTION "service_record_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
    AND (to_jsonb(NEW) - 'recordedById' - 'organisationId') = (to_jsonb(OLD) - 'recordedById' - 'organisationId')
    AND (NEW."recordedById" IS NULL OR NEW."recordedById" = OLD."recordedById")
    AND (NEW."organisationId" IS NULL OR NEW."organisationId" = OLD."organisationId") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'ServiceRecord is append-only: record a correction instead';
END;
$$;
CREATE TRIGGER "ServiceRecord_append_only" BEFORE UPDATE OR DELETE ON "ServiceRecord" FOR EACH ROW EXECUTE FUNCTION "service_record_append_only"();
CREATE TRIGGER "ServiceRecord_no_truncate" BEFORE TRUNCATE ON "ServiceRecord" FOR EACH STATEMENT EXECUTE FUNCTION "service_record_append_only"();

-- A correction corrects an entry of the same car.
CREATE FUNCTION "service_record_correction_same_car"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."correctsId" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "ServiceRecord" WHERE "id" = NEW."correctsId" AND "vehicleId" = NEW."vehicleId"
  ) THEN
    RAISE EXCEPTION 'A correction corrects an entry of the same car';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ServiceRecord_correction_same_car" BEFORE INSERT ON "ServiceRecord" FOR EACH ROW EXECUTE FUNCTION "service_record_correction_same_car"();

-- An owner's entry names no workshop organisation; mileage is never negative.
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_owner_no_organisation" CHECK ("source" = 'WORKSHOP' OR "organisationId" IS NULL);
ALTER TABLE "ServiceRecord" ADD CONSTRAINT "ServiceRecord_mileage_non_negative" CHECK ("mileageKm" IS NULL OR "mileageKm" >= 0);
