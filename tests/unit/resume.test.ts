import { describe, expect, it } from "vitest";
import { clearPosition, endMargin, formatTime, readPosition, resumeFrom, resumeKey, spokenTime, writePosition, type StorageLike } from "@/lib/player/resume";

function memoryStorage(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, String(v)), removeItem: (k) => void map.delete(k) };
}

describe("saved positions", () => {
  it("round-trips a position per film", () => {
    const s = memoryStorage();
    writePosition(s, "the-work", 3.14159, 1000);
    expect(s.map.get("marquee:resume:the-work")).toBe('{"t":3.1,"at":1000}');
    expect(readPosition(s, "the-work")).toBe(3.1);
    writePosition(s, "the-work", 2.99, 1000); // rounded down: the clock must not jump ahead of where the viewer was
    expect(readPosition(s, "the-work")).toBe(2.9);
    expect(readPosition(s, "another-film")).toBeNull();
    clearPosition(s, "the-work");
    expect(readPosition(s, "the-work")).toBeNull();
  });

  it("forgets a film when the position goes back to the start", () => {
    const s = memoryStorage();
    writePosition(s, "the-work", 42);
    writePosition(s, "the-work", 0.4);
    expect(s.map.has(resumeKey("the-work"))).toBe(false);
    writePosition(s, "the-work", Number.NaN);
    expect(s.map.size).toBe(0);
  });

  it("ignores what it cannot read, and storage that throws", () => {
    const s = memoryStorage();
    for (const raw of ["nope", "{}", '{"t":"3"}', '{"t":-1}', "null", "3"]) {
      s.map.set(resumeKey("x"), raw);
      expect(readPosition(s, "x"), raw).toBeNull();
    }
    const broken: StorageLike = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(readPosition(broken, "x")).toBeNull();
    expect(() => writePosition(broken, "x", 10)).not.toThrow();
    expect(() => clearPosition(broken, "x")).not.toThrow();
    expect(readPosition(null, "x")).toBeNull();
  });
});

describe("resumeFrom", () => {
  it("resumes in the middle", () => {
    expect(resumeFrom(3, 8)).toBe(3);
    expect(resumeFrom(1800, 89 * 60)).toBe(1800);
  });

  it("starts over at the very start, near the end, or without a position or duration", () => {
    expect(resumeFrom(null, 8)).toBeNull();
    expect(resumeFrom(0.5, 8)).toBeNull();
    expect(resumeFrom(6.5, 8)).toBeNull(); // within the last 2 s
    expect(resumeFrom(8, 8)).toBeNull();
    expect(resumeFrom(20, 8)).toBeNull();
    expect(resumeFrom(89 * 60 - 100, 89 * 60)).toBeNull(); // in the credits (last 5 %)
    expect(resumeFrom(3, Number.NaN)).toBeNull();
    expect(resumeFrom(3, Number.POSITIVE_INFINITY)).toBeNull();
    expect(resumeFrom(3, 0)).toBeNull();
  });

  it("treats the last 2 s or 5 % as the end", () => {
    expect(endMargin(8)).toBe(2);
    expect(endMargin(1000)).toBe(50);
  });
});

describe("times", () => {
  it("formats like a player clock", () => {
    expect(formatTime(0)).toBe("0:00");
    expect(formatTime(4.9)).toBe("0:04");
    expect(formatTime(75)).toBe("1:15");
    expect(formatTime(3725)).toBe("1:02:05");
    expect(formatTime(Number.NaN)).toBe("0:00");
  });

  it("speaks in words", () => {
    expect(spokenTime(0)).toBe("0 seconds");
    expect(spokenTime(1)).toBe("1 second");
    expect(spokenTime(75)).toBe("1 minute 15 seconds");
    expect(spokenTime(3600)).toBe("1 hour");
  });
});
