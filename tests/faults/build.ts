// Fault tests start real production servers: make sure a build exists first.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";

export default function setup(): void {
  if (fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) return;
  console.log("tests/faults: no production build yet, running `npm run build`…");
  const r = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("npm run build failed");
}
