-- CreateTable
CREATE TABLE "SupersededInvitationLink" (
    "tokenHash" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "supersededAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupersededInvitationLink_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "SupersededInvitationLink_invitationId_idx" ON "SupersededInvitationLink"("invitationId");

-- AddForeignKey
ALTER TABLE "SupersededInvitationLink" ADD CONSTRAINT "SupersededInvitationLink_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
