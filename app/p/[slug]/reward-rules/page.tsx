import type { Metadata } from "next";
import { PlaceholderPage } from "@/components/shell/placeholder-page";

export const metadata: Metadata = { title: "Reward rules" };

export default function Page() {
  return (
    <PlaceholderPage
      title="Reward rules"
      description="Reward rule editing arrives with the Actions API release."
    />
  );
}
