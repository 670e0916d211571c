import { describe, expect, it } from "vitest";
import { sourceCustomer, sourcePartnership } from "./source-records";

describe("reading PartnerStack's records", () => {
  it("pages by the source's own key and stores by partner_key / customer_key", () => {
    const partnership = sourcePartnership.parse({
      key: "part_8xYz",
      partner_key: "JohnSmith",
      archived: "false",
      tags: ["vip", { name: "emea" }],
    });
    expect(partnership).toMatchObject({
      key: "part_8xYz",
      partnerKey: "JohnSmith",
      archived: false,
      tags: ["vip", "emea"],
    });
    expect(sourcePartnership.parse({ partner_key: "JohnSmith" })).toMatchObject({
      key: "JohnSmith",
      partnerKey: "JohnSmith",
    });
    const customer = sourceCustomer.parse({
      key: "cust_1a2b",
      customer_key: "cus_42",
      partnership_key: "part_8xYz",
      archived: "true",
    });
    expect(customer).toMatchObject({
      key: "cust_1a2b",
      customerKey: "cus_42",
      partnerKey: "part_8xYz",
      archived: true,
    });
  });

  it("names what is missing or malformed", () => {
    const noKey = sourcePartnership.safeParse({ first_name: "No key" });
    expect(noKey.success).toBe(false);
    expect(noKey.error?.issues[0].path).toEqual(["partner_key"]);
    const badFlag = sourcePartnership.safeParse({ partner_key: "x", archived: "maybe" });
    expect(badFlag.error?.issues[0].path).toEqual(["archived"]);
    expect(sourceCustomer.safeParse({ email: "a@b.test" }).error?.issues[0].path).toEqual([
      "customer_key",
    ]);
  });
});
