// /01/{gtin}/10/{lot} — public: a label's GS1 Digital Link, resolved to the batch's trace page (307).
// Further key qualifiers (/21/…) and query attributes are ignored; an unknown GTIN and lot is the
// trace page's own "not found".
import { notFound, redirect } from "next/navigation";

import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";
import { isValidGtin } from "@/lib/gs1/gtin";
import { findBatchCodeByLink } from "@/lib/gs1/resolve";

export const dynamic = "force-dynamic";

const decoded = (raw: string): string | null => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
};

type Props = { params: Promise<{ gtin: string; lot: string }> };

export default async function DigitalLinkPage({ params }: Props) {
  const { gtin, lot: raw } = await params;
  const lot = decoded(raw);
  if (!isValidGtin(gtin) || !lot || lot.length > 20) notFound();
  const code = await findBatchCodeByLink(getDb(), { gtin, lot, companyPrefix: getEnv().GS1_COMPANY_PREFIX });
  if (!code) notFound();
  redirect(`/trace/${encodeURIComponent(code)}`);
}
