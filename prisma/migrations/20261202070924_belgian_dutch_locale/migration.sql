-- AlterEnum
ALTER TYPE "Locale" ADD VALUE 'nl-BE';
