-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "search" tsvector;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "search" tsvector;

-- CreateTable
CREATE TABLE "Passage" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "search" tsvector,

    CONSTRAINT "Passage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Passage_versionId_start_idx" ON "Passage"("versionId", "start");

-- CreateIndex
CREATE INDEX "Passage_search_idx" ON "Passage" USING GIN ("search");

-- CreateIndex
CREATE INDEX "Annotation_search_idx" ON "Annotation" USING GIN ("search");

-- CreateIndex
CREATE INDEX "Claim_search_idx" ON "Claim" USING GIN ("search");

-- AddForeignKey
ALTER TABLE "Passage" ADD CONSTRAINT "Passage_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DocumentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Keep the search vectors in step with the text they index (English stemming and stop words).
CREATE TRIGGER "Passage_search_update" BEFORE INSERT OR UPDATE OF "text" ON "Passage"
  FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger("search", 'pg_catalog.english', "text");
CREATE TRIGGER "Claim_search_update" BEFORE INSERT OR UPDATE OF "text" ON "Claim"
  FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger("search", 'pg_catalog.english', "text");
CREATE TRIGGER "Annotation_search_update" BEFORE INSERT OR UPDATE OF "bodyText" ON "Annotation"
  FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger("search", 'pg_catalog.english', "bodyText");

-- Index what is already there (passages are written from the text model at start-up).
UPDATE "Claim" SET "search" = to_tsvector('pg_catalog.english', "text");
UPDATE "Annotation" SET "search" = to_tsvector('pg_catalog.english', "bodyText");
