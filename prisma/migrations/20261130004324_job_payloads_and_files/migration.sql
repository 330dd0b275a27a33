-- CreateEnum
CREATE TYPE "JobFileRole" AS ENUM ('input', 'output');

-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "payload" JSONB,
ADD COLUMN     "result" JSONB;

-- CreateTable
CREATE TABLE "JobFile" (
    "jobId" TEXT NOT NULL,
    "role" "JobFileRole" NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobFile_pkey" PRIMARY KEY ("jobId","role")
);

-- CreateIndex
CREATE INDEX "JobFile_createdAt_idx" ON "JobFile"("createdAt");

-- AddForeignKey
ALTER TABLE "JobFile" ADD CONSTRAINT "JobFile_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
