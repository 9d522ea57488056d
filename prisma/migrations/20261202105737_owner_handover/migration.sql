-- CreateEnum
CREATE TYPE "HandoverStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'LAPSED', 'UNDONE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "HoldingEndReason" ADD VALUE 'SOLD';
ALTER TYPE "HoldingEndReason" ADD VALUE 'HANDOVER_UNDONE';

-- AlterEnum
ALTER TYPE "HoldingOrigin" ADD VALUE 'HANDOVER';

-- AlterEnum
ALTER TYPE "ServiceKind" ADD VALUE 'HANDOVER';

-- CreateTable
CREATE TABLE "Handover" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "vehicleId" TEXT NOT NULL,
    "sellerHoldingId" TEXT NOT NULL,
    "sellerId" TEXT NOT NULL,
    "buyerEmail" TEXT NOT NULL,
    "buyerName" TEXT NOT NULL,
    "buyerLocale" "Locale" NOT NULL DEFAULT 'nl',
    "buyerId" TEXT,
    "buyerHoldingId" TEXT,
    "soldOn" DATE NOT NULL,
    "mileageKm" INTEGER NOT NULL,
    "status" "HandoverStatus" NOT NULL DEFAULT 'PENDING',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "buyerOpenedAt" TIMESTAMP(3),
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "Handover_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoverContract" (
    "handoverId" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "moves" BOOLEAN NOT NULL,
    "autoRenew" BOOLEAN NOT NULL,

    CONSTRAINT "HandoverContract_pkey" PRIMARY KEY ("handoverId","contractId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Handover_tokenHash_key" ON "Handover"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Handover_buyerHoldingId_key" ON "Handover"("buyerHoldingId");

-- CreateIndex
CREATE INDEX "Handover_vehicleId_status_idx" ON "Handover"("vehicleId", "status");

-- CreateIndex
CREATE INDEX "Handover_sellerId_createdAt_idx" ON "Handover"("sellerId", "createdAt");

-- CreateIndex
CREATE INDEX "Handover_buyerId_idx" ON "Handover"("buyerId");

-- CreateIndex
CREATE INDEX "Handover_buyerEmail_idx" ON "Handover"("buyerEmail");

-- CreateIndex
CREATE INDEX "HandoverContract_contractId_idx" ON "HandoverContract"("contractId");

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_sellerHoldingId_fkey" FOREIGN KEY ("sellerHoldingId") REFERENCES "Holding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_sellerId_fkey" FOREIGN KEY ("sellerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_buyerId_fkey" FOREIGN KEY ("buyerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_buyerHoldingId_fkey" FOREIGN KEY ("buyerHoldingId") REFERENCES "Holding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverContract" ADD CONSTRAINT "HandoverContract_handoverId_fkey" FOREIGN KEY ("handoverId") REFERENCES "Handover"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverContract" ADD CONSTRAINT "HandoverContract_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: at most one pending handover per car (docs/decisions/0034).
CREATE UNIQUE INDEX "Handover_one_pending" ON "Handover" ("vehicleId") WHERE "status" = 'PENDING';
