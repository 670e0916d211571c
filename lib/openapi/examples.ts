// The values the API reference's example request uses. The demo seed creates a key and a customer
// with exactly these, so the example works against the demo data.

/** A test-mode key pair; its secret is public on purpose, never do this for a real key. */
export const EXAMPLE_API_KEY = {
  publicKey: "pk_test_acmedemo00000000001",
  secret: "sk_test_acmedemo00000000001_acme-demo-secret-not-for-production",
};

/** The customer the example sends an action for (an active partner's). */
export const EXAMPLE_CUSTOMER_KEY = "cus_acme_00002";
