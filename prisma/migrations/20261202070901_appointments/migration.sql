-- CreateEnum
CREATE TYPE "AppointmentReason" AS ENUM ('SERVICE', 'INSPECTION', 'REPAIR', 'TYRES', 'OTHER');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AppointmentStatus" ADD VALUE 'PROPOSED';
ALTER TYPE "AppointmentStatus" ADD VALUE 'DECLINED';

-- DropIndex
DROP INDEX "Appointment_organisationId_startsAt_idx";

-- DropIndex
DROP INDEX "Appointment_userId_startsAt_idx";

-- DropIndex
DROP INDEX "Appointment_vehicleId_startsAt_idx";

-- AlterTable
ALTER TABLE "Appointment" DROP COLUMN "purpose",
ADD COLUMN     "answeredAt" TIMESTAMP(3),
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "declineReason" TEXT,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "preferredTimes" TIMESTAMP(3)[],
ADD COLUMN     "proposedAt" TIMESTAMP(3),
ADD COLUMN     "reason" "AppointmentReason" NOT NULL,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL,
ALTER COLUMN "startsAt" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Appointment_vehicleId_status_idx" ON "Appointment"("vehicleId", "status");

-- CreateIndex
CREATE INDEX "Appointment_userId_createdAt_idx" ON "Appointment"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Appointment_organisationId_status_createdAt_idx" ON "Appointment"("organisationId", "status", "createdAt");
