/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, username: string, minLength: number): string | undefined {
  if ([...password].length < minLength) return `the password must have at least ${minLength} characters`;
  if (password.length > 1024) return 'the password must have at most 1024 characters';
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return 'the password must not be the username';
  if (new Set(password).size === 1) return 'the password must not repeat a single character';
  return undefined;
}
