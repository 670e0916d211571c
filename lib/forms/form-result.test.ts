import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldError, invalidFields, invalidInput, refused } from "./form-result";

const schema = z.object({
  program: z.object({ name: z.string().min(1, "Name it"), slug: z.string().min(1, "Slug it") }),
  note: z.string("Say why"),
});
const error = schema.safeParse({ program: { name: "", slug: "" } }).error!;

describe("form results", () => {
  it("leaves out what a refusal is not about", () => {
    expect(refused("No.")).toEqual({ status: "error", message: "No." });
    expect(refused("No.", { field: "", code: undefined })).toEqual({
      status: "error",
      message: "No.",
    });
    expect(refused("No.", { field: "id", code: 404 })).toEqual({
      status: "error",
      message: "No.",
      field: "id",
      code: 404,
    });
  });

  it("turns a schema's refusal into the first problem beside its field, or one per field", () => {
    expect(invalidInput(error)).toEqual({ status: "error", message: "Name it", field: "program" });
    expect(invalidInput(error, { code: 422 })).toMatchObject({ code: 422 });
    expect(invalidFields(error, "Check.", ["program"])).toEqual({
      status: "error",
      message: "Check.",
      fields: { name: "Name it", slug: "Slug it" },
    });
    expect(invalidFields(error, "Check.").fields).toEqual({ program: "Name it", note: "Say why" });
  });

  it("finds the sentence for a field in either shape", () => {
    const one = refused("Taken", { field: "slug" });
    const many = invalidFields(error, "Check.", ["program"]);
    expect([fieldError(one, "slug"), fieldError(one, "name")]).toEqual(["Taken", undefined]);
    expect([fieldError(many, "slug"), fieldError(many, "other")]).toEqual(["Slug it", undefined]);
    const saved = { status: "saved", message: "Saved." };
    expect(fieldError(saved, "slug")).toBeUndefined();
  });
});
