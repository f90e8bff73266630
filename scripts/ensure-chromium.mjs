// Makes sure a Chromium for the browser tests exists: the system one at /usr/bin/chromium
// (or CHROMIUM_PATH). Missing, as root with apt: installs it. Otherwise: says what to run.
import fs from "node:fs";
import { spawnSync } from "node:child_process";

const wanted = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (fs.existsSync(wanted)) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = fs.existsSync("/usr/bin/apt-get");
if (isRoot && hasApt && !process.env.CHROMIUM_PATH) {
  console.log("Browser tests need Chromium; installing Debian's chromium package (about a minute)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  const install = update.status === 0 ? spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env }) : update;
  if (install.status === 0 && fs.existsSync(wanted)) process.exit(0);
  console.error("Installing chromium with apt-get failed (see above).");
  process.exit(1);
}
console.error(
  [
    `Browser tests need Chromium at ${wanted}, and it is not there.`,
    hasApt ? "Install it with:  sudo apt-get update && sudo apt-get install -y chromium" : "Install Chromium with your system's package manager,",
    "or point CHROMIUM_PATH at an installed Chromium/Chrome, or (with internet) run: npx playwright install chromium",
  ].join("\n"),
);
process.exit(1);
