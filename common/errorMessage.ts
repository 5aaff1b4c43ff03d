// What went wrong, as a line for a person: an Error's message, else the thrown value as text.
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
