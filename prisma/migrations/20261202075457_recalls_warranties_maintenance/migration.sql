-- CreateEnum
CREATE TYPE "WarrantyKind" AS ENUM ('FACTORY', 'EXTENDED');

-- CreateEnum
CREATE TYPE "MaintenanceDueStatus" AS ENUM ('OPEN', 'DONE', 'REPLACED');

-- AlterTable
ALTER TABLE "Recall" ADD COLUMN     "campaignId" TEXT,
ADD COLUMN     "serviceRecordId" TEXT;

-- AlterTable
ALTER TABLE "Warranty" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "description" TEXT,
ADD COLUMN     "maxKm" INTEGER,
ADD COLUMN     "organisationId" TEXT,
ADD COLUMN     "provider" TEXT,
DROP COLUMN "kind",
ADD COLUMN     "kind" "WarrantyKind" NOT NULL,
ALTER COLUMN "startsAt" SET DATA TYPE DATE,
ALTER COLUMN "endsAt" DROP NOT NULL,
ALTER COLUMN "endsAt" SET DATA TYPE DATE;

-- CreateTable
CREATE TABLE "RecallCampaign" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "titleNl" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "titleFr" TEXT NOT NULL,
    "descriptionNl" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "descriptionFr" TEXT NOT NULL,
    "make" TEXT,
    "model" TEXT,
    "yearFrom" INTEGER,
    "yearTo" INTEGER,
    "vins" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecallCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaintenanceDue" (
    "id" TEXT NOT NULL,
    "vehicleId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "dueOn" DATE,
    "dueKm" INTEGER,
    "source" "ServiceSource" NOT NULL,
    "organisationId" TEXT,
    "setById" TEXT,
    "status" "MaintenanceDueStatus" NOT NULL DEFAULT 'OPEN',
    "closedAt" TIMESTAMP(3),
    "serviceRecordId" TEXT,
    "reminderSentAt" TIMESTAMP(3),
    "reminderUserId" TEXT,
    "soldTokenHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MaintenanceDue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RecallCampaign_code_key" ON "RecallCampaign"("code");

-- CreateIndex
CREATE UNIQUE INDEX "MaintenanceDue_soldTokenHash_key" ON "MaintenanceDue"("soldTokenHash");

-- CreateIndex
CREATE INDEX "MaintenanceDue_vehicleId_status_idx" ON "MaintenanceDue"("vehicleId", "status");

-- CreateIndex
CREATE INDEX "MaintenanceDue_status_reminderSentAt_idx" ON "MaintenanceDue"("status", "reminderSentAt");

-- CreateIndex
CREATE INDEX "Recall_serviceRecordId_idx" ON "Recall"("serviceRecordId");

-- CreateIndex
CREATE UNIQUE INDEX "Recall_campaignId_vehicleId_key" ON "Recall"("campaignId", "vehicleId");

-- AddForeignKey
ALTER TABLE "Recall" ADD CONSTRAINT "Recall_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "RecallCampaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceDue" ADD CONSTRAINT "MaintenanceDue_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
