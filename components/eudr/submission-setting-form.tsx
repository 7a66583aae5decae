"use client";

// The eudr_submission setting: the EU information system's endpoint, its key and the operator's identity.
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useApiCall } from "@/components/use-api-call";

type Setting = {
  endpoint_url: string;
  operator_eori: string;
  operator_address: string;
  operator_country: string;
  has_api_key: boolean;
};

const inputClass = "rounded border border-stone-300 px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900";

export function SubmissionSettingForm({ setting }: { setting: Setting }) {
  const { call, error, pending } = useApiCall();
  return (
    <form
      aria-label="EU information system"
      className="grid gap-2 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const get = (k: string) => String(f.get(k) ?? "").trim();
        void call(
          "PUT /api/due-diligence/settings",
          {
            body: {
              endpoint_url: get("endpoint_url"),
              api_key: get("api_key"),
              operator_eori: get("operator_eori"),
              operator_address: get("operator_address"),
              operator_country: get("operator_country").toUpperCase(),
            },
          },
          e.currentTarget,
        );
      }}
    >
      <label className="flex flex-col text-xs">
        Endpoint URL
        <input name="endpoint_url" type="url" defaultValue={setting.endpoint_url} className={inputClass} />
      </label>
      <label className="flex flex-col text-xs">
        API key {setting.has_api_key ? "(set; leave empty to keep)" : "(none)"}
        <input name="api_key" type="password" autoComplete="off" className={inputClass} />
      </label>
      <label className="flex flex-col text-xs">
        Operator EORI
        <input name="operator_eori" defaultValue={setting.operator_eori} className={inputClass} />
      </label>
      <label className="flex flex-col text-xs">
        Operator country (ISO code)
        <input name="operator_country" maxLength={2} defaultValue={setting.operator_country} className={inputClass} />
      </label>
      <label className="flex flex-col text-xs sm:col-span-2">
        Operator address
        <input name="operator_address" defaultValue={setting.operator_address} className={inputClass} />
      </label>
      <div className="flex items-center gap-2">
        <Button type="submit" isPending={pending}>
          Save
        </Button>
        {error && <Notice>{error}</Notice>}
      </div>
    </form>
  );
}
