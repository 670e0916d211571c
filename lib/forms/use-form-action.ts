import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { fieldError, IDLE, type FormRefusal, type Idle } from "./form-result";

/** What an action answers when it did what it was asked. */
type Done<R> = Exclude<R, { status: "idle" | "error" }>;

/**
 * The one way a form submits to its server action. React resets a form after an `action=`
 * submission, refused or not, so the form is submitted by hand (`onSubmit`): what was typed stays
 * after a refusal. `confirm` asks first (its question for the button pressed, or null not to ask);
 * `resetOnDone` empties the form once the action did what it was asked. A control outside a form
 * submits through a `<form>` of its own (a button alone, a two-step confirmation). The form is
 * `method="post"` with its content in <UntilHydrated>: `onSubmit` is attached only once React has
 * hydrated the page, and before that the browser would send the form itself.
 */
export function useFormAction<R extends { status: string }>(
  // The previous answer is React's to pass; no action here reads it (so `never`: the answer's
  // type is inferred from what the action returns, bound or wrapped in an arrow).
  action: (previous: never, form: FormData) => Promise<R>,
  options: {
    /** The answer shown before any submit (e.g. "saved" when the page was reached by saving). */
    initial?: R | Idle;
    confirm?: (submitter: HTMLElement | null) => string | null;
    resetOnDone?: boolean;
    /** Empty the password fields after every answer (account forms). */
    clearPasswords?: boolean;
    /** Called with every answer (refused or done) and the form it answers. */
    onAnswer?: (result: R, form: FormData) => void;
  } = {},
) {
  // The form sent, its data, and the answer on screen when it was sent: the effect below acts on
  // the next answer only (a render while pending still shows the previous one).
  const sent = useRef<{ element: HTMLFormElement; data: FormData; before: unknown } | null>(null);
  const [state, dispatch, pending] = useActionState(
    action as (previous: R | Idle, form: FormData) => Promise<R | Idle>,
    (options.initial ?? IDLE) as Awaited<R> | Idle,
  );
  const { resetOnDone, clearPasswords, onAnswer } = options;

  useEffect(() => {
    if (!sent.current || state.status === "idle" || state === sent.current.before) return;
    const { element } = sent.current;
    if (resetOnDone && state.status !== "error") element.reset();
    // Account forms: a password is typed again after every answer, as browsers expect.
    if (clearPasswords) {
      for (const input of element.querySelectorAll<HTMLInputElement>('input[type="password"]')) {
        input.value = "";
      }
    }
    onAnswer?.(state as R, sent.current.data);
    // Once per answer: a re-render showing the same answer is not another one.
    sent.current = null;
  }, [state, resetOnDone, clearPasswords, onAnswer]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter ?? null;
    const question = options.confirm?.(submitter);
    if (question && !window.confirm(question)) return;
    // With the button pressed, as a browser sends it (`name=value` of a submit button).
    const data = new FormData(event.currentTarget, submitter);
    sent.current = { element: event.currentTarget, data, before: state };
    startTransition(() => dispatch(data));
  };

  const refusal = state.status === "error" ? (state as FormRefusal) : null;
  const done = state.status !== "idle" && state.status !== "error" ? (state as Done<R>) : null;
  return {
    state,
    pending,
    onSubmit,
    refusal,
    done,
    /** The sentence the refusal shows beside `field`, if any. */
    error: (field: string) => fieldError(state, field),
  };
}
