"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While something runs in the background (a delivery, an import), reads the page again every few
 * seconds to show how it went.
 */
export function AutoRefresh({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
