// Shown for an unknown address or a dossier that does not exist.
import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-5 py-16">
      <h1 className="mb-2 text-xl font-semibold">Not found</h1>
      <p className="text-muted">
        There is nothing at this address. <Link href="/" className="text-accent underline">Back to the dossiers</Link>.
      </p>
    </div>
  );
}
