import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/shell/placeholder-page";

export const metadata: Metadata = { title: "Partners" };

export default function Page() {
  return (
    <PlaceholderPage
      title="Partners"
      description="Partnership management arrives in a later release."
    />
  );
}
