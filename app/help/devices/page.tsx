import type { Metadata } from "next";
import Link from "@/components/ui/Link";

export const metadata: Metadata = {
  title: "Supported browsers and devices",
  description: "Where you can watch films from Marquee: web browsers, phones, tablets and TVs.",
  alternates: { canonical: "/help/devices" },
  openGraph: {
    title: "Supported browsers and devices · Marquee",
    description: "Where you can watch films from Marquee: web browsers, phones, tablets and TVs.",
    url: "/help/devices",
    type: "website",
    siteName: "Marquee",
  },
};

const rows = [
  ["Computer (Windows, macOS, Linux, ChromeOS)", "Chrome, Edge, Firefox or Safari, the latest two versions"],
  ["Android phone or tablet", "Chrome or Firefox on Android 10 or newer"],
  ["iPhone or iPad", "Safari on iOS / iPadOS 16 or newer"],
  ["TV", "Cast from Chrome, or use a TV's built-in browser with HTML5 video"],
];

export default function DevicesPage() {
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-3xl font-bold tracking-tight">Supported browsers and devices</h1>
      <p>
        Every film on Marquee plays in a web browser with HTML5 video: nothing to install. If a film will not start, update your browser first; most problems
        end there.
      </p>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Devices and the browsers that play Marquee films</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-4 font-semibold">
              Device
            </th>
            <th scope="col" className="py-2 font-semibold">
              Browser
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([device, browser]) => (
            <tr key={device} className="border-b border-line align-top">
              <th scope="row" className="py-2 pr-4 font-normal">
                {device}
              </th>
              <td className="py-2">{browser}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="text-xl font-semibold">What you need</h2>
      <ul className="list-disc space-y-1 pl-5">
        <li>A connection of at least 3 Mbit/s for standard quality, 5 Mbit/s for HD.</li>
        <li>JavaScript switched on, and third-party cookies are not needed.</li>
        <li>
          Keyboard users: select the player, then Space or K plays and pauses, the left and right arrows skip 5 seconds, the up and down arrows change the
          volume, M mutes and F toggles full screen.
        </li>
        <li>Stopped halfway? Open the film again in the same browser and it picks up where you left off.</li>
      </ul>
      <h2 className="text-xl font-semibold">Video formats</h2>
      <p>
        Each video comes in two formats and your browser picks the one it plays: WebM (VP9 video, Opus sound) for Chrome, Edge, Firefox and recent Safari, and
        MP4 (H.264 video, AAC sound) for older iPhones, iPads and Macs and most TV browsers.
      </p>
      <p>
        <Link href="/" className="font-semibold text-brand hover:underline">
          Browse films
        </Link>
      </p>
    </div>
  );
}
