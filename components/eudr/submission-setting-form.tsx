"use client";

// The eudr_submission setting: the EU information system's services, the web service user, its key and
// client id, and the operator's identity.
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { useApiCall } from "@/components/use-api-call";

type Setting = {
  endpoint_url: string;
  username: string;
  web_service_client_id: string;
  operator_eori: string;
  operator_address: string;
  operator_country: string;
  has_api_key: boolean;
};

/** The form's fields, in the order shown, each sent under its name; the key is never shown, only whether one is set. */
const fieldsOf = (setting: Setting): React.ComponentProps<typeof TextField>[] => [
  { name: "endpoint_url", label: "Services URL (…/tracesnt/ws)", type: "url", defaultValue: setting.endpoint_url },
  { name: "web_service_client_id", label: "Web service client id", defaultValue: setting.web_service_client_id },
  { name: "username", label: "Username", autoComplete: "off", defaultValue: setting.username },
  {
    name: "api_key",
    label: `Authentication key ${setting.has_api_key ? "(set; leave empty to keep)" : "(none)"}`,
    type: "password",
    autoComplete: "off",
  },
  { name: "operator_eori", label: "Operator EORI", defaultValue: setting.operator_eori },
  {
    name: "operator_country",
    label: "Operator country (ISO code)",
    maxLength: 2,
    defaultValue: setting.operator_country,
  },
  {
    name: "operator_address",
    label: "Operator address",
    defaultValue: setting.operator_address,
    fieldClassName: "sm:col-span-2",
  },
];

export function SubmissionSettingForm({ setting }: { setting: Setting }) {
  const { call, error, pending } = useApiCall();
  return (
    <Form
      aria-label="EU information system"
      className="grid gap-2 sm:grid-cols-2"
      onSubmit={(form) => {
        const f = new FormData(form);
        const get = (k: string) => String(f.get(k) ?? "").trim();
        void call(
          "PUT /api/due-diligence/settings",
          {
            body: {
              endpoint_url: get("endpoint_url"),
              username: get("username"),
              api_key: get("api_key"),
              web_service_client_id: get("web_service_client_id"),
              operator_eori: get("operator_eori"),
              operator_address: get("operator_address"),
              operator_country: get("operator_country").toUpperCase(),
            },
          },
          form,
        );
      }}
    >
      {fieldsOf(setting).map((f) => (
        <TextField key={f.name} id={`eudr-${f.name}`} {...f} />
      ))}
      <div className="flex items-center gap-2">
        <Button type="submit" isPending={pending}>
          Save
        </Button>
        {error && <Notice>{error}</Notice>}
      </div>
    </Form>
  );
}
