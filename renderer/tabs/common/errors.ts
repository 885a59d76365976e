import { ApiError } from "../../api/client";

/** The message of a failed call, as the user should read it (ApiErrors already say expected/received). */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
