// Review limits and report reasons: plain constants, safe for the browser bundle (the zod
// schemas that enforce them on the server are in ./review.ts).
export const REVIEW_MAX = 500;
export const REPORT_NOTE_MAX = 300;
export const REPORT_REASONS = ["SPAM", "OFFENSIVE", "OFF_TOPIC", "SPOILER", "OTHER"] as const;
export const REPORT_REASON_LABELS: Record<(typeof REPORT_REASONS)[number], string> = {
  SPAM: "Spam or advertising",
  OFFENSIVE: "Offensive or hateful",
  OFF_TOPIC: "Off-topic: not about this film",
  SPOILER: "Spoiler not marked",
  OTHER: "Something else",
};
