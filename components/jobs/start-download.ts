// Downloads a finished job's file in the browser, and remembers the export jobs this page is waiting for.

/** Export jobs queued from this page whose file is downloaded as soon as they end. */
const waiting = new Set<string>();

/** Starts the browser's download of `url` (an attachment) as `filename`. */
export function startDownload(url: string, filename: string): void {
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

/** Remembers that the file of the export job `jobId` should download when it is ready. */
export function downloadWhenReady(jobId: string): void {
  waiting.add(jobId);
}

/** True once for a job this page was waiting for (it is then forgotten). */
export function takeWaitingDownload(jobId: string): boolean {
  return waiting.delete(jobId);
}
