// Stops the e2e run early, with the fix, when no Chromium is installed.
import { findChromium } from "../e2e/browser";

const browser = findChromium();
if (!browser) {
  console.error(
    "No Chromium found for the Playwright tests. Install one of:\n  apt-get install chromium          (Debian/Ubuntu)\n  npx playwright install chromium    (Playwright's own build)\nor set CHROMIUM_PATH to a Chromium binary.",
  );
  process.exit(1);
}
console.log(`e2e browser: ${browser}`);
