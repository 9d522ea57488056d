-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuthTokenKind" ADD VALUE 'EMAIL_CHANGE';
ALTER TYPE "AuthTokenKind" ADD VALUE 'EMAIL_CHANGE_REPORT';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ConsentPurpose" ADD VALUE 'MARKETING_EMAIL';
ALTER TYPE "ConsentPurpose" ADD VALUE 'MARKETING_SMS';
ALTER TYPE "ConsentPurpose" ADD VALUE 'MARKETING_POST';

-- AlterTable
ALTER TABLE "AuthToken" ADD COLUMN     "newEmail" TEXT;

-- AlterTable
ALTER TABLE "Consent" ADD COLUMN     "confirmationMethod" TEXT,
ADD COLUMN     "confirmationUserAgent" TEXT,
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "textVersion" TEXT;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "redactAfter" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "erasedAt" TIMESTAMP(3);
