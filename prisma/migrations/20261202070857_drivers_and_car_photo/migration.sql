-- CreateEnum
CREATE TYPE "DriverInvitationStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REVOKED', 'LAPSED');

-- CreateTable
CREATE TABLE "DriverInvitation" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'nl',
    "ownerHoldingId" TEXT NOT NULL,
    "status" "DriverInvitationStatus" NOT NULL DEFAULT 'PENDING',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "driverHoldingId" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DriverInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CarPhoto" (
    "holdingId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CarPhoto_pkey" PRIMARY KEY ("holdingId")
);

-- CreateIndex
CREATE UNIQUE INDEX "DriverInvitation_tokenHash_key" ON "DriverInvitation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "DriverInvitation_driverHoldingId_key" ON "DriverInvitation"("driverHoldingId");

-- CreateIndex
CREATE INDEX "DriverInvitation_ownerHoldingId_status_idx" ON "DriverInvitation"("ownerHoldingId", "status");

-- CreateIndex
CREATE INDEX "DriverInvitation_email_idx" ON "DriverInvitation"("email");

-- CreateIndex
CREATE UNIQUE INDEX "CarPhoto_storageKey_key" ON "CarPhoto"("storageKey");

-- AddForeignKey
ALTER TABLE "DriverInvitation" ADD CONSTRAINT "DriverInvitation_ownerHoldingId_fkey" FOREIGN KEY ("ownerHoldingId") REFERENCES "Holding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DriverInvitation" ADD CONSTRAINT "DriverInvitation_driverHoldingId_fkey" FOREIGN KEY ("driverHoldingId") REFERENCES "Holding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CarPhoto" ADD CONSTRAINT "CarPhoto_holdingId_fkey" FOREIGN KEY ("holdingId") REFERENCES "Holding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
