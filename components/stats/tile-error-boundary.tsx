"use client";

import { Component, type ReactNode } from "react";
import { cardClass } from "@/components/ui/styles";

/** A tile that fails shows why, alone; the other tiles keep working. */
export class TileErrorBoundary extends Component<
  { title: string; children: ReactNode },
  { error: Error | null }
> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <section
        aria-label={this.props.title}
        className={`${cardClass} border-red-200 p-4 dark:border-red-900`}
      >
        <h2 className="text-sm font-medium text-gray-600 dark:text-gray-300">{this.props.title}</h2>
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          This tile could not be loaded. The rest of the tab is unaffected; reload to try again.
        </p>
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="mt-2 text-sm text-blue-600 hover:underline"
        >
          Reload the page
        </button>
      </section>
    );
  }
}
