/** What the wizard needs from a prompt library: the real one wraps @inquirer/prompts, tests script the answers. */
export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  disabled?: string | false;
}

export interface Prompter {
  input(q: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  select<T>(q: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  confirm(q: { message: string; default?: boolean }): Promise<boolean>;
}
