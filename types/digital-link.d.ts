// The parts of digital-link.js (which ships no types) that lib/gs1/digital-link.ts uses.
declare module "digital-link.js" {
  type DigitalLinkObject = {
    toWebUriString(): string;
    isValid(): boolean;
    getDomain(): string;
    getIdentifier(): Record<string, string>;
    getKeyQualifiers(): Record<string, string>;
  };
  type Options = {
    domain: string;
    identifier: Record<string, string>;
    keyQualifiers?: Record<string, string>;
  };
  export function DigitalLink(input: string | Options): DigitalLinkObject;
}
