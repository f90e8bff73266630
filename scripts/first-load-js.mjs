// Prints the first-load JavaScript of a page, gzip: every script chunk the HTML names
// (script tags and the client-component chunks in the RSC payload), minus the legacy
// polyfills that modern browsers skip (nomodule). Usage: node scripts/first-load-js.mjs URL [.next dir]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const [url, dist = ".next"] = process.argv.slice(2);
const html = await (await fetch(url)).text();
const noModule = new Set([...html.matchAll(/<script[^>]*src="([^"]+)"[^>]*noModule/gi)].map((m) => m[1]));
const chunks = new Set([...html.matchAll(/\/_next\/(static\/[^"'\\\s]+?\.js)/g)].map((m) => m[1]));
let total = 0;
const rows = [];
for (const c of chunks) {
  if ([...noModule].some((n) => n.includes(c))) continue;
  const file = path.join(dist, decodeURIComponent(c));
  if (!fs.existsSync(file)) continue;
  const gz = zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  total += gz;
  rows.push([gz, c]);
}
rows.sort((a, b) => b[0] - a[0]);
for (const [gz, c] of rows) console.log(`${(gz / 1024).toFixed(1).padStart(6)} KB  ${c}`);
console.log(`first-load JS: ${(total / 1024).toFixed(1)} KB gzip in ${rows.length} files; HTML ${(html.length / 1024).toFixed(1)} KB`);
