import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-semibold tracking-tight">Not for your role</h1>
      <p className="mt-2 text-sm text-stone-500">Your account cannot open that page. An admin can change your role.</p>
      <Link href="/inventory" className="mt-4 inline-block text-sm underline">
        Back to the inventory
      </Link>
    </main>
  );
}
