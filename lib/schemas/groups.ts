import { z } from "zod";
import { externalKey, storable } from "../validation/fields";
import { epochMs } from "../validation/times";
import { updateBody } from "./keyed-record";

/** A group's name: shown in the app, the tab's filters and the API. */
export const groupName = storable(
  z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
);

export const createGroupSchema = z.object({
  key: externalKey.optional().meta({
    description:
      'Your key for the group, unique in the program. Default: derived from the name ("Resellers EU" → "resellers-eu"; when taken, a random suffix is added).',
  }),
  name: groupName.meta({
    description: "Unique in the program (ignoring case)",
  }),
});

export const updateGroupSchema = updateBody({
  name: groupName,
  archived: z.boolean("must be true or false").meta({
    description:
      "true archives the group: its partnerships and numbers stay, but no partnership may join it (a 422 naming the group field); false restores it",
  }),
});

export const groupOutput = z.object({
  key: z.string(),
  name: z.string(),
  slug: z.string(),
  archived: z.boolean(),
  created_at: epochMs,
});

export type CreateGroupInput = z.output<typeof createGroupSchema>;
export type UpdateGroupInput = z.output<typeof updateGroupSchema>;
export type GroupOutput = z.output<typeof groupOutput>;
