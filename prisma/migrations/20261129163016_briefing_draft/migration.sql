-- CreateTable
CREATE TABLE "BriefingDraft" (
    "documentId" TEXT NOT NULL,
    "baseVersionId" TEXT NOT NULL,
    "state" BYTEA NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BriefingDraft_pkey" PRIMARY KEY ("documentId")
);

-- CreateIndex
CREATE INDEX "BriefingDraft_baseVersionId_idx" ON "BriefingDraft"("baseVersionId");

-- AddForeignKey
ALTER TABLE "BriefingDraft" ADD CONSTRAINT "BriefingDraft_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BriefingDraft" ADD CONSTRAINT "BriefingDraft_baseVersionId_fkey" FOREIGN KEY ("baseVersionId") REFERENCES "DocumentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
