// Validates an input against its schema, turning the first problem into an `invalid_input` error.
import type { z } from "zod";
import { AppError } from "../errors/app-error.ts";

/** The parsed value, or `AppError("invalid_input")` naming the first problem and its field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  throw new AppError("invalid_input", `${field}${issue?.message ?? "invalid input"}`, { issues: parsed.error.issues });
}
