// Playwright's own Chromium when installed, else Debian's; undefined when there is neither.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export function findChromium(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    chromium.executablePath(),
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
  ];
  return candidates.find((p): p is string => !!p && existsSync(p));
}
