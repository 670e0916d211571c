import type { Metadata } from "next";
import { AuthCard } from "@/components/ui/auth-card";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Forgot your password?"
      intro="Enter your account's email. We will send you a link to choose a new password."
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}
