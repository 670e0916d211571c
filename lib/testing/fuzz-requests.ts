// Malformed requests to the public API, for the fuzz test: each is a well-formed request of one
// endpoint (against the seedApiProgram fixture) with some of its parts broken — fields dropped,
// retyped or filled with nasty values, unknown fields, bodies that are not JSON or nested too
// deep, wrong content types, garbage Authorization headers, odd query values and path segments
// that do not percent-decode.
import fc from "fast-check";
import {
  deepJson,
  edgeNumber,
  nastyJson,
  nastyString,
  objectKey,
  RawJson,
  toJsonText,
} from "./fuzz-values";

type EndpointName =
  | "create action"
  | "batch"
  | "list actions"
  | "archive action"
  | "create customer"
  | "list customers"
  | "get customer"
  | "update customer"
  | "archive customer"
  | "create partnership"
  | "list partnerships"
  | "get partnership"
  | "update partnership"
  | "list rewards"
  | "list groups"
  | "create group"
  | "update group"
  | "list tags"
  | "create tag"
  | "update tag"
  | "unknown path";

/** Which path parameter an endpoint takes, if any (its name in the route folder). */
export const PATH_PARAMETER: Partial<Record<EndpointName, string>> = {
  "archive action": "key",
  "get customer": "customer_key",
  "update customer": "customer_key",
  "archive customer": "customer_key",
  "get partnership": "partner_key",
  "update partnership": "partner_key",
  "update group": "group_key",
  "update tag": "tag_name",
};

type AuthKind = "basic" | "bearer" | "none" | "garbage" | "wrong secret";

export interface FuzzRequest {
  endpoint: EndpointName;
  auth: { kind: AuthKind; header?: string };
  /** The raw path segment (may not percent-decode), for endpoints with a path parameter. */
  segment?: string;
  /** The raw query string, without `?`. */
  query: string;
  /** The raw body text, when there is one. */
  body?: string;
  /** null: no Content-Type header. */
  contentType: string | null;
  idempotencyKey?: string;
}

const actionType = fc.constantFrom("signup_completed", "demo_booked", "new_type_x", "a:b.c-d");

const validAction = fc.record({
  key: fc.oneof(fc.constant(undefined), fc.stringMatching(/^[a-z0-9_-]{1,12}$/)),
  target_key: fc.constantFrom("cus_1", "cus_2", "ptn_alice", "ptn_bob", "nobody"),
  target_type: fc.constantFrom("customer", "partnership"),
  type: actionType,
  value: fc.integer({ min: 1, max: 20 }),
  occurred_at: fc.oneof(
    fc.constant(undefined),
    fc.integer({ min: 0, max: Date.now() }),
    fc.date({ min: new Date(0), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString()),
  ),
});

const email = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom("a@b.co", "not-an-email", "a@b", "x\u0000@y.co", "é@ü.de"),
);

const customerFields = {
  partner_key: fc.constantFrom("ptn_alice", "ptn_bob", "ptn_nobody"),
  email: fc.oneof(fc.constant(undefined), fc.constant(null), email),
  name: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 20 })),
  meta: fc.oneof(
    fc.constant(undefined),
    fc.dictionary(
      fc.oneof(fc.string({ maxLength: 6 }), objectKey, objectKey),
      fc.jsonValue({ maxDepth: 3 }),
      {
        maxKeys: 4,
      },
    ),
  ),
};
const validCustomer = fc.record({
  customer_key: fc.stringMatching(/^cus_[a-z0-9]{1,8}$/),
  ...customerFields,
});
const validCustomerUpdate = fc.record(customerFields, { requiredKeys: [] });

const partnershipFields = {
  email,
  first_name: fc.string({ minLength: 1, maxLength: 20 }),
  last_name: fc.string({ minLength: 1, maxLength: 20 }),
  group: fc.constantFrom("affiliates", "resellers", "nogroup"),
  tags: fc.oneof(
    fc.constant(undefined),
    fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 3 }),
  ),
  manager_email: fc.oneof(fc.constant(undefined), fc.constant(null), email),
  is_marketplace: fc.oneof(fc.constant(undefined), fc.boolean()),
  joined_at: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: Date.now() })),
};
const validPartnership = fc.record({
  partner_key: fc.stringMatching(/^ptn_[a-z0-9]{1,8}$/),
  ...partnershipFields,
});
const validPartnershipUpdate = fc.record(
  { ...partnershipFields, archived: fc.boolean() },
  { requiredKeys: [] },
);

const validGroup = fc.record(
  {
    key: fc.stringMatching(/^[a-z0-9_-]{1,10}$/),
    name: fc.oneof(
      fc.string({ minLength: 1, maxLength: 20 }),
      fc.constantFrom("Affiliates", "RESELLERS", "Default"),
    ),
  },
  { requiredKeys: ["name"] },
);
const validGroupUpdate = fc.record(
  { name: validGroup.map((g) => g.name), archived: fc.boolean() },
  { requiredKeys: [] },
);
const tagName = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.constantFrom("vip", "EMEA / North", "x".repeat(51)),
);
const validTag = fc.record({ name: tagName });
const validTagUpdate = fc.record({ name: tagName, archived: fc.boolean() }, { requiredKeys: [] });

/** A field's value broken: dropped, retyped or nasty; or left as it was. */
const mutatedValue = (value: unknown) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(value) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: nastyJson },
  );

/** A valid object with some fields broken and maybe unknown fields added. */
function mutatedObject(valid: fc.Arbitrary<Record<string, unknown>>) {
  return valid.chain((object) =>
    fc
      .tuple(
        fc.record(Object.fromEntries(Object.entries(object).map(([k, v]) => [k, mutatedValue(v)]))),
        fc.dictionary(objectKey, nastyJson, { maxKeys: 2 }),
        fc.boolean(),
      )
      .map(([fields, extra, addExtra]) => (addExtra ? { ...fields, ...extra } : fields)),
  );
}

/** A body: usually a broken object, sometimes another JSON value, sometimes not JSON at all. */
function bodyText(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: mutatedObject(valid).map(toJsonText) },
    { weight: 1, arbitrary: nastyJson.map(toJsonText) },
    { weight: 1, arbitrary: deepJson.map((deep) => toJsonText({ meta: deep, actions: deep })) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.constantFrom("", " ", "{", "{}", "[]", "null", '{"a":1,}', "{'a':1}", "\ufeff{}", "NaN"),
        mutatedObject(valid).map((o) => toJsonText(o).slice(0, -1)),
        nastyString,
      ),
    },
  );
}

const batchBody = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .array(mutatedObject(validAction), { minLength: 1, maxLength: 6 })
      .map((actions) => toJsonText({ actions })),
  },
  {
    weight: 2,
    arbitrary: bodyText(fc.record({ actions: fc.array(validAction, { maxLength: 3 }) })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(0, 1001)
      .map((n) => toJsonText({ actions: Array.from({ length: n }, () => ({})) })),
  },
);

/** A query value: valid-looking, edge numbers as text, nasty text, or raw bad percent-encoding. */
const queryValue = fc.oneof(
  fc.constantFrom(
    "",
    "0",
    "1",
    "10",
    "250",
    "251",
    "-1",
    "1.5",
    "1e3",
    "0x10",
    "99999999999999999999",
  ),
  fc.constantFrom("true", "false", "yes", "created_at", "-created_at", "amount", "pending", "paid"),
  fc.constantFrom("cus_1", "ptn_alice", "act-1", "signup_completed", "affiliates", "ghost"),
  fc.constantFrom("253402300799999", "253402300800000", "1700000000000"),
  fc.constantFrom("%ff", "%", "%zz", "a%00b", "%ED%A0%80", "%E0%A4%A"),
  nastyString.map((s) => encodeURIComponent(s.toWellFormed())),
  edgeNumber.map((n) => encodeURIComponent(n instanceof RawJson ? n.text : String(n))),
);

const QUERY_KEYS = [
  "limit",
  "starting_after",
  "ending_before",
  "min_created",
  "max_created",
  "min_updated",
  "max_updated",
  "partnership_key",
  "partner_key",
  "action_type",
  "order_by",
  "include_archived",
  "group",
  "status",
  "unknown",
  "LIMIT",
];

const queryString = fc
  .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), queryValue), { maxLength: 4 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));

/** A path segment: a fixture key, a nasty one (encoded), or one that does not percent-decode. */
const segment = fc.oneof(
  fc.constantFrom("act-1", "act-2", "cus_1", "cus_2", "ptn_alice", "ptn_bob", "ghost"),
  fc.constantFrom("affiliates", "resellers", "vip", "EMEA%20%2F%20North"),
  nastyString.map((s) => encodeURIComponent(s.toWellFormed())),
  fc.constantFrom("a%ffb", "%", "%zz", "%E0%A4%A", "%ED%A0%80", "%C0%80", "a%00b", "%2F", "%25"),
);

const contentType = fc.oneof(
  { weight: 12, arbitrary: fc.constant("application/json") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      null,
      "",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=latin1",
      "APPLICATION/JSON",
      "application/merge-patch+json",
      "application/jsonx",
      "json",
    ),
  },
);

/** Header values are bytes: Latin-1 without CR, LF or NUL (fetch refuses the rest client-side). */
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});

const auth = fc.oneof(
  { weight: 14, arbitrary: fc.constant({ kind: "basic" as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: "bearer" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "none" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "wrong secret" as const }) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        headerText,
        headerText.map((t) => `Basic ${t}`),
        headerText.map((t) => `Basic ${Buffer.from(t, "latin1").toString("base64")}`),
        headerText.map((t) => `Basic ${Buffer.from(`${t}:${t}`, "utf8").toString("base64")}`),
        headerText.map((t) => `Bearer ${t}`),
        headerText.map((t) => `Bearer sk_test_${"a".repeat(24)}_${t}`),
        fc.constantFrom("Basic", "Bearer", "Basic ::::", "Basic AAAA", "Digest x", "basic   Og=="),
        fc.constant(`Bearer ${"x".repeat(8000)}`),
      )
      .map((header) => ({ kind: "garbage" as const, header })),
  },
);

const withBody = (endpoint: EndpointName, body: fc.Arbitrary<string>) =>
  fc.record(
    {
      endpoint: fc.constant(endpoint),
      body,
      contentType,
      query: fc.constant(""),
      idempotencyKey: fc.oneof(
        headerText,
        fc.constantFrom("", " ", "k".repeat(256), "act-1", "act-2"),
      ),
    },
    { requiredKeys: ["endpoint", "body", "contentType", "query"] },
  );
const withQuery = (endpoint: EndpointName) =>
  fc.record({
    endpoint: fc.constant(endpoint),
    query: queryString,
    contentType: fc.constant(null),
  });

const shapes = fc.oneof(
  withBody("create action", bodyText(validAction)),
  withBody("batch", batchBody),
  withQuery("list actions"),
  withQuery("archive action"),
  withBody("create customer", bodyText(validCustomer)),
  withQuery("list customers"),
  withQuery("get customer"),
  withBody("update customer", bodyText(validCustomerUpdate)),
  withQuery("archive customer"),
  withBody("create partnership", bodyText(validPartnership)),
  withQuery("list partnerships"),
  withQuery("get partnership"),
  withBody("update partnership", bodyText(validPartnershipUpdate)),
  withQuery("list rewards"),
  withQuery("list groups"),
  withBody("create group", bodyText(validGroup)),
  withBody("update group", bodyText(validGroupUpdate)),
  withQuery("list tags"),
  withBody("create tag", bodyText(validTag)),
  withBody("update tag", bodyText(validTagUpdate)),
  withQuery("unknown path"),
);

export const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc
  .tuple(shapes, auth, segment)
  .map(([shape, authSpec, seg]) => ({
    ...shape,
    auth: authSpec,
    segment: PATH_PARAMETER[shape.endpoint] || shape.endpoint === "unknown path" ? seg : undefined,
  }));
