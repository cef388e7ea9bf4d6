import { confirm, input, select } from '@inquirer/prompts';
import type { Prompter } from './prompter.js';

/** @inquirer/prompts on stdin and stderr: stdout stays for the plan itself. */
export function inquirerPrompter(streams: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream }): Prompter {
  const context = { input: streams.input, output: streams.output, clearPromptOnDone: false };
  return {
    input: (q) => input({ message: q.message, default: q.default, validate: q.validate }, context),
    select: (q) => select({ message: q.message, choices: q.choices, default: q.default, pageSize: 10 }, context),
    confirm: (q) => confirm({ message: q.message, default: q.default }, context),
  };
}
