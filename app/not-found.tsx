import { StatusPage } from "@/components/ui/status-page";

export default function NotFound() {
  return (
    <StatusPage
      status="404 · Not found"
      statusClass="text-gray-500"
      title="There is nothing at this address"
    >
      The program or page may have been renamed or removed.
    </StatusPage>
  );
}
