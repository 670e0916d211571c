import { StatusPage } from "@/components/ui/status-page";

export default function Forbidden() {
  return (
    <StatusPage
      status="403 · No access"
      statusClass="text-red-600"
      title="You are not a member of this program"
    >
      The link points at a partner program your account does not belong to. Ask one of its owners to
      invite you, or go back to your own programs.
    </StatusPage>
  );
}
