-- AlterTable: a job's run is its own id until it is handed over to another run.
ALTER TABLE "Job" ADD COLUMN     "runId" TEXT;
UPDATE "Job" SET "runId" = "id";
ALTER TABLE "Job" ALTER COLUMN "runId" SET NOT NULL;
