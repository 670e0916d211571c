/**
 * What a lenient read of a view's URL found wrong: the page's sentences (`warnings`) and, for
 * strict readers such as the reporting API, the same problems by URL parameter (`problems`).
 */
export interface ReadProblems {
  warnings: string[];
  problems: { field: string; message: string }[];
}

/** Records one problem of parameter `field`, for the page (`sentence`) and for strict readers. */
export function noteProblem(into: ReadProblems, field: string, message: string, sentence: string) {
  into.warnings.push(sentence);
  into.problems.push({ field, message });
}
