import "server-only";

/** What a change of a saved view answers: done, or refused with the field it is about. */
export type ViewChange =
  { ok: true; id: number } | { ok: false; field: "name" | "id"; message: string };

export const NO_SUCH_VIEW: ViewChange = {
  ok: false,
  field: "id",
  message: "No such saved view in this program.",
};

export const nameTaken = (name: string): ViewChange => ({
  ok: false,
  field: "name",
  message: `A view named “${name}” already exists. Choose another name, or open it and update it.`,
});

/** The unique index on (program, name) refused the name: another view has it. */
export function isNameTaken(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}
