import { z } from "zod";
import { updateBody } from "./keyed-record";
import { tagName } from "./partnerships";

export const createTagSchema = z.object({
  name: tagName.meta({ description: "Unique in the program" }),
});

export const updateTagSchema = updateBody({
  name: tagName.meta({ description: "The new name; every partnership with the tag shows it" }),
  archived: z.boolean("must be true or false").meta({
    description:
      "true archives the tag: it stays on its partnerships and in filters but cannot be newly assigned (a 422 naming tags); false restores it",
  }),
});

export const tagOutput = z.object({ name: z.string(), archived: z.boolean() });

export type CreateTagInput = z.output<typeof createTagSchema>;
export type UpdateTagInput = z.output<typeof updateTagSchema>;
export type TagOutput = z.output<typeof tagOutput>;
