"use client";
// Signs the user out and returns to the home page.
import { useRouter } from "next/navigation";

/** A quiet button that ends the session. */
export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      className="text-sm text-muted underline-offset-2 hover:underline"
      onClick={async () => {
        await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
        router.push("/");
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}
