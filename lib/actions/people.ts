"use server";
import { runMutation } from "./run";
import { setRole } from "../data/people";

export async function setRoleAction(userId: string, role: string, publisher: string) {
  return runMutation((actor) => setRole(actor, { userId, role, publisher: typeof publisher === "string" ? publisher.slice(0, 1000) : publisher }), {
    limit: "editor",
  });
}
