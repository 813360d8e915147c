import { plainText as text } from './plain-text';
import { UnsupportedFormError } from './read-form-body';
import { BodyIncompleteError, BodyTooLargeError } from './read-request-body';

/**
 * The answer to a form body that could not be read: what was wrong with it, in a line, never a
 * stack trace. An error that is not about the body is thrown on.
 */
export function formProblem(error: unknown): Response {
  if (error instanceof BodyTooLargeError) return text('The form is too large.', 413);
  if (error instanceof UnsupportedFormError) return text('Send the form as application/x-www-form-urlencoded or multipart/form-data.', 415);
  if (error instanceof BodyIncompleteError) {
    console.info(`form: ${error.message}`);
    return text('The form did not arrive whole.', 400);
  }
  // Not UTF-8, or a multipart body that does not parse.
  if (error instanceof TypeError) return text('The form could not be read.', 400);
  throw error;
}
