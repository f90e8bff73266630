import { describe, expect, it } from "vitest";
import { busyKeys, coalescing } from "@/lib/data/hot-rows";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("coalescing writes per key", () => {
  it("runs the first input alone, then everything that arrived meanwhile as one batch of distinct members, one batch per key at a time", async () => {
    const batches: string[][] = [];
    let running = 0;
    let most = 0;
    const write = coalescing<{ who: string; v: number }, string>({
      run: async (key, inputs) => {
        running++;
        most = Math.max(most, running);
        batches.push(inputs.map((i) => `${key}:${i.who}${i.v}`));
        await tick();
        running--;
        return inputs.map((i) => `${i.who}${i.v}!`);
      },
      distinct: (i) => i.who,
      max: 3,
    });
    const results = await Promise.all([
      write("r1", { who: "a", v: 1 }),
      write("r1", { who: "b", v: 1 }),
      write("r1", { who: "a", v: 2 }), // same member: waits for the next batch
      write("r1", { who: "c", v: 1 }),
      write("r1", { who: "d", v: 1 }), // over max 3
      write("r2", { who: "a", v: 9 }), // another key runs beside r1
    ]);
    expect(results).toEqual(["a1!", "b1!", "a2!", "c1!", "d1!", "a9!"]);
    expect(batches).toEqual([["r1:a1"], ["r2:a9"], ["r1:b1", "r1:a2", "r1:c1"], ["r1:d1"]]);
    expect(most).toBe(2); // r1 and r2 at once, never two batches of r1
    await tick(); // the queue is dropped just after the last caller is answered
    expect(busyKeys()).toBe(0);
  });

  it("tries a failed batch input by input, so one bad input fails only its caller", async () => {
    const calls: number[] = [];
    const write = coalescing<number, number>({
      run: async (_key, inputs) => {
        calls.push(inputs.length);
        await tick();
        if (inputs.includes(13)) throw new Error("bad input");
        return inputs.map((i) => i * 2);
      },
      distinct: (i) => String(i),
      max: 10,
    });
    const settled = await Promise.allSettled([write("k", 1), write("k", 2), write("k", 13), write("k", 4)]);
    expect(settled.map((s) => (s.status === "fulfilled" ? s.value : "failed"))).toEqual([2, 4, "failed", 8]);
    expect(calls).toEqual([1, 3, 1, 1, 1]);
    await tick(); // the queue is dropped just after the last caller is answered
    expect(busyKeys()).toBe(0);
  });
});
