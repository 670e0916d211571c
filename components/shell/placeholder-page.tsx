export function PlaceholderPage({ title, description }: { title: string; description: string }) {
  return (
    <section>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div className="mt-6 rounded-lg border border-dashed border-gray-300 p-10 text-center dark:border-gray-700">
        <p className="text-sm text-gray-600 dark:text-gray-400">{description}</p>
      </div>
    </section>
  );
}
